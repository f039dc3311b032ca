import { useEffect, useRef, useState } from 'react';
import type { EnirisAccountView, ProfileView } from '../../../../shared/model';
import { DemoKeys } from '../../components/demo-keys';
import { tEniris } from '../../i18n/eniris.en';
import { describeQuery, licenceCount } from '../../lib/eniris-text';
import { useAppInfo, useRequiredProfile } from '../../store/app-store';
import {
  useEnirisProfile,
  useEnirisStore,
  type EnirisProfileState,
} from '../../store/eniris-store';
import { RemotePage } from '../remote-page';
import { AccountBar } from './account-bar';
import { ActivateCard } from './activate-card';
import { ClaimCard } from './claim-card';
import { LicencesCard } from './licences-card';
import { SignInCard } from './sign-in-card';
import './eniris.css';

/**
 * Eniris (Sofar) licences belong to the installer's account, not to this computer: sign in, then
 * activate keys, claim them for controllers and look up a controller's or a customer's licences.
 */
export default function EnirisScreen() {
  const profile = useRequiredProfile();
  const state = useEnirisProfile(profile.id);
  const loadAccount = useEnirisStore((s) => s.loadAccount);
  const t = tEniris().screen;

  useEffect(() => {
    void loadAccount(profile.id);
  }, [profile.id, loadAccount]);

  return (
    <RemotePage
      title={t.title}
      profile={profile}
      remote={state.account}
      loadingLabel={t.loading}
      announcement={announcement(state)}
      onRetry={() => void loadAccount(profile.id)}
    >
      {(account) =>
        account.signedIn ? (
          <SignedIn profile={profile} account={account} state={state} />
        ) : (
          <SignedOut profileId={profile.id} state={state} />
        )
      }
    </RemotePage>
  );
}

function SignedOut({
  profileId,
  state,
}: {
  readonly profileId: string;
  readonly state: EnirisProfileState;
}) {
  // Back here after signing out: the cursor goes where the next sign-in starts.
  const signedOut = state.flows.signOut.status === 'succeeded';
  useEffect(() => {
    if (signedOut) document.getElementById('eniris-username')?.focus();
  }, [signedOut]);
  return (
    <SignInCard profileId={profileId} flow={state.flows.signIn} sessionEnded={state.sessionEnded} />
  );
}

function SignedIn({
  profile,
  account,
  state,
}: {
  readonly profile: ProfileView;
  readonly account: EnirisAccountView;
  readonly state: EnirisProfileState;
}) {
  const info = useAppInfo();
  // Keys are typed here and handed to the core; they stay in this component, never in a store.
  const [activateKey, setActivateKey] = useState('');
  const [claimKey, setClaimKey] = useState('');
  const [carriedKey, setCarriedKey] = useState<string | null>(null);
  const [claimNode, setClaimNode] = useState(state.draft.nodeId);
  const activateRef = useRef<HTMLInputElement>(null);
  const claimRef = useRef<HTMLInputElement>(null);
  const demoKeys = info.demoMode
    ? info.demoKeys.filter((demo) => demo.profileId === profile.id)
    : [];

  // Just signed in: the cursor goes to the first thing to do.
  const justSignedIn = state.flows.signIn.status === 'succeeded';
  useEffect(() => {
    if (justSignedIn) activateRef.current?.focus();
  }, [justSignedIn]);

  return (
    <div className="stack">
      <AccountBar account={account} flow={state.flows.signOut} />
      <ActivateCard
        profileId={profile.id}
        flow={state.flows.activate}
        keyValue={activateKey}
        onKeyChange={setActivateKey}
        keyRef={activateRef}
        onActivated={(key) => {
          setActivateKey('');
          // Claiming usually comes next: save typing the key again.
          if (claimKey.trim() === '') {
            setClaimKey(key);
            setCarriedKey(key);
          }
        }}
      />
      <ClaimCard
        profileId={profile.id}
        flow={state.flows.claim}
        keyValue={claimKey}
        onKeyChange={setClaimKey}
        keyRef={claimRef}
        keyCarried={carriedKey !== null && claimKey === carriedKey}
        nodeId={claimNode}
        onNodeIdChange={setClaimNode}
        onClaimed={() => {
          setClaimKey('');
          setCarriedKey(null);
        }}
      />
      <LicencesCard profileId={profile.id} state={state} />
      <DemoKeys
        keys={demoKeys}
        onUse={(key) => {
          setActivateKey(key);
          useEnirisStore.getState().dismiss(profile.id, 'activate');
          activateRef.current?.focus();
        }}
      />
    </div>
  );
}

/** The latest outcome in words, for the live region; errors are read out by their own alerts. */
function announcement({ flows, listing }: EnirisProfileState): string {
  const t = tEniris().announce;
  if (flows.signIn.status === 'submitting') return t.signingIn;
  if (flows.signOut.status === 'submitting') return t.signingOut;
  if (flows.activate.status === 'submitting') return t.activating;
  if (flows.claim.status === 'submitting') return t.claiming;
  if (listing.status === 'loading') return t.loadingLicences(describeQuery(listing.query));
  const done: { at: number; text: string }[] = [];
  if (flows.signIn.status === 'succeeded') done.push({ at: flows.signIn.at, text: t.signedIn });
  if (flows.signOut.status === 'succeeded') done.push({ at: flows.signOut.at, text: t.signedOut });
  if (flows.activate.status === 'succeeded')
    done.push({ at: flows.activate.at, text: t.activated });
  if (flows.claim.status === 'succeeded')
    done.push({ at: flows.claim.at, text: t.claimed(flows.claim.value.nodeId) });
  if (listing.status === 'loaded' && !listing.refreshing)
    done.push({
      at: listing.value.checkedAt,
      text: t.showing(licenceCount(listing.value.licences.length), describeQuery(listing.query)),
    });
  done.sort((a, b) => b.at - a.at);
  return done[0]?.text ?? '';
}
