import type { SeatHolderView } from '../../../../shared/model';
import { RelativeTime } from '../../components/live-time';
import { StatusPill } from '../../components/status-pill';

/** Everyone holding a seat or activation on this licence, as the server reports it. */
export function HoldersTable({ holders }: { readonly holders: readonly SeatHolderView[] }) {
  if (holders.length === 0) {
    return <p className="holders__empty">No computer holds a seat on this licence right now.</p>;
  }
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Seat holders">
      <table className="table holders">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Machine</th>
            <th scope="col">Address</th>
            <th scope="col">Kind</th>
            <th scope="col">Issued</th>
            <th scope="col">Last heartbeat</th>
            <th scope="col">Expires</th>
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
  return (
    <tr className={classes}>
      <th scope="row">
        <div className="holders__client">
          <span className="holders__name">{holder.clientName}</span>
          {holder.isThisClient && <span className="badge badge--accent">This computer</span>}
          {holder.revoked && <StatusPill tone="danger">Revoked</StatusPill>}
        </div>
      </th>
      <td>
        <code className="holders__mono" title={`Token ${holder.tokenLabel}`}>
          {holder.machineLabel}
        </code>
      </td>
      <td>
        {holder.clientAddr ? <code className="holders__mono">{holder.clientAddr}</code> : <Dash />}
      </td>
      <td>{holder.kind === 'floating' ? 'Floating' : 'Activation'}</td>
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
    <span className="text-subtle" aria-label="not reported">
      —
    </span>
  );
}
