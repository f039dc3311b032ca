import type { ReactNode } from 'react';
import type { LicenceView, ProfileView } from '../../../shared/model';
import type { Remote } from '../lib/remote';
import { useLicenceStore } from '../store/licence-store';
import { RemotePage } from './remote-page';

interface LicencePageProps {
  readonly title: string;
  readonly profile: ProfileView;
  readonly licence: Remote<LicenceView>;
  /** The accessible name of the skeleton while the licence loads. */
  readonly loadingLabel: string;
  /** What the live region reads aloud: the outcome of the screen's latest action. */
  readonly announcement: string;
  /** The screen's own content, once the licence is known. */
  readonly children: (licence: LicenceView) => ReactNode;
}

/** The frame of a screen about one profile's licence on this computer (Activation, Seats). */
export function LicencePage({ licence, profile, ...rest }: LicencePageProps) {
  const load = useLicenceStore((s) => s.load);
  return (
    <RemotePage
      {...rest}
      profile={profile}
      remote={licence}
      onRetry={() => void load(profile.id)}
    />
  );
}
