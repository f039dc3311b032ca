import { randomUUID } from 'node:crypto';
import { systemClock } from '../src/shared/clock';
import { createAxiosHttpClient } from '../src/main/http/axios-http-client';
import { createBackend } from '../src/main/licensing/backend-factory';
import type { Lease, SeatCapability } from '../src/main/licensing/backend';
import { createMemorySecretStore } from '../src/main/store/secret-store';
import { startBabelSandbox } from '../src/sandbox';
import { type Row } from './measure';
import { babelSeedWithPools } from './seeds';

const CLIENTS = 500;
const ROUNDS = 20;
const POOL_KEY = 'LOADT-POOL0-SEATS-00500';

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/**
 * 500 clients on one 500-seat floating pool of the seat server, each through the real seats
 * adapter with its own machine and installation id: every client takes a seat, then all of them
 * heartbeat at once, round after round, far faster than their 5-minute interval asks. Answers
 * how many heartbeats a second the sandbox sustains and how long one waits.
 */
export async function benchSeatPoolLoad(): Promise<Row[]> {
  const sandbox = await startBabelSandbox({
    seed: babelSeedWithPools([{ key: POOL_KEY, seats: CLIENTS }]),
  });
  const http = createAxiosHttpClient({ userAgent: 'license-manager/bench' });
  const clients: SeatCapability[] = Array.from({ length: CLIENTS }, (_, i) => {
    const backend = createBackend(
      { id: 'seats', kind: 'seats', label: 'Seats', baseUrl: sandbox.url, apiKey: sandbox.apiKey },
      {
        http,
        identity: {
          machineId: `load-machine-${i}`,
          clientId: randomUUID(),
          clientName: `LOAD-${i}`,
        },
        clock: systemClock,
        secrets: createMemorySecretStore(),
      },
    );
    if (!backend.seats) throw new Error('the seats backend has no seats');
    return backend.seats;
  });
  try {
    let leases: Lease[] = await Promise.all(clients.map((client) => client.request(POOL_KEY)));
    const held = sandbox.poolCounts()[POOL_KEY]?.floating ?? 0;
    const latencies: number[] = [];
    let failures = 0;
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round += 1) {
      leases = await Promise.all(
        leases.map(async (lease, i) => {
          const sent = performance.now();
          try {
            return await (clients[i] as SeatCapability).renew(lease);
          } catch {
            failures += 1;
            return lease;
          } finally {
            latencies.push(performance.now() - sent);
          }
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const stillHeld = sandbox.poolCounts()[POOL_KEY]?.floating ?? 0;
    await Promise.all(leases.map((lease, i) => (clients[i] as SeatCapability).release(lease)));
    latencies.sort((a, b) => a - b);
    const beats = CLIENTS * ROUNDS;
    return [
      {
        figure: `seat pool load: ${CLIENTS} clients heartbeating, throughput`,
        value: beats / seconds,
        unit: '/s',
        reference: `${held} seats taken, ${stillHeld} held after ${ROUNDS} rounds, ${failures} failed; they need ${(CLIENTS / 300).toFixed(1)}/s at a 5-minute interval`,
      },
      {
        figure: `seat pool load: heartbeat latency p50 / p99`,
        value: percentile(latencies, 0.5),
        unit: 'ms',
        reference: `p99 ${percentile(latencies, 0.99).toFixed(1)} ms with all ${CLIENTS} in flight at once (client and server share one process)`,
      },
    ];
  } finally {
    await sandbox.close();
  }
}
