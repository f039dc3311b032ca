import { useId, useState } from 'react';
import type { LsFeatureView } from '../../../../shared/licensespring-model';
import { Button } from '../../components/button';
import { tLicensespring } from '../../i18n/licensespring.en';
import type { LsProfileState } from '../../store/licensespring-store';
import { BorrowForm } from './borrow-form';
import { useHoldState } from './floating-parts';
import { ActionButton, ActionOutcome, refocusAfter, useLsAction } from './ls-action';
import { RecordUsageForm } from './record-usage-form';

interface FeatureActionsProps {
  readonly profileId: string;
  readonly feature: LsFeatureView;
  readonly state: LsProfileState;
  readonly canConsume: boolean;
  readonly maxBorrowHours: number | undefined;
}

const NOT_FLOATING = { held: false } as const;

/**
 * Check, Borrow, Release and Record usage for one feature, each with its outcome beside it. One
 * action at a time per feature: the others wait while one is on its way.
 */
export function FeatureActions({
  profileId,
  feature,
  state,
  canConsume,
  maxBorrowHours,
}: FeatureActionsProps) {
  const { code, name, floating, consumption } = feature;
  const t = tLicensespring().feature;
  const check = useLsAction(profileId, state, 'feature-check', code);
  const borrow = useLsAction(profileId, state, 'feature-borrow', code);
  const release = useLsAction(profileId, state, 'feature-release', code);
  const consume = useLsAction(profileId, state, 'feature-consume', code);
  const hold = useHoldState(floating ?? NOT_FLOATING);
  const [borrowing, setBorrowing] = useState(false);
  const borrowId = useId();
  const busy = [check, borrow, release, consume].some((handle) => handle.busy);
  const waits = (own: { busy: boolean }): boolean => busy && !own.busy;
  const recordable = canConsume && feature.type === 'consumption' && consumption !== undefined;
  const checkId = `${borrowId}-check`;

  return (
    <div className="ls-feature__actions">
      <div className="ls-feature__buttons">
        <ActionButton
          id={checkId}
          handle={check}
          action={{ kind: 'feature-check', feature: code }}
          busyLabel={t.checking}
          disabled={waits(check)}
          label={t.checkFeature(name)}
        >
          {t.check}
        </ActionButton>
        {floating && (
          <Button
            size="sm"
            aria-expanded={borrowing}
            aria-controls={borrowing ? borrowId : undefined}
            onClick={() => setBorrowing(!borrowing)}
            // Named in full (the hidden-text way would put a space before the ellipsis).
            aria-label={t.borrowFeature(name)}
          >
            {t.borrow}
          </Button>
        )}
        {hold.releasable && (
          <ActionButton
            handle={refocusAfter(release, checkId)}
            action={{ kind: 'feature-release', feature: code }}
            variant="danger"
            busyLabel={t.releasing}
            disabled={waits(release)}
            label={t.releaseFeature(name)}
          >
            {t.release}
          </ActionButton>
        )}
      </div>
      <ActionOutcome handle={check} />
      <ActionOutcome handle={release} />
      {floating && borrowing && (
        <div id={borrowId} className="ls-feature__form">
          <BorrowForm
            id={`${borrowId}-until`}
            maxBorrowHours={maxBorrowHours}
            handle={borrow}
            toAction={(until) => ({ kind: 'feature-borrow', feature: code, until })}
            disabled={waits(borrow)}
            extra={
              <Button size="sm" variant="ghost" onClick={() => setBorrowing(false)}>
                {t.close}
              </Button>
            }
          />
        </div>
      )}
      {recordable && (
        <div className="ls-feature__form">
          <RecordUsageForm
            id={`${borrowId}-amount`}
            meter={consumption}
            handle={consume}
            toAction={(amount) => ({ kind: 'feature-consume', feature: code, amount })}
            disabled={waits(consume)}
          />
        </div>
      )}
    </div>
  );
}
