import { useEffect, type ReactNode } from 'react';
import type { LsLicenceDetails } from '../../../../shared/licensespring-model';
import { assertNever } from '../../lib/assert-never';
import { keyOf } from '../../lib/licensespring-actions';
import { actionPending } from '../../lib/licensespring-text';
import { useRequiredProfile } from '../../store/app-store';
import {
  outcomeOf,
  useLicenseSpringStore,
  useLsProfile,
  type LsProfileState,
} from '../../store/licensespring-store';
import { RemotePage } from '../remote-page';
import './licensespring.css';

interface LsPageProps {
  readonly title: string;
  readonly loadingLabel: string;
  /** The screen's own content, once the details are known. */
  readonly children: (details: LsLicenceDetails, state: LsProfileState) => ReactNode;
}

/**
 * The frame of the Licence and Features screens: the details are loaded (from the last answer,
 * with a fresh local check) each time a screen opens, and the live region speaks the outcome of
 * the latest action, wherever on the screen it was started.
 */
export function LsPage({ title, loadingLabel, children }: LsPageProps) {
  const profile = useRequiredProfile();
  const state = useLsProfile(profile.id);
  const load = useLicenseSpringStore((s) => s.load);

  useEffect(() => {
    void load(profile.id);
  }, [profile.id, load]);

  return (
    <RemotePage
      title={title}
      profile={profile}
      remote={state.details}
      loadingLabel={loadingLabel}
      announcement={announcement(state)}
      onRetry={() => void load(profile.id)}
    >
      {(details) => children(details, state)}
    </RemotePage>
  );
}

/** Errors are read out by their own alerts; this says what is running, then what it did. */
function announcement(state: LsProfileState): string {
  const { latest, details } = state;
  if (!latest || details.status !== 'loaded') return '';
  const outcome = outcomeOf(state, keyOf(latest));
  switch (outcome.status) {
    case 'submitting':
      return actionPending(latest, details.value);
    case 'succeeded':
      return outcome.note;
    case 'idle':
    case 'failed':
      return '';
    default:
      return assertNever(outcome);
  }
}
