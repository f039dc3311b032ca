import { join } from 'node:path';
import { systemClock } from '../src/shared/clock';
import { hubInventoryCsv } from '../src/main/demo-mode';
import { openHubSecrets } from '../src/main/hubs/hub-secrets';
import { createHubService } from '../src/main/hubs/hub-service';
import { createMemorySecretStore } from '../src/main/store/secret-store';
import { startMobiusFlowSandbox } from '../src/sandbox/mobiusflow/server';
import { time, type Row } from './measure';

const HUBS = 1_000;

/**
 * A fleet refresh of 1,000 sandbox hubs (sign-in and licence read each, the rotated refresh tokens
 * written to the sealed secrets file), through the bounded pool and then one hub at a time, each
 * from a fresh inventory so both pay the same sign-ins.
 */
export async function benchHubFleet(dir: string): Promise<Row[]> {
  const engine = await startMobiusFlowSandbox({ hubs: HUBS });
  const csv = hubInventoryCsv(engine.hubs);
  const refreshAll = async (name: string, concurrency: number): Promise<number> => {
    const file = join(dir, `${name}.hubs.json`);
    const hubs = createHubService({
      file,
      // As the app keeps them: one sealed file, its key in a (here in-memory) keychain.
      secrets: openHubSecrets(file, createMemorySecretStore()),
      clock: systemClock,
      maxConcurrency: 64,
    });
    await hubs.importCsv(csv);
    try {
      const elapsed = await time(() => hubs.refresh({ concurrency }));
      const failed = hubs.list().hubs.filter((hub) => hub.lastError).length;
      if (failed > 0) throw new Error(`${failed} hubs failed to refresh in the bench`);
      return elapsed;
    } finally {
      await hubs.close();
    }
  };
  try {
    const rows: Row[] = [];
    await refreshAll('warm-up', 16); // JIT and socket warm-up, not measured
    // Loopback alone measures our CPU (client and engine share this process); a site network
    // adds latency to every request, which is what the pool is for.
    for (const latencyMs of [0, 10]) {
      engine.faults.clear();
      if (latencyMs > 0) engine.faults.inject({ kind: 'latency', ms: latencyMs });
      const network = latencyMs > 0 ? `${latencyMs} ms per request` : 'loopback';
      const pooled = await refreshAll(`pooled-${latencyMs}`, 16);
      const serial = await refreshAll(`serial-${latencyMs}`, 1);
      rows.push(
        {
          figure: `refresh ${HUBS} hubs (${network}), 16 at a time`,
          value: pooled,
          unit: 'ms',
          reference: 'sign-in + licence read per hub',
        },
        {
          figure: `refresh ${HUBS} hubs (${network}), one at a time`,
          value: serial,
          unit: 'ms',
          reference: `the same work in series: ${(serial / pooled).toFixed(1)}× the pooled time`,
        },
      );
    }
    return rows;
  } finally {
    await engine.close();
  }
}
