import type { ReactNode } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { formatDateTime, isoTime } from '../../lib/format';
import {
  activityText,
  countOf,
  formatCount,
  hubAddress,
  hubLicenceType,
  usagePercentText,
  usageText,
  validityText,
  shortCodeLabel,
} from '../../lib/hubs-text';

/** What the hub last reported about its licence, with how usage is counted spelled out. */
export function LicenceFacts({ hub }: { readonly hub: HubView }) {
  const { licence } = hub;
  if (!licence) {
    return <p className="hub-panel__empty">Not read yet. Refresh this hub to read its licence.</p>;
  }
  const validity = validityText(licence);
  const activity = activityText(licence);
  return (
    <dl className="facts hub-facts">
      <Fact label="Usage" wide>
        <span className="hub-facts__usage">
          <span>
            {usageText(licence)} <span className="text-muted">({usagePercentText(licence)})</span>
          </span>
          <UsageBar used={licence.used} max={licence.size} label={`Licence usage of ${hub.name}`} />
        </span>
      </Fact>
      <Fact label="Valid">
        <StatusPill tone={validity.tone}>{validity.label}</StatusPill>
      </Fact>
      <Fact label="Active">
        <StatusPill tone={activity.tone}>{activity.label}</StatusPill>
      </Fact>
      <Fact label="Type">{hubLicenceType(licence)}</Fact>
      <Fact label="Code">
        <code title={licence.codeLabel}>{shortCodeLabel(licence.codeLabel)}</code>
      </Fact>
      <Fact label="Counts">{licence.isObjectBased ? 'Objects' : 'Points'}</Fact>
      <Fact label="Objects">{formatCount(licence.objectCount)}</Fact>
      {licence.isObjectBased && (
        <Fact label="Per object">{countOf(licence.pointsPerObject, 'point')}</Fact>
      )}
      <Fact label="Points map">{licence.useCustomPointsMap ? 'Custom' : 'Standard'}</Fact>
      <Fact label="Reported by the hub" wide>
        <time dateTime={isoTime(licence.reportedAt)}>{formatDateTime(licence.reportedAt)}</time>
      </Fact>
    </dl>
  );
}

/** Where and as whom the app reaches the hub. The password itself never leaves the core. */
export function ConnectionFacts({ hub }: { readonly hub: HubView }) {
  return (
    <dl className="facts hub-facts">
      <Fact label="Address" wide>
        <code>{hubAddress(hub)}</code>
      </Fact>
      <Fact label="Account">{hub.username}</Fact>
      <Fact label="Password">{hub.hasPassword ? 'Stored (never shown)' : 'Not stored'}</Fact>
      <Fact label="Site LAN">{hub.lan ? 'Yes' : 'No'}</Fact>
      <Fact label="Last refresh">
        {hub.lastRefreshAt !== undefined ? <RelativeTime at={hub.lastRefreshAt} /> : 'Never'}
      </Fact>
    </dl>
  );
}

export function Fact({
  label,
  wide = false,
  children,
}: {
  readonly label: string;
  readonly wide?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <div className={wide ? 'facts__item--wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
