import type { ReactNode } from 'react';
import type { HubCodeChange, HubLicenceView } from '../../../../shared/hubs-model';
import { Callout } from '../../components/callout';
import { StatusPill } from '../../components/status-pill';
import {
  activityText,
  formatCount,
  hubLicenceType,
  licenceConcerns,
  usageText,
  validityText,
  shortCodeLabel,
} from '../../lib/hubs-text';

interface Line {
  readonly label: string;
  /** Compared to mark the lines the change altered. */
  readonly key: (licence: HubLicenceView) => string;
  readonly show: (licence: HubLicenceView) => ReactNode;
}

const LINES: readonly Line[] = [
  {
    label: 'Code',
    key: (licence) => licence.codeLabel,
    show: (licence) => <code>{shortCodeLabel(licence.codeLabel)}</code>,
  },
  { label: 'Type', key: (licence) => licence.type, show: hubLicenceType },
  {
    label: 'Size',
    key: (licence) => `${licence.size} ${licence.isObjectBased}`,
    show: (licence) =>
      `${formatCount(licence.size)} ${licence.isObjectBased ? 'objects' : 'points'}`,
  },
  { label: 'Used', key: usageText, show: usageText },
  {
    label: 'Valid',
    key: (licence) => String(licence.isValid),
    show: (licence) => <Pill {...validityText(licence)} />,
  },
  {
    label: 'Active',
    key: (licence) => String(licence.isActive),
    show: (licence) => <Pill {...activityText(licence)} />,
  },
];

/** Before → after, as the hub reported each; the lines the change altered are marked. */
export function CodeChangeResult({ change }: { readonly change: HubCodeChange }) {
  const { before, after } = change;
  return (
    <>
      <LicenceConcerns licence={after} />
      <div className="table-wrap">
        <table className="table code-result">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Licence</span>
              </th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {LINES.map((line) => {
              const changed = before !== undefined && line.key(before) !== line.key(after);
              return (
                <tr key={line.label} className={changed ? 'code-result__changed' : undefined}>
                  <th scope="row">{line.label}</th>
                  <td>
                    {before ? line.show(before) : <span className="text-subtle">not read</span>}
                  </td>
                  <td>
                    {line.show(after)}
                    {changed && <span className="visually-hidden"> (changed)</span>}
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
