import { useEffect } from 'react';
import type { FileLicenceView } from '../../../../shared/offline-model';
import { Callout } from '../../components/callout';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { StatusPill } from '../../components/status-pill';
import { deactivateConsequence } from '../../lib/activation-text';
import { say, sayLang } from '../../lib/error-text';
import { formatDate } from '../../lib/format';
import { fileStateLabel } from '../../lib/offline-text';
import { useRequiredProfile } from '../../store/app-store';
import { useOfflineProfile, useOfflineStore } from '../../store/offline-store';
import { Deactivate } from '../activation/deactivate';
import { FactList, NotSet } from '../licensespring/fact-list';
import { RemotePage } from '../remote-page';
import { FileDrop } from './file-drop';
import '../activation/activation.css';
import './offline.css';
import { tOffline } from '../../i18n/offline.en';

/** A product licensed by a file the vendor signs: import it, see what it grants, remove it. */
export default function LicenceFileScreen() {
  const profile = useRequiredProfile();
  const state = useOfflineProfile(profile.id);
  const load = useOfflineStore((s) => s.loadFileLicence);
  useEffect(() => void load(profile.id), [load, profile.id]);
  const t = tOffline().fileScreen;

  return (
    <RemotePage
      title={t.title}
      profile={profile}
      remote={state.fileLicence}
      loadingLabel={t.loading}
      announcement={announcement(state.flows)}
      onRetry={() => void load(profile.id)}
    >
      {(view) => (
        <div className="stack">
          {view.licence && <LicenceFileCard view={view} />}
          <ImportCard view={view} />
        </div>
      )}
    </RemotePage>
  );
}

function announcement(flows: ReturnType<typeof useOfflineProfile>['flows']): string {
  const t = tOffline().fileScreen;
  if (flows.import.status === 'succeeded') return t.imported;
  if (flows.remove.status === 'succeeded') return t.removed;
  if (flows.import.status === 'submitting') return t.importing;
  return '';
}

function LicenceFileCard({ view }: { readonly view: FileLicenceView }) {
  const { flows } = useOfflineProfile(view.profileId);
  const remove = useOfflineStore((s) => s.removeFileLicence);
  const dismiss = useOfflineStore((s) => s.dismiss);
  const licence = view.licence;
  if (!licence) return null;
  const { label, tone } = fileStateLabel(licence.state);
  const t = tOffline().fileScreen;
  // The core's sentence on the state, in the interface language when this build can say it.
  const sentence = <span lang={sayLang(licence)}>{say(licence)}</span>;
  return (
    <>
      {licence.state !== 'valid' && (
        <Callout tone={tone === 'warning' ? 'warning' : 'danger'} title={label} role="status">
          {sentence}
        </Callout>
      )}
      <Card
        title={t.cardTitle(view.productCode)}
        labelledBy="licence-file-title"
        description={licence.state === 'valid' ? sentence : undefined}
        aside={<StatusPill tone={tone}>{label}</StatusPill>}
      >
        <FactList
          items={[
            {
              term: t.licensee,
              value: licence.licensee.name ?? <NotSet>{t.notNamed}</NotSet>,
            },
            licence.licensee.email !== undefined && {
              term: t.email,
              value: licence.licensee.email,
            },
            {
              term: t.features,
              value:
                licence.features.length > 0 ? (
                  <ul className="tags" aria-label={t.features}>
                    {licence.features.map((feature) => (
                      <li key={feature} className="tag">
                        {feature}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <NotSet>{t.none}</NotSet>
                ),
            },
            { term: t.issued, value: formatDate(licence.issuedAt) },
            {
              term: t.expires,
              value: licence.expiresAt === undefined ? t.never : formatDate(licence.expiresAt),
            },
            licence.graceDays !== undefined && {
              term: t.grace,
              value: t.graceDays(licence.graceDays),
            },
            {
              term: t.lockedTo,
              value: licence.nodeLocked ? t.thisComputer : t.anyComputer,
            },
            { term: t.licenceId, value: <code>{licence.id}</code> },
          ]}
        />
        <div className="card__footer">
          <Deactivate
            flow={flows.remove}
            onConfirm={() => void remove(view.profileId)}
            onDismissError={() => dismiss(view.profileId, 'remove')}
            consequence={deactivateConsequence('licence-file', { mode: 'file' })}
            label={t.remove}
          />
        </div>
      </Card>
    </>
  );
}

function ImportCard({ view }: { readonly view: FileLicenceView }) {
  const { flows } = useOfflineProfile(view.profileId);
  const importFile = useOfflineStore((s) => s.importFileLicence);
  const refuseFile = useOfflineStore((s) => s.refuseFile);
  const dismiss = useOfflineStore((s) => s.dismiss);
  const replacing = view.licence !== undefined;
  const t = tOffline().fileScreen;
  return (
    <Card
      title={replacing ? t.replaceTitle : t.importTitle}
      labelledBy="licence-file-import"
      description={replacing ? t.replaceText : t.importText}
    >
      <div className="stack">
        <FileDrop
          file="licence"
          accept=".lic,.json,application/json"
          busy={flows.import.status === 'submitting'}
          onFile={(text) => void importFile(view.profileId, text)}
          onRefuse={(error) => refuseFile(view.profileId, error)}
        />
        {flows.import.status === 'failed' && (
          <ErrorMessage
            error={flows.import.error}
            title={t.notImported}
            onDismiss={() => dismiss(view.profileId, 'import')}
          />
        )}
        <div className="fingerprint">
          <p className="field-label" id="fingerprint-label">
            {t.fingerprintLabel}
          </p>
          <p className="field-help">{t.fingerprintHelp}</p>
          <code className="fingerprint__value" aria-labelledby="fingerprint-label">
            {view.fingerprint}
          </code>
        </div>
      </div>
    </Card>
  );
}
