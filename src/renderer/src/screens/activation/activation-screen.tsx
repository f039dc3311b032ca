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

export default function ActivationScreen() {
  const profile = useRequiredProfile();
  const state = useProfileLicence(profile.id);
  const { trial } = useLsProfile(profile.id);
  const linkArrivals = useLinkStore((s) => s.arrivals);

  return (
    <LicencePage
      title="Activation"
      profile={profile}
      licence={state.licence}
      loadingLabel="Loading the licence"
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
  if (status === 'submitting') return 'Starting the trial…';
  if (status === 'succeeded') return 'Trial started.';
  return undefined;
}

/** The latest outcome in words, for the live region. */
function announcement({ flows, licence }: ProfileLicence): string {
  const { activate, activateAccount, activateSerial, deactivate, validate } = flows;
  if ([activate, activateAccount, activateSerial].some((flow) => flow.status === 'succeeded'))
    return 'Licence activated.';
  if (deactivate.status === 'succeeded') return 'Licence deactivated.';
  if (validate.status === 'succeeded') return `Licence checked: ${checkedState(licence)}.`;
  if (activateAccount.status === 'submitting') return 'Signing in…';
  if (isActivating(flows)) return 'Activating…';
  if (deactivate.status === 'submitting') return 'Deactivating…';
  if (validate.status === 'submitting') return 'Checking the licence…';
  return '';
}

function checkedState(licence: Remote<LicenceView>): string {
  return licence.status === 'loaded' ? statusLabel(licence.value.status).label.toLowerCase() : '';
}
