import type { LicenceView } from '../../../../shared/model';
import { statusLabel } from '../../lib/licence-text';
import type { Remote } from '../../lib/remote';
import { useRequiredProfile } from '../../store/app-store';
import { useLsProfile } from '../../store/licensespring-store';
import { isActivating, useProfileLicence, type ProfileLicence } from '../../store/licence-store';
import { LicencePage } from '../licence-page';
import { ActiveView } from './active-view';
import { InactiveView } from './inactive-view';
import { DropLinkKey, LinkProblemNote } from './link-notes';
import { useLinkStore } from '../../store/link-store';
import './activation.css';
import { tActivation } from '../../i18n/activation.en';

export default function ActivationScreen() {
  const profile = useRequiredProfile();
  const state = useProfileLicence(profile.id);
  const { trial } = useLsProfile(profile.id);
  const linkArrivals = useLinkStore((s) => s.arrivals);
  const t = tActivation().screen;

  return (
    <LicencePage
      title={t.title}
      profile={profile}
      licence={state.licence}
      loadingLabel={t.loading}
      announcement={trialAnnouncement(trial.status) ?? announcement(state)}
    >
      {(licence) => (
        <div className="stack">
          <LinkProblemNote profileId={profile.id} />
          {licence.status === 'inactive' ? (
            // Each activation link starts the form afresh, with its key in it.
            <InactiveView key={linkArrivals} profile={profile} state={state} />
          ) : (
            <>
              <DropLinkKey profileId={profile.id} />
              <ActiveView profile={profile} licence={licence} state={state} />
            </>
          )}
        </div>
      )}
    </LicencePage>
  );
}

/** A LicenseSpring trial is an activation too: say so while it starts and once it has. */
function trialAnnouncement(status: ReturnType<typeof useLsProfile>['trial']['status']) {
  const t = tActivation().announce;
  if (status === 'submitting') return t.trialStarting;
  if (status === 'succeeded') return t.trialStarted;
  return undefined;
}

/** The latest outcome in words, for the live region. */
function announcement({ flows, licence }: ProfileLicence): string {
  const t = tActivation().announce;
  const { activate, activateAccount, activateSerial, deactivate, validate } = flows;
  if ([activate, activateAccount, activateSerial].some((flow) => flow.status === 'succeeded'))
    return t.activated;
  if (deactivate.status === 'succeeded') return t.deactivated;
  if (validate.status === 'succeeded') return t.checked(checkedState(licence));
  if (activateAccount.status === 'submitting') return t.signingIn;
  if (isActivating(flows)) return t.activating;
  if (deactivate.status === 'submitting') return t.deactivating;
  if (validate.status === 'submitting') return t.checking;
  return '';
}

function checkedState(licence: Remote<LicenceView>): string {
  return licence.status === 'loaded' ? statusLabel(licence.value.status).label.toLowerCase() : '';
}
