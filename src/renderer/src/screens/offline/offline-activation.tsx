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
import { tOffline } from '../../i18n/offline.en';
import { localError } from '../../lib/error-text';

/**
 * LicenseSpring activation for a computer without internet, in two steps: a request file (or QR
 * codes) for the vendor's offline portal, then the licence file the portal gives back. A licence
 * deactivated offline leaves its file here too, until the person has taken it to the portal.
 */
export function OfflineActivation({ profile }: { readonly profile: ProfileView }) {
  const state = useOfflineProfile(profile.id);
  const [open, setOpen] = useState(state.request !== undefined);
  const { deactivation } = state;
  const t = tOffline().activation;

  return (
    <section className="card offline" aria-labelledby="offline-title">
      {deactivation && (
        <div className="offline__deactivation">
          <Callout tone="warning" title={t.deactivationTitle}>
            {t.deactivationText}
          </Callout>
          <RequestFile request={deactivation} file="deactivation" />
        </div>
      )}
      <header className="card__header">
        <div className="card__heading">
          <h2 className="card__title" id="offline-title">
            {t.title}
          </h2>
          <p className="card__description">{t.description}</p>
        </div>
        {!open && (
          <div className="card__aside">
            <Button onClick={() => setOpen(true)} aria-expanded={false}>
              {t.open}
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
  const t = tOffline().activation;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = account ? (key.trim() ? null : t.nameMissing) : keyProblem(key);
    setProblem(found);
    if (!found) void createRequest(profile.id, key.trim());
  };
  const requestError =
    problem !== null
      ? localError('invalid_input', problem)
      : flows.request.status === 'failed'
        ? flows.request.error
        : undefined;

  return (
    <ol className="offline__steps">
      <li className="offline__step">
        <h3 className="offline__step-title">{t.requestStep}</h3>
        {request ? (
          <>
            <p className="field-help">{t.requestHelp}</p>
            <RequestFile request={request} file="request" />
            <Button size="sm" variant="ghost" onClick={() => forgetRequest(profile.id)}>
              {t.startOver}
            </Button>
          </>
        ) : (
          <form className="key-form" onSubmit={submit} noValidate>
            <label className="field-label" htmlFor="offline-key">
              {account ? t.accountName : t.licenceKey}
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
                busyLabel={t.creating}
              >
                {t.create}
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
        <h3 className="offline__step-title">{t.importStep}</h3>
        <FileDrop
          file="portalLicence"
          accept=".lic,.txt,text/plain"
          busy={flows.import.status === 'submitting'}
          onFile={(text) => void importResponse(profile.id, text)}
          onRefuse={(error) => refuseFile(profile.id, error)}
        />
        {flows.import.status === 'failed' && (
          <ErrorMessage
            error={flows.import.error}
            title={t.notImported}
            onDismiss={() => dismiss(profile.id, 'import')}
          />
        )}
      </li>
    </ol>
  );
}
