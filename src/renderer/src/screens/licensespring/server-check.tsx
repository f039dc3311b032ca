import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { tLicensespring } from '../../i18n/licensespring.en';
import { localCheckPill } from '../../lib/licensespring-text';
import type { LsProfileState } from '../../store/licensespring-store';
import { ActionButton, ActionOutcome, useLsAction } from './ls-action';
import { RichText } from '../../components/rich-text';

/**
 * The bar at the top of both screens: what this computer's own check says, when the server last
 * answered, and "Check with server" to ask it now (the screens otherwise show the last answer).
 */
export function ServerCheck({
  details,
  state,
}: {
  readonly details: LsLicenceDetails;
  readonly state: LsProfileState;
}) {
  const refresh = useLsAction(details.profileId, state, 'refresh');
  const verdict = localCheckPill(details.localCheck.state);
  const t = tLicensespring().serverCheck;
  return (
    <section className="ls-server-check" aria-label={t.region}>
      <div className="ls-server-check__row">
        <StatusPill tone={verdict.tone}>{verdict.label}</StatusPill>
        <p className="ls-server-check__text" id="ls-checked-at">
          <RichText text={t.checkedAt} values={{ when: <RelativeTime at={details.checkedAt} /> }} />
        </p>
        <ActionButton
          id="ls-check"
          handle={refresh}
          action={{ kind: 'refresh' }}
          busyLabel={t.checking}
          describedBy="ls-checked-at"
        >
          {t.check}
        </ActionButton>
      </div>
      <ActionOutcome handle={refresh} />
    </section>
  );
}
