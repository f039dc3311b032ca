import { memo } from 'react';
import type { HubLicenceView, HubView } from '../../../../shared/hubs-model';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { say } from '../../lib/error-text';
import { tHubs } from '../../i18n/hubs.en';
import { hubAddress } from '../../lib/hubs/hub-connection';
import {
  activityText,
  formatCount,
  hubErrorLabel,
  hubLicenceType,
  usageDetails,
  usagePercentText,
  usageText,
  validityText,
  shortCodeLabel,
} from '../../lib/hubs/hub-licence-text';
import { useHubsStore } from '../../store/hubs/hubs-store';
import { ROW_HEIGHT } from './fleet-columns';

interface FleetRowProps {
  readonly id: string;
  /** Position in the filtered, sorted list: where the row sits and its aria-rowindex. */
  readonly index: number;
  readonly selected: boolean;
  /** The one row Tab reaches (roving tab stop); arrows move it. */
  readonly tabbable: boolean;
  readonly onSelect: (id: string) => void;
  readonly onFocusRow: (id: string) => void;
}

/**
 * One hub as a row. It reads its hub from the store by id, so a refresh event re-renders the rows
 * of the hubs it changed and nothing else; memo keeps the others still when the table re-renders.
 */
export const FleetRow = memo(function FleetRow({
  id,
  index,
  selected,
  tabbable,
  onSelect,
  onFocusRow,
}: FleetRowProps) {
  const hub = useHubsStore((state) => state.byId[id]);
  if (!hub) return null;
  const { licence } = hub;
  const validity = validityText(licence);
  const activity = activityText(licence);
  const t = tHubs().fleet.table;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-hub-id={id}
      // A failed refresh keeps the licence read before: shown dimmed, as no longer current.
      className={hub.lastError && licence ? 'fleet__row fleet__row--stale' : 'fleet__row'}
      // A CSSOM transform (allowed by the style-src CSP, unlike a style attribute in markup).
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      onClick={() => onSelect(id)}
      onFocus={() => onFocusRow(id)}
    >
      <div role="rowheader" className="fleet__cell">
        <span className="fleet__stack">
          <span className="fleet__name">{hub.name}</span>
          <span className="fleet__sub">{hub.site || t.noSite}</span>
        </span>
      </div>
      <div role="gridcell" className="fleet__cell">
        <code className="fleet__mono">{hub.hid}</code>
      </div>
      <div role="gridcell" className="fleet__cell" title={hubAddress(hub)}>
        <span className="fleet__stack">
          <code className="fleet__mono fleet__ellipsis">{hub.host}</code>
          {/* The port and path are in the tooltip and the side panel; the protocol matters more. */}
          <span className="fleet__sub">
            {hub.scheme}
            {hub.lan && <> · {t.lan}</>}
          </span>
        </span>
      </div>
      <div role="gridcell" className="fleet__cell">
        <span className="fleet__stack">
          <span>{hubLicenceType(licence)}</span>
          {licence && (
            <code className="fleet__sub fleet__ellipsis">{shortCodeLabel(licence.codeLabel)}</code>
          )}
        </span>
      </div>
      <div role="gridcell" className="fleet__cell">
        <StatusPill tone={validity.tone}>{validity.label}</StatusPill>
      </div>
      <div role="gridcell" className="fleet__cell">
        <StatusPill tone={activity.tone}>{activity.label}</StatusPill>
      </div>
      <div role="gridcell" className="fleet__cell">
        {licence ? <UsageCell hubName={hub.name} licence={licence} /> : <Dash />}
      </div>
      <div role="gridcell" className="fleet__cell fleet__sub">
        {hub.lastRefreshAt !== undefined ? <RelativeTime at={hub.lastRefreshAt} /> : t.never}
      </div>
      <div role="gridcell" className="fleet__cell">
        <ErrorCell hub={hub} />
      </div>
    </div>
  );
});

/** "85 %  850 / 1,000" over the bar; what the number counts is in the tooltip and read aloud. */
function UsageCell({
  hubName,
  licence,
}: {
  readonly hubName: string;
  readonly licence: HubLicenceView;
}) {
  const details = `${usageText(licence)} · ${usageDetails(licence).join(' · ')}`;
  return (
    <span className="fleet-usage" title={details}>
      <span className="fleet-usage__numbers" aria-hidden="true">
        <span className="fleet-usage__percent">{usagePercentText(licence)}</span>
        <span className="fleet-usage__count">
          {formatCount(licence.used)} / {formatCount(licence.size)}
        </span>
      </span>
      <UsageBar
        used={licence.used}
        max={licence.size}
        label={tHubs().fleet.table.usageOf(hubName)}
      />
      <span className="visually-hidden">{details}</span>
    </span>
  );
}

function ErrorCell({ hub }: { readonly hub: HubView }) {
  if (!hub.lastError) return <Dash />;
  return (
    <span className="fleet__error" title={say(hub.lastError)}>
      {hubErrorLabel(hub.lastError.code)}
    </span>
  );
}

const Dash = () => <span className="text-subtle">—</span>;
