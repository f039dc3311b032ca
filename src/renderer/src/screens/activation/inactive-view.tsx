import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ActivationMethod, ProfileView } from '../../../../shared/model';
import { panelId, SegmentedTabs, tabId } from '../../components/segmented-tabs';
import { activateIntro, methodLabel } from '../../lib/activation-text';
import { assertNever } from '../../lib/assert-never';
import { useAppInfo } from '../../store/app-store';
import { isActivating, useLicenceStore, type ProfileLicence } from '../../store/licence-store';
import { AccountForm } from './account-form';
import { DemoKeys } from '../../components/demo-keys';
import { KeyForm } from './key-form';
import { SerialActivation } from './serial-activation';
import { OfflineActivation } from '../offline/offline-activation';
import { TrialOffer } from './trial-offer';
import { useLinkStore } from '../../store/link-store';
import { LinkKeyNote } from './link-notes';
import { tActivation } from '../../i18n/activation.en';

const TABS = 'activate-method';

/** No licence here yet: the ways this profile's backend accepts, and demo keys in demo mode. */
export function InactiveView({
  profile,
  state,
}: {
  readonly profile: ProfileView;
  readonly state: ProfileLicence;
}) {
  const info = useAppInfo();
  const dismiss = useLicenceStore((s) => s.dismiss);
  const methods =
    profile.activationMethods.length > 0 ? profile.activationMethods : ['key' as const];
  // A key from an activation link, read once: the screen remounts this view for every link.
  const [linkKey] = useState(() => {
    const prefill = useLinkStore.getState().prefill;
    return prefill?.profileId === profile.id ? prefill.key : undefined;
  });
  const handedToForm = useLinkStore((s) => s.handedToForm);
  const [chosen, setChosen] = useState<ActivationMethod>(
    linkKey !== undefined ? 'key' : (methods[0] ?? 'key'),
  );
  const method = methods.includes(chosen) ? chosen : (methods[0] ?? 'key');
  const [key, setKey] = useState(linkKey ?? '');
  const inputRef = useRef<HTMLInputElement>(null);
  const activateRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (linkKey === undefined) return;
    // The form holds the key now; an old error beside it would be about another key.
    handedToForm();
    dismiss(profile.id, 'activate');
    // The one thing left to do is the click: put focus on it, never press it.
    requestAnimationFrame(() => activateRef.current?.focus());
  }, [linkKey, handedToForm, dismiss, profile.id]);
  const demoKeys =
    info.demoMode && methods.includes('key')
      ? info.demoKeys.filter((demo) => demo.profileId === profile.id)
      : [];
  const choosing = methods.length > 1;
  const t = tActivation().inactive;

  const panel = (
    <MethodPanel
      method={method}
      profileId={profile.id}
      state={state}
      keyValue={key}
      onKeyChange={setKey}
      inputRef={inputRef}
      activateRef={activateRef}
    />
  );

  return (
    <div className="stack">
      <section className="card" aria-labelledby="activate-title">
        <header className="card__header">
          <div className="card__heading">
            <h2 className="card__title" id="activate-title">
              {t.title}
            </h2>
            <p className="card__description">{activateIntro(choosing ? 'choice' : method)}</p>
          </div>
        </header>
        {linkKey !== undefined && key === linkKey && <LinkKeyNote />}
        {choosing ? (
          <>
            <SegmentedTabs
              label={t.tabs}
              idPrefix={TABS}
              options={methods.map((id) => ({ id, label: methodLabel(id) }))}
              value={method}
              onChange={setChosen}
            />
            <div
              className="activate-panel"
              role="tabpanel"
              id={panelId(TABS, method)}
              aria-labelledby={tabId(TABS, method)}
            >
              {panel}
            </div>
          </>
        ) : (
          panel
        )}
      </section>
      {profile.kind === 'licensespring' && (
        <TrialOffer profile={profile} blocked={isActivating(state.flows)} />
      )}
      {profile.kind === 'licensespring' && <OfflineActivation profile={profile} />}
      <DemoKeys
        keys={demoKeys}
        onUse={(demoKey) => {
          setKey(demoKey);
          setChosen('key');
          dismiss(profile.id, 'activate');
          // The key field may only now be coming into the page (another tab was open).
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      />
    </div>
  );
}

interface MethodPanelProps {
  readonly method: ActivationMethod;
  readonly profileId: string;
  readonly state: ProfileLicence;
  readonly keyValue: string;
  readonly onKeyChange: (key: string) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly activateRef: RefObject<HTMLButtonElement | null>;
}

function MethodPanel({
  method,
  profileId,
  state,
  keyValue,
  onKeyChange,
  inputRef,
  activateRef,
}: MethodPanelProps) {
  const activate = useLicenceStore((s) => s.activate);
  const activateAccount = useLicenceStore((s) => s.activateAccount);
  const activateSerial = useLicenceStore((s) => s.activateSerial);
  const dismiss = useLicenceStore((s) => s.dismiss);
  const { flows } = state;
  // One activation at a time: the others wait while one is on its way.
  const busyElsewhere = (own: keyof ProfileLicence['flows']): boolean =>
    isActivating(flows) && flows[own].status !== 'submitting';

  switch (method) {
    case 'key':
      return (
        <KeyForm
          value={keyValue}
          onChange={onKeyChange}
          onSubmit={(cleanKey) => void activate(profileId, cleanKey)}
          onDismissError={() => dismiss(profileId, 'activate')}
          flow={flows.activate}
          disabled={busyElsewhere('activate')}
          inputRef={inputRef}
          activateRef={activateRef}
          // Coming back here from a deactivation: put the cursor where the next key goes.
          autoFocus={flows.deactivate.status === 'succeeded'}
        />
      );
    case 'account':
      return (
        <AccountForm
          onSubmit={(username, password) => activateAccount(profileId, username, password)}
          onDismissError={() => dismiss(profileId, 'activateAccount')}
          flow={flows.activateAccount}
          disabled={busyElsewhere('activateAccount')}
        />
      );
    case 'serial':
      return (
        <SerialActivation
          onActivate={() => void activateSerial(profileId)}
          onDismissError={() => dismiss(profileId, 'activateSerial')}
          flow={flows.activateSerial}
          disabled={busyElsewhere('activateSerial')}
        />
      );
    default:
      return assertNever(method);
  }
}
