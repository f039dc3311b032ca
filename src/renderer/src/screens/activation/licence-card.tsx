import type { ReactNode } from 'react';
import type { LicenceView } from '../../../../shared/model';
import { Card } from '../../components/card';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { UsageBar } from '../../components/usage-bar';
import { useNow } from '../../lib/clock';
import { daysUntil, formatDate, formatDayDistance } from '../../lib/format';
import { modeLabel, statusLabel } from '../../lib/licence-text';

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
  return (
    <Card
      className="licence-card"
      labelledBy="licence-card-title"
      title="Licence"
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
        <Fact term="Licence ID">
          {licence.licenseId ? <code>{licence.licenseId}</code> : <Muted>Not reported</Muted>}
        </Fact>
        <Fact term="Type">{modeLabel(licence.mode)}</Fact>
        <Fact term="Expires">
          {licence.expiresAt === undefined ? 'Never expires' : <Expiry at={licence.expiresAt} />}
        </Fact>
        {licence.supportExpiresAt !== undefined && (
          <Fact term="Support until">
            <Expiry at={licence.supportExpiresAt} />
          </Fact>
        )}
        {/* "1 of 1" on a single-device licence says nothing: it is this computer. */}
        {licence.maxClients !== undefined && (floating || licence.maxClients > 1) && (
          <Fact term={floating ? 'Seats in use' : 'Activations used'} wide>
            <div className="licence-card__usage">
              <span>
                {licence.activeClients ?? 0} of {licence.maxClients}
              </span>
              <UsageBar
                used={licence.activeClients ?? 0}
                max={licence.maxClients}
                label={floating ? 'Seats in use' : 'Activations used'}
              />
            </div>
          </Fact>
        )}
        {licence.activatedAt !== undefined && (
          <Fact term="Activated">{formatDate(licence.activatedAt)}</Fact>
        )}
        {licence.lastCheckedAt !== undefined && (
          <Fact term="Last checked">
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
