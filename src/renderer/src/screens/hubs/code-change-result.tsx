import type { ReactNode } from 'react';
import type { HubCodeChange, HubLicenceView } from '../../../../shared/hubs-model';
import { Callout } from '../../components/callout';
import { StatusPill } from '../../components/status-pill';
import { tHubs, type HubsMessages } from '../../i18n/hubs.en';
import {
  activityText,
  hubLicenceType,
  licenceConcerns,
  sizeText,
  usageText,
  validityText,
  shortCodeLabel,
} from '../../lib/hubs/hub-licence-text';

type ResultWords = HubsMessages['panel']['result'];

interface Line {
  /** Its row header, from the catalogue. */
  readonly label: keyof ResultWords;
  /** Compared to mark the lines the change altered. */
  readonly key: (licence: HubLicenceView) => string;
  readonly show: (licence: HubLicenceView) => ReactNode;
}

const LINES: readonly Line[] = [
  {
    label: 'code',
    key: (licence) => licence.codeLabel,
    show: (licence) => <code>{shortCodeLabel(licence.codeLabel)}</code>,
  },
  { label: 'type', key: (licence) => licence.type, show: hubLicenceType },
  {
    label: 'size',
    key: (licence) => `${licence.size} ${licence.isObjectBased}`,
    show: sizeText,
  },
  { label: 'used', key: usageText, show: usageText },
  {
    label: 'valid',
    key: (licence) => String(licence.isValid),
    show: (licence) => <Pill {...validityText(licence)} />,
  },
  {
    label: 'active',
    key: (licence) => String(licence.isActive),
    show: (licence) => <Pill {...activityText(licence)} />,
  },
];

/** Before → after, as the hub reported each; the lines the change altered are marked. */
export function CodeChangeResult({ change }: { readonly change: HubCodeChange }) {
  const { before, after } = change;
  const t = tHubs().panel.result;
  return (
    <>
      <LicenceConcerns licence={after} />
      <div className="table-wrap">
        <table className="table code-result">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t.licence}</span>
              </th>
              <th scope="col">{t.before}</th>
              <th scope="col">{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {LINES.map((line) => {
              const changed = before !== undefined && line.key(before) !== line.key(after);
              return (
                <tr key={line.label} className={changed ? 'code-result__changed' : undefined}>
                  <th scope="row">{t[line.label]}</th>
                  <td>
                    {before ? line.show(before) : <span className="text-subtle">{t.notRead}</span>}
                  </td>
                  <td>
                    {line.show(after)}
                    {changed && <span className="visually-hidden"> {t.changed}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Each thing not to miss about a licence, as a callout (nothing when all is well). */
export function LicenceConcerns({ licence }: { readonly licence: HubLicenceView }) {
  const concerns = licenceConcerns(licence);
  if (concerns.length === 0) return null;
  return (
    <div className="licence-concerns">
      {concerns.map((concern) => (
        <Callout key={concern.text} tone={concern.tone} title={concern.text} />
      ))}
    </div>
  );
}

function Pill({ label, tone }: ReturnType<typeof validityText>) {
  return <StatusPill tone={tone}>{label}</StatusPill>;
}
