import type { LicenceView, SeatPoolView } from '../shared/model';

/** Human-readable output; `--json` prints the same values as JSON instead. */
export const when = (ms: number | undefined, never = 'never'): string =>
  ms === undefined ? never : new Date(ms).toISOString();

export function formatLicence(view: LicenceView): string {
  if (view.status === 'inactive') return `${view.profileId}: not activated`;
  const lines = [
    `${view.profileId}: ${view.status} (${view.mode} licence ${view.licenseId ?? ''}, key ${view.keyLabel ?? ''})`,
    `  expires: ${when(view.expiresAt)}    clients: ${view.activeClients ?? 0} of ${view.maxClients ?? 0}`,
  ];
  if (view.statusReason) lines.push(`  reason: ${view.statusReason}`);
  const seat = view.seat;
  if (seat.state !== 'none') {
    lines.push(`  seat: ${seat.state}, expires ${when(seat.expiresAt, 'n/a')}`);
    if (seat.lastError) lines.push(`  last error: ${seat.lastError.message}`);
  }
  return lines.join('\n');
}

export function formatPool(pool: SeatPoolView): string {
  const rows = pool.holders.map(
    (holder) =>
      `  ${holder.isThisClient ? '*' : ' '} ${holder.kind.padEnd(10)} ${holder.clientName.padEnd(20)} ${holder.machineLabel.padEnd(10)} ` +
      `last heartbeat ${when(holder.lastHeartbeatAt, '-')}  expires ${when(holder.expiresAt, '-')}${holder.revoked ? '  REVOKED' : ''}`,
  );
  return [
    `licence ${pool.licenseId}: ${pool.activeClients} of ${pool.maxClients} seats in use`,
    ...rows,
  ].join('\n');
}
