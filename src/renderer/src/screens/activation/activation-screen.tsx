import { useRef, useState } from 'react';
import type { LicenceView } from '../../../../shared/model';
import { Button } from '../../components/button';
import type { ProfileLicence } from '../../store/licence-store';
import { useAppInfo, useAppStore, useRequiredProfile } from '../../store/app-store';
import { useLicenceStore, useProfileLicence } from '../../store/licence-store';
import { LicencePage } from '../licence-page';
import { DemoKeys } from './demo-keys';
import { Deactivate } from './deactivate';
import { KeyForm } from './key-form';
import { LicenceCard } from './licence-card';
import './activation.css';

export default function ActivationScreen() {
  const profile = useRequiredProfile();
  const state = useProfileLicence(profile.id);

  return (
    <LicencePage
      title="Activation"
      profile={profile}
      licence={state.licence}
      loadingLabel="Loading the licence"
      announcement={announcement(state)}
    >
      {(licence) =>
        licence.status === 'inactive' ? (
          <Inactive profileId={profile.id} state={state} />
        ) : (
          <Active licence={licence} state={state} />
        )
      }
    </LicencePage>
  );
}

/** The latest outcome in words, for the live region. */
function announcement({ flows }: ProfileLicence): string {
  if (flows.activate.status === 'succeeded') return 'Licence activated.';
  if (flows.deactivate.status === 'succeeded') return 'Licence deactivated.';
  if (flows.activate.status === 'submitting') return 'Activating…';
  if (flows.deactivate.status === 'submitting') return 'Deactivating…';
  return '';
}

function Inactive({
  profileId,
  state,
}: {
  readonly profileId: string;
  readonly state: ProfileLicence;
}) {
  const info = useAppInfo();
  const activate = useLicenceStore((s) => s.activate);
  const dismiss = useLicenceStore((s) => s.dismiss);
  const [key, setKey] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const demoKeys = info.demoMode
    ? info.demoKeys.filter((demo) => demo.profileId === profileId)
    : [];

  return (
    <div className="stack">
      <section className="card" aria-labelledby="activate-title">
        <header className="card__header">
          <div className="card__heading">
            <h2 className="card__title" id="activate-title">
              Activate this computer
            </h2>
            <p className="card__description">
              Enter the licence key you received when you bought the software. Activating needs a
              connection to the licensing server.
            </p>
          </div>
        </header>
        <KeyForm
          value={key}
          onChange={setKey}
          onSubmit={(cleanKey) => void activate(profileId, cleanKey)}
          onDismissError={() => dismiss(profileId, 'activate')}
          flow={state.flows.activate}
          inputRef={inputRef}
          // Coming back here from a deactivation: put the cursor where the next key goes.
          autoFocus={state.flows.deactivate.status === 'succeeded'}
        />
      </section>
      <DemoKeys
        keys={demoKeys}
        onUse={(demoKey) => {
          setKey(demoKey);
          dismiss(profileId, 'activate');
          inputRef.current?.focus();
        }}
      />
    </div>
  );
}

function Active({
  licence,
  state,
}: {
  readonly licence: LicenceView;
  readonly state: ProfileLicence;
}) {
  const deactivate = useLicenceStore((s) => s.deactivate);
  const dismiss = useLicenceStore((s) => s.dismiss);
  const navigate = useAppStore((s) => s.navigate);
  const floating = licence.mode === 'floating';
  const consequence = floating
    ? 'This removes the licence from this computer and gives back any seat it holds.'
    : 'This frees the activation so the key can be used on another computer.';

  return (
    <div className="stack">
      {(licence.status === 'expired' || licence.status === 'revoked') && (
        <div className="callout callout--warning callout--block" role="status">
          <div className="callout__body">
            <p className="callout__title">
              {licence.status === 'expired'
                ? 'This licence has expired'
                : 'This licence was revoked'}
            </p>
            <p className="callout__text">
              Contact your vendor to renew it, or deactivate this computer and enter a different
              key.
            </p>
          </div>
        </div>
      )}
      {licence.status === 'invalid' && (
        <div className="callout callout--warning callout--block" role="status">
          <div className="callout__body">
            <p className="callout__title">The licensing server says this licence is not valid</p>
            <p className="callout__text">{licence.statusReason}</p>
          </div>
        </div>
      )}
      {floating && licence.status === 'active' && (
        <div className="callout callout--info callout--block">
          <div className="callout__body">
            <p className="callout__title">This is a floating licence</p>
            <p className="callout__text">
              Seats are shared between computers. Take one on the Seats screen to start working.
            </p>
          </div>
          <Button size="sm" onClick={() => navigate('seats')}>
            Go to Seats
          </Button>
        </div>
      )}
      <LicenceCard
        licence={licence}
        footer={
          <Deactivate
            flow={state.flows.deactivate}
            onConfirm={() => void deactivate(licence.profileId)}
            onDismissError={() => dismiss(licence.profileId, 'deactivate')}
            consequence={consequence}
          />
        }
      />
    </div>
  );
}
