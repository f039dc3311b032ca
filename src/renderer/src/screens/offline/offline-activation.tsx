import { useState, type FormEvent } from 'react';
import type { ProfileView } from '../../../../shared/model';
import { Button } from '../../components/button';
import { Callout } from '../../components/callout';
import { ErrorMessage } from '../../components/error-message';
import { keyProblem } from '../../lib/licence-key';
import { useOfflineProfile, useOfflineStore } from '../../store/offline-store';
import { FileDrop } from './file-drop';
import { RequestFile } from './request-file';
import './offline.css';

/**
 * LicenseSpring activation for a computer without internet, in two steps: a request file (or QR
 * codes) for the vendor's offline portal, then the licence file the portal gives back. A licence
 * deactivated offline leaves its file here too, until the person has taken it to the portal.
 */
export function OfflineActivation({ profile }: { readonly profile: ProfileView }) {
  const state = useOfflineProfile(profile.id);
  const [open, setOpen] = useState(state.request !== undefined);
  const { deactivation } = state;

  return (
    <section className="card offline" aria-labelledby="offline-title">
      {deactivation && (
        <div className="offline__deactivation">
          <Callout tone="warning" title="Take the deactivation file to the offline portal">
            The licence was removed from this computer. Its activation is freed once the portal has
            this file; until then it still counts as used.
          </Callout>
          <RequestFile request={deactivation} what="the deactivation file" />
        </div>
      )}
      <header className="card__header">
        <div className="card__heading">
          <h2 className="card__title" id="offline-title">
            No internet on this computer?
          </h2>
          <p className="card__description">
            Activate with a file: carry a request to the vendor&apos;s offline portal on a USB stick
            or a phone, and bring back the licence file it gives you.
          </p>
        </div>
        {!open && (
          <div className="card__aside">
            <Button onClick={() => setOpen(true)} aria-expanded={false}>
              Activate offline…
            </Button>
          </div>
        )}
      </header>
      {open && <OfflineSteps profile={profile} />}
    </section>
  );
}

function OfflineSteps({ profile }: { readonly profile: ProfileView }) {
  const { request, flows } = useOfflineProfile(profile.id);
  const createRequest = useOfflineStore((s) => s.createRequest);
  const importResponse = useOfflineStore((s) => s.importResponse);
  const refuseFile = useOfflineStore((s) => s.refuseFile);
  const dismiss = useOfflineStore((s) => s.dismiss);
  const forgetRequest = useOfflineStore((s) => s.forgetRequest);
  const account = profile.activationMethods.includes('account');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = account ? (key.trim() ? null : 'Enter your account name.') : keyProblem(key);
    setProblem(found);
    if (!found) void createRequest(profile.id, key.trim());
  };
  const requestError =
    problem !== null
      ? { code: 'invalid_input' as const, message: problem }
      : flows.request.status === 'failed'
        ? flows.request.error
        : undefined;

  return (
    <ol className="offline__steps">
      <li className="offline__step">
        <h3 className="offline__step-title">Create a request file</h3>
        {request ? (
          <>
            <p className="field-help">
              On a computer or phone with internet, upload this file at the vendor&apos;s offline
              portal (for LicenseSpring products: offline.licensespring.com). It gives back a
              licence file.
            </p>
            <RequestFile request={request} what="the request file" />
            <Button size="sm" variant="ghost" onClick={() => forgetRequest(profile.id)}>
              Start over with another key
            </Button>
          </>
        ) : (
          <form className="key-form" onSubmit={submit} noValidate>
            <label className="field-label" htmlFor="offline-key">
              {account ? 'Account name' : 'Licence key'}
            </label>
            <div className="key-form__row">
              <input
                id="offline-key"
                className="input input--mono key-form__input"
                value={key}
                onChange={(event) => {
                  setProblem(null);
                  setKey(event.target.value);
                }}
                autoComplete="off"
                spellCheck={false}
                maxLength={512}
                aria-invalid={requestError ? true : undefined}
                aria-describedby={requestError ? 'offline-key-error' : undefined}
              />
              <Button
                type="submit"
                busy={flows.request.status === 'submitting'}
                busyLabel="Creating…"
              >
                Create request file
              </Button>
            </div>
            {requestError && (
              <ErrorMessage
                id="offline-key-error"
                error={requestError}
                onDismiss={() => {
                  setProblem(null);
                  dismiss(profile.id, 'request');
                }}
              />
            )}
          </form>
        )}
      </li>
      <li className="offline__step">
        <h3 className="offline__step-title">Import the licence file</h3>
        <FileDrop
          what="the licence file from the portal"
          accept=".lic,.txt,text/plain"
          busy={flows.import.status === 'submitting'}
          onFile={(text) => void importResponse(profile.id, text)}
          onRefuse={(error) => refuseFile(profile.id, error)}
        />
        {flows.import.status === 'failed' && (
          <ErrorMessage
            error={flows.import.error}
            title="This licence file was not imported"
            onDismiss={() => dismiss(profile.id, 'import')}
          />
        )}
      </li>
    </ol>
  );
}
