import type { ReactNode } from 'react';
import type { EnirisLicenceView } from '../../../../shared/model';
import { StatusPill } from '../../components/status-pill';
import { tEniris } from '../../i18n/eniris.en';
import { useNow } from '../../lib/clock';
import { capacities, enirisStateText, formatKw, licenceTypeLabel } from '../../lib/eniris-text';
import { daysUntil, formatDate, formatDateTime, formatDayDistance } from '../../lib/format';

/** Expiry closer than this is worth a warning colour, as on the Activation screen. */
const SOON_DAYS = 30;

interface LicenceTableProps {
  readonly licences: readonly EnirisLicenceView[];
  /** Names the scrolling region for assistive tech, e.g. "Licences of controller X". */
  readonly label: string;
}

/**
 * Eniris licences as rows: masked key over its type, state, capacities, dates. The Controllers column
 * appears only when the listing reported them (a customer's listing does, a controller's not).
 */
export function LicenceTable({ licences, label }: LicenceTableProps) {
  const withControllers = licences.some((licence) => licence.datalinks !== undefined);
  const t = tEniris().table;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="table eniris-licences">
        <thead>
          <tr>
            <th scope="col">{t.licence}</th>
            <th scope="col">{t.state}</th>
            <th scope="col">{t.capacity}</th>
            <th scope="col">{t.activated}</th>
            <th scope="col">{t.expires}</th>
            {withControllers && (
              <th scope="col" className="eniris-licences__count">
                {t.controllers}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {licences.map((licence) => (
            <LicenceRow key={licence.id} licence={licence} withControllers={withControllers} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LicenceRow({
  licence,
  withControllers,
}: {
  readonly licence: EnirisLicenceView;
  readonly withControllers: boolean;
}) {
  const state = enirisStateText(licence.state);
  const t = tEniris().table;
  return (
    <tr className={licence.state === 'deactivated' ? 'eniris-licences__row--off' : undefined}>
      <th scope="row">
        <Stacked
          main={
            <code className="eniris-licences__key" title={t.keyTitle(licence.id)}>
              {licence.keyLabel}
            </code>
          }
          note={licenceTypeLabel(licence.type)}
        />
      </th>
      <td>
        <StatusPill tone={state.tone}>{state.label}</StatusPill>
      </td>
      <td>
        <Capacities licence={licence} />
      </td>
      <td>
        {licence.activatedAt !== undefined ? (
          <time title={formatDateTime(licence.activatedAt)}>{formatDate(licence.activatedAt)}</time>
        ) : (
          <span className="text-subtle">{t.notYet}</span>
        )}
      </td>
      <td>
        <ExpiryCell licence={licence} />
      </td>
      {withControllers && (
        <td className="eniris-licences__count">
          {licence.datalinks !== undefined ? (
            <span title={licence.datalinks.join('\n') || undefined}>
              {licence.datalinks.length}
            </span>
          ) : (
            <Dash />
          )}
        </td>
      )}
    </tr>
  );
}

/** "Grid 17 kW", "Solar 10 kW", ...: a dash where the licence sets no capacity. */
function Capacities({ licence }: { readonly licence: EnirisLicenceView }) {
  const t = tEniris().table;
  return (
    <ul className="kw-chips" aria-label={t.capacities}>
      {capacities(licence).map(({ label, kw }) => (
        <li
          key={label}
          className={`kw-chip ${kw === null ? 'kw-chip--none' : ''}`}
          title={kw === null ? t.notSetTitle(label) : undefined}
        >
          <span className="kw-chip__label">{label}</span>{' '}
          {kw === null ? (
            <>
              <span aria-hidden="true">—</span>
              <span className="visually-hidden">{t.notSet}</span>
            </>
          ) : (
            <span className="kw-chip__value">{formatKw(kw)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ExpiryCell({ licence }: { readonly licence: EnirisLicenceView }) {
  const t = tEniris().table;
  if (licence.state === 'deactivated') {
    return (
      <Stacked
        main={
          licence.deactivatedAt !== undefined
            ? formatDate(licence.deactivatedAt)
            : tEniris().states.deactivated
        }
        note={t.deactivated}
      />
    );
  }
  if (licence.expiresAt !== undefined) return <Expiry at={licence.expiresAt} />;
  if (licence.state === 'not-activated') {
    return (
      <Stacked
        main={<span className="text-muted">{t.days(licence.durationDays)}</span>}
        note={t.onceActivated}
      />
    );
  }
  return <Dash />;
}

/** A date with how far away it is underneath; the distance is what people act on. */
function Expiry({ at }: { readonly at: number }) {
  const days = daysUntil(at, useNow());
  const tone = days < 0 ? 'danger' : days <= SOON_DAYS ? 'warning' : 'muted';
  return (
    <Stacked
      main={<time title={formatDateTime(at)}>{formatDate(at)}</time>}
      note={<span className={`text-${tone}`}>{formatDayDistance(days)}</span>}
    />
  );
}

function Stacked({ main, note }: { readonly main: ReactNode; readonly note: ReactNode }) {
  return (
    <span className="stacked">
      <span>{main}</span>
      <span className="stacked__note">{note}</span>
    </span>
  );
}

function Dash() {
  return (
    <span className="text-subtle" aria-label={tEniris().table.notReported}>
      —
    </span>
  );
}
