import { Emphasised } from '../../components/rich-text';
import type { LicenceView } from '../../../../shared/model';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { UsageBar } from '../../components/usage-bar';
import { assertNever } from '../../lib/assert-never';
import { useSeatPool, useSeatPoolStore } from '../../store/seat-pool-store';
import { HoldersTable } from './holders-table';
import { tSeats } from '../../i18n/seats.en';
import { formatNumber } from '../../i18n/messages';
import { useNow } from '../../lib/clock';
import { formatDateTime, formatRelative, isoTime } from '../../lib/format';

export function PoolCard({ licence }: { readonly licence: LicenceView }) {
  const pool = useSeatPool(licence.profileId);
  const refresh = useSeatPoolStore((s) => s.refresh);
  const refreshing = pool.status === 'loading' || (pool.status === 'loaded' && pool.refreshing);

  // The pool's own numbers are fresher; the licence's stand in until the pool has loaded.
  const used = pool.status === 'loaded' ? pool.value.activeClients : licence.activeClients;
  const max = pool.status === 'loaded' ? pool.value.maxClients : licence.maxClients;
  const t = tSeats().pool;

  return (
    <Card
      className="pool-card"
      labelledBy="pool-card-title"
      title={t.title}
      description={pool.status === 'loaded' ? <CheckedAt at={pool.value.checkedAt} /> : t.whoUses}
      aside={
        <Button
          size="sm"
          onClick={() => void refresh(licence.profileId)}
          busy={refreshing}
          busyLabel={t.refreshing}
        >
          {t.refresh}
        </Button>
      }
    >
      {used !== undefined && max !== undefined && (
        <div className="pool-card__usage">
          <p className="pool-card__numbers">
            <Emphasised text={t.inUse(formatNumber(used), formatNumber(max))} />
            {max > used ? (
              <span className="text-muted"> · {t.free(formatNumber(max - used))}</span>
            ) : (
              <span className="text-danger"> · {t.noneFree}</span>
            )}
          </p>
          <UsageBar used={used} max={max} label={t.usageLabel} />
        </div>
      )}
      {(() => {
        switch (pool.status) {
          case 'loading':
            return <span className="skeleton skeleton--table" aria-label={t.loadingHolders} />;
          case 'failed':
            return <ErrorMessage error={pool.error} layout="block" />;
          case 'loaded':
            return (
              <>
                {pool.refreshError && <ErrorMessage error={pool.refreshError} layout="block" />}
                <HoldersTable holders={pool.value.holders} />
              </>
            );
          default:
            return assertNever(pool);
        }
      })()}
    </Card>
  );
}

/** "Checked 12 s ago", ticking: one message, so a translation orders the words its own way. */
function CheckedAt({ at }: { readonly at: number }) {
  const now = useNow();
  return (
    <time dateTime={isoTime(at)} title={formatDateTime(at)}>
      {tSeats().pool.checked(formatRelative(at, now))}
    </time>
  );
}
