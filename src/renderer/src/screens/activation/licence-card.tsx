import type { ReactNode } from 'react';
import type { LicenceView } from '../../../../shared/model';
import { Card } from '../../components/card';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { useNow } from '../../lib/clock';
import { daysUntil, formatDate, formatDayDistance } from '../../lib/format';
import { modeLabel, statusLabel } from '../../lib/licence-text';
import { tActivation } from '../../i18n/activation.en';
import { formatNumber } from '../../i18n/messages';

/** Expiry closer than this is worth a warning colour. */
const SOON_DAYS = 30;

interface LicenceCardProps {
  readonly licence: LicenceView;
  /** Actions at the top right, before the status pill ("Check now"). */
  readonly actions?: ReactNode;
  /** The outcome of those actions, under the facts. */
  readonly notice?: ReactNode;
  readonly footer: ReactNode;
}

export function LicenceCard({ licence, actions, notice, footer }: LicenceCardProps) {
  const status = statusLabel(licence.status);
  const floating = licence.mode === 'floating';
  const t = tActivation().card;
  const usedLabel = floating ? t.seatsInUse : t.activationsUsed;
  return (
    <Card
      className="licence-card"
      labelledBy="licence-card-title"
      title={t.title}
      description={
        licence.keyLabel ? <code className="licence-card__key">{licence.keyLabel}</code> : undefined
      }
      aside={
        <>
          {actions}
          <StatusPill tone={status.tone}>{status.label}</StatusPill>
        </>
      }
    >
      <dl className="facts">
        <Fact term={t.licenceId}>
          {licence.licenseId ? <code>{licence.licenseId}</code> : <Muted>{t.notReported}</Muted>}
        </Fact>
        <Fact term={t.type}>{modeLabel(licence.mode)}</Fact>
        <Fact term={t.expires}>
          {licence.expiresAt === undefined ? t.neverExpires : <Expiry at={licence.expiresAt} />}
        </Fact>
        {licence.supportExpiresAt !== undefined && (
          <Fact term={t.supportUntil}>
            <Expiry at={licence.supportExpiresAt} />
          </Fact>
        )}
        {/* "1 of 1" on a single-device licence says nothing: it is this computer. */}
        {licence.maxClients !== undefined && (floating || licence.maxClients > 1) && (
          <Fact term={usedLabel} wide>
            <div className="licence-card__usage">
              <span>
                {t.usage(
                  formatNumber(licence.activeClients ?? 0),
                  formatNumber(licence.maxClients),
                )}
              </span>
              <UsageBar
                used={licence.activeClients ?? 0}
                max={licence.maxClients}
                label={usedLabel}
              />
            </div>
          </Fact>
        )}
        {licence.activatedAt !== undefined && (
          <Fact term={t.activated}>{formatDate(licence.activatedAt)}</Fact>
        )}
        {licence.lastCheckedAt !== undefined && (
          <Fact term={t.lastChecked}>
            <RelativeTime at={licence.lastCheckedAt} />
          </Fact>
        )}
      </dl>
      {notice}
      <div className="card__footer">{footer}</div>
    </Card>
  );
}

function Fact({
  term,
  children,
  wide,
}: {
  readonly term: string;
  readonly children: ReactNode;
  readonly wide?: boolean;
}) {
  return (
    <div className={`facts__item ${wide ? 'facts__item--wide' : ''}`}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Muted({ children }: { readonly children: ReactNode }) {
  return <span className="text-muted">{children}</span>;
}

/** A date plus how far away it is; the distance is what people act on. */
function Expiry({ at }: { readonly at: number }) {
  const days = daysUntil(at, useNow());
  const distance = formatDayDistance(days);
  const tone = days < 0 ? 'danger' : days <= SOON_DAYS ? 'warning' : 'muted';
  return (
    <span>
      {formatDate(at)} <span className={`text-${tone}`}>({distance})</span>
    </span>
  );
}
