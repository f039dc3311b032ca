import { useEffect } from 'react';
import type { FileLicenceView } from '../../../../shared/offline-model';
import { Callout } from '../../components/callout';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { StatusPill } from '../../components/status-pill';
import { deactivateConsequence } from '../../lib/activation-text';
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

/** A product licensed by a file the vendor signs: import it, see what it grants, remove it. */
export default function LicenceFileScreen() {
  const profile = useRequiredProfile();
  const state = useOfflineProfile(profile.id);
  const load = useOfflineStore((s) => s.loadFileLicence);
  useEffect(() => void load(profile.id), [load, profile.id]);

  return (
    <RemotePage
      title="Licence file"
      profile={profile}
      remote={state.fileLicence}
      loadingLabel="Loading the licence file"
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
  if (flows.import.status === 'succeeded') return 'Licence file imported.';
  if (flows.remove.status === 'succeeded') return 'Licence file removed.';
  if (flows.import.status === 'submitting') return 'Importing the licence file…';
  return '';
}

function LicenceFileCard({ view }: { readonly view: FileLicenceView }) {
  const { flows } = useOfflineProfile(view.profileId);
  const remove = useOfflineStore((s) => s.removeFileLicence);
  const dismiss = useOfflineStore((s) => s.dismiss);
  const licence = view.licence;
  if (!licence) return null;
  const { label, tone } = fileStateLabel(licence.state);
  return (
    <>
      {licence.state !== 'valid' && (
        <Callout tone={tone === 'warning' ? 'warning' : 'danger'} title={label} role="status">
          {licence.message}
        </Callout>
      )}
      <Card
        title={`Licence for ${view.productCode}`}
        labelledBy="licence-file-title"
        description={licence.state === 'valid' ? licence.message : undefined}
        aside={<StatusPill tone={tone}>{label}</StatusPill>}
      >
        <FactList
          items={[
            {
              term: 'Licensee',
              value: licence.licensee.name ?? <NotSet>Not named</NotSet>,
            },
            licence.licensee.email !== undefined && {
              term: 'E-mail',
              value: licence.licensee.email,
            },
            {
              term: 'Features',
              value:
                licence.features.length > 0 ? (
                  <ul className="tags" aria-label="Features">
                    {licence.features.map((feature) => (
                      <li key={feature} className="tag">
                        {feature}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <NotSet>None</NotSet>
                ),
            },
            { term: 'Issued', value: formatDate(licence.issuedAt) },
            {
              term: 'Expires',
              value: licence.expiresAt === undefined ? 'Never' : formatDate(licence.expiresAt),
            },
            licence.graceDays !== undefined && {
              term: 'Grace period',
              value: `${licence.graceDays} days after expiry`,
            },
            {
              term: 'Locked to',
              value: licence.nodeLocked ? 'This computer' : 'Any computer',
            },
            { term: 'Licence id', value: <code>{licence.id}</code> },
          ]}
        />
        <div className="card__footer">
          <Deactivate
            flow={flows.remove}
            onConfirm={() => void remove(view.profileId)}
            onDismissError={() => dismiss(view.profileId, 'remove')}
            consequence={deactivateConsequence('licence-file', { mode: 'file' })}
            label="Remove licence file…"
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
  return (
    <Card
      title={replacing ? 'Replace with a renewed licence file' : 'Import your licence file'}
      labelledBy="licence-file-import"
      description={
        replacing
          ? 'A renewed file from the vendor replaces the one above.'
          : 'The vendor sends it as a .lic file. It works without internet.'
      }
    >
      <div className="stack">
        <FileDrop
          what="the licence file"
          accept=".lic,.json,application/json"
          busy={flows.import.status === 'submitting'}
          onFile={(text) => void importFile(view.profileId, text)}
          onRefuse={(error) => refuseFile(view.profileId, error)}
        />
        {flows.import.status === 'failed' && (
          <ErrorMessage
            error={flows.import.error}
            title="This licence file was not imported"
            onDismiss={() => dismiss(view.profileId, 'import')}
          />
        )}
        <div className="fingerprint">
          <p className="field-label" id="fingerprint-label">
            This computer&apos;s fingerprint
          </p>
          <p className="field-help">
            A licence file locked to this computer names it: send it to the vendor when you order.
          </p>
          <code className="fingerprint__value" aria-labelledby="fingerprint-label">
            {view.fingerprint}
          </code>
        </div>
      </div>
    </Card>
  );
}
