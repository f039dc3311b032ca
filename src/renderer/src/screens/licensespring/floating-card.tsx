import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
import { tLicensespring } from '../../i18n/licensespring.en';
import { RelativeTime } from '../../components/live-time';
import { formatDateTime } from '../../lib/format';
import { hoursText } from '../../lib/licensespring-text';
import type { LsProfileState } from '../../store/licensespring-store';
import { BorrowForm } from './borrow-form';
import { FactList } from './fact-list';
import { HoldPill, SlotsUsage, useHoldState } from './floating-parts';
import { ActionButton, ActionOutcome, refocusAfter, useLsAction } from './ls-action';

type LicenceFloating = NonNullable<LsLicenceDetails['floating']>;

interface FloatingCardProps {
  readonly profileId: string;
  readonly floating: LicenceFloating;
  readonly state: LsProfileState;
}

/** A floating licence: computers share its slots; this one can borrow a slot or give it back. */
export function FloatingCard({ profileId, floating, state }: FloatingCardProps) {
  const borrow = useLsAction(profileId, state, 'borrow');
  const release = useLsAction(profileId, state, 'release');
  const hold = useHoldState(floating);
  const maxBorrow = floating.maxBorrowHours > 0 ? floating.maxBorrowHours : undefined;
  const { borrowedUntil } = floating;
  const t = tLicensespring().floating;

  return (
    <Card
      className="ls-floating"
      labelledBy="ls-floating-title"
      title={t.title}
      description={t.description(floating.max)}
      aside={<HoldPill floating={floating} />}
    >
      <FactList
        items={[
          {
            term: t.slotsInUse,
            value: <SlotsUsage floating={floating} label={t.slotsBar} />,
          },
          { term: t.lapsesAfter, value: t.lapse(floating.timeoutMinutes) },
          {
            term: t.borrowing,
            value: !floating.canBorrow
              ? t.borrowNotAllowed
              : maxBorrow !== undefined
                ? t.borrowUpTo(hoursText(maxBorrow))
                : t.borrowAllowed,
          },
          borrowedUntil !== undefined && {
            term: t.borrowedUntil,
            value: (
              <>
                {formatDateTime(borrowedUntil)}
                <span className="ls-fact-note">
                  <RelativeTime at={borrowedUntil} />
                </span>
              </>
            ),
          },
        ]}
      />
      {(floating.canBorrow || hold.releasable) && (
        <div className="card__footer ls-floating__actions">
          {floating.canBorrow && (
            <BorrowForm
              id="ls-borrow-until"
              maxBorrowHours={maxBorrow}
              handle={borrow}
              toAction={(until) => ({ kind: 'borrow', until })}
              disabled={release.busy}
            />
          )}
          {hold.releasable && (
            <div className="ls-release">
              <div className="ls-release__row">
                <p className="ls-release__text" id="ls-release-text">
                  {t.releaseText}
                </p>
                <ActionButton
                  handle={refocusAfter(
                    release,
                    floating.canBorrow ? 'ls-borrow-until' : 'ls-check',
                  )}
                  action={{ kind: 'release' }}
                  variant="danger"
                  busyLabel={t.releasing}
                  disabled={borrow.busy}
                  describedBy="ls-release-text"
                >
                  {t.release}
                </ActionButton>
              </div>
              <ActionOutcome handle={release} />
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
