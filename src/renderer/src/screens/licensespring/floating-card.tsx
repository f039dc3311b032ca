import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { Card } from '../../components/card';
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

  return (
    <Card
      className="ls-floating"
      labelledBy="ls-floating-title"
      title="Floating licence"
      description={`Computers share ${floating.max} ${floating.max === 1 ? 'slot' : 'slots'}: a computer takes one while the software runs and gives it back when it stops.`}
      aside={<HoldPill floating={floating} />}
    >
      <FactList
        items={[
          {
            term: 'Slots in use',
            value: <SlotsUsage floating={floating} label="Floating slots in use" />,
          },
          { term: 'Slot lapses after', value: `${floating.timeoutMinutes} min without a check` },
          {
            term: 'Borrowing',
            value: !floating.canBorrow
              ? 'Not allowed'
              : maxBorrow !== undefined
                ? `Up to ${hoursText(maxBorrow)}`
                : 'Allowed',
          },
          borrowedUntil !== undefined && {
            term: 'Borrowed until',
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
                  Give the slot back now, so another computer can take it. The software here stops
                  working until it takes a slot again.
                </p>
                <ActionButton
                  handle={refocusAfter(
                    release,
                    floating.canBorrow ? 'ls-borrow-until' : 'ls-check',
                  )}
                  action={{ kind: 'release' }}
                  variant="danger"
                  busyLabel="Releasing…"
                  disabled={borrow.busy}
                  describedBy="ls-release-text"
                >
                  Release slot
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
