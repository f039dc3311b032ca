import type { ReactNode } from 'react';
import type { HubView } from '../../../../shared/hubs-model';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { tHubs } from '../../i18n/hubs.en';
import { formatDateTime, isoTime } from '../../lib/format';
import { hubAddress } from '../../lib/hubs/hub-connection';
import {
  activityText,
  formatCount,
  hubLicenceType,
  usagePercentText,
  usageText,
  validityText,
  shortCodeLabel,
} from '../../lib/hubs/hub-licence-text';

/** What the hub last reported about its licence, with how usage is counted spelled out. */
export function LicenceFacts({ hub }: { readonly hub: HubView }) {
  const { licence } = hub;
  const t = tHubs().panel.facts;
  if (!licence) return <p className="hub-panel__empty">{t.notRead}</p>;
  const validity = validityText(licence);
  const activity = activityText(licence);
  return (
    <dl className="facts hub-facts">
      <Fact label={t.usage} wide>
        <span className="hub-facts__usage">
          <span>
            {usageText(licence)} <span className="text-muted">({usagePercentText(licence)})</span>
          </span>
          <UsageBar
            used={licence.used}
            max={licence.size}
            label={tHubs().fleet.table.usageOf(hub.name)}
          />
        </span>
      </Fact>
      <Fact label={t.valid}>
        <StatusPill tone={validity.tone}>{validity.label}</StatusPill>
      </Fact>
      <Fact label={t.active}>
        <StatusPill tone={activity.tone}>{activity.label}</StatusPill>
      </Fact>
      <Fact label={t.type}>{hubLicenceType(licence)}</Fact>
      <Fact label={t.code}>
        <code title={licence.codeLabel}>{shortCodeLabel(licence.codeLabel)}</code>
      </Fact>
      <Fact label={t.counts}>{licence.isObjectBased ? t.objects : t.points}</Fact>
      <Fact label={t.objects}>{formatCount(licence.objectCount)}</Fact>
      {licence.isObjectBased && (
        <Fact label={t.perObject}>{tHubs().text.usage.pointCount(licence.pointsPerObject)}</Fact>
      )}
      <Fact label={t.pointsMap}>{licence.useCustomPointsMap ? t.custom : t.standard}</Fact>
      <Fact label={t.reported} wide>
        <time dateTime={isoTime(licence.reportedAt)}>{formatDateTime(licence.reportedAt)}</time>
      </Fact>
    </dl>
  );
}

/** Where and as whom the app reaches the hub. The password itself never leaves the core. */
export function ConnectionFacts({ hub }: { readonly hub: HubView }) {
  const t = tHubs().panel.facts;
  return (
    <dl className="facts hub-facts">
      <Fact label={t.address} wide>
        <code>{hubAddress(hub)}</code>
      </Fact>
      <Fact label={t.account}>{hub.username}</Fact>
      <Fact label={t.password}>{hub.hasPassword ? t.stored : t.notStored}</Fact>
      <Fact label={t.siteLan}>{hub.lan ? t.yes : t.no}</Fact>
      <Fact label={t.lastRefresh}>
        {hub.lastRefreshAt !== undefined ? <RelativeTime at={hub.lastRefreshAt} /> : t.never}
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
