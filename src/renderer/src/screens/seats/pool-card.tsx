import type { LicenceView } from '../../../../shared/model';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { ErrorMessage } from '../../components/error-message';
import { RelativeTime } from '../../components/live-time';
import { UsageBar } from '../../components/usage-bar';
import { assertNever } from '../../lib/assert-never';
import { useSeatPool, useSeatPoolStore } from '../../store/seat-pool-store';
import { HoldersTable } from './holders-table';

export function PoolCard({ licence }: { readonly licence: LicenceView }) {
  const pool = useSeatPool(licence.profileId);
  const refresh = useSeatPoolStore((s) => s.refresh);
  const refreshing = pool.status === 'loading' || (pool.status === 'loaded' && pool.refreshing);

  // The pool's own numbers are fresher; the licence's stand in until the pool has loaded.
  const used = pool.status === 'loaded' ? pool.value.activeClients : licence.activeClients;
  const max = pool.status === 'loaded' ? pool.value.maxClients : licence.maxClients;

  return (
    <Card
      className="pool-card"
      labelledBy="pool-card-title"
      title="Seat pool"
      description={
        pool.status === 'loaded' ? (
          <>
            Checked <RelativeTime at={pool.value.checkedAt} />
          </>
        ) : (
          'Who is using this licence'
        )
      }
      aside={
        <Button
          size="sm"
          onClick={() => void refresh(licence.profileId)}
          busy={refreshing}
          busyLabel="Refreshing…"
        >
          Refresh
        </Button>
      }
    >
      {used !== undefined && max !== undefined && (
        <div className="pool-card__usage">
          <p className="pool-card__numbers">
            <strong>{used}</strong> of <strong>{max}</strong> seats in use
            {max > used ? (
              <span className="text-muted"> · {max - used} free</span>
            ) : (
              <span className="text-danger"> · none free</span>
            )}
          </p>
          <UsageBar used={used} max={max} label="Seats in use" />
        </div>
      )}
      {(() => {
        switch (pool.status) {
          case 'loading':
            return <span className="skeleton skeleton--table" aria-label="Loading seat holders" />;
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
