import type { SeatHolderView } from '../../../../shared/model';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';
import { tSeats } from '../../i18n/seats.en';

/** Everyone holding a seat or activation on this licence, as the server reports it. */
export function HoldersTable({ holders }: { readonly holders: readonly SeatHolderView[] }) {
  const t = tSeats().holders;
  if (holders.length === 0) {
    return <p className="holders__empty">{t.empty}</p>;
  }
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t.region}>
      <table className="table holders">
        <thead>
          <tr>
            <th scope="col">{t.client}</th>
            <th scope="col">{t.machine}</th>
            <th scope="col">{t.address}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.issued}</th>
            <th scope="col">{t.lastHeartbeat}</th>
            <th scope="col">{t.expires}</th>
          </tr>
        </thead>
        <tbody>
          {holders.map((holder) => (
            <HolderRow key={holder.tokenLabel} holder={holder} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HolderRow({ holder }: { readonly holder: SeatHolderView }) {
  const classes = [
    holder.isThisClient ? 'holders__row--self' : '',
    holder.revoked ? 'holders__row--revoked' : '',
  ].join(' ');
  const t = tSeats().holders;
  return (
    <tr className={classes}>
      <th scope="row">
        <div className="holders__client">
          <span className="holders__name">{holder.clientName}</span>
          {holder.isThisClient && <span className="badge badge--accent">{t.thisComputer}</span>}
          {holder.revoked && <StatusPill tone="danger">{t.revoked}</StatusPill>}
        </div>
      </th>
      <td>
        <code className="holders__mono" title={t.token(holder.tokenLabel)}>
          {holder.machineLabel}
        </code>
      </td>
      <td>
        {holder.clientAddr ? <code className="holders__mono">{holder.clientAddr}</code> : <Dash />}
      </td>
      <td>{holder.kind === 'floating' ? t.floating : t.activation}</td>
      <td>{holder.issuedAt !== undefined ? <RelativeTime at={holder.issuedAt} /> : <Dash />}</td>
      <td>
        {holder.lastHeartbeatAt !== undefined ? (
          <RelativeTime at={holder.lastHeartbeatAt} />
        ) : (
          <Dash />
        )}
      </td>
      <td>{holder.expiresAt !== undefined ? <RelativeTime at={holder.expiresAt} /> : <Dash />}</td>
    </tr>
  );
}

function Dash() {
  return (
    <span className="text-subtle" aria-label={tSeats().holders.notReported}>
      —
    </span>
  );
}
