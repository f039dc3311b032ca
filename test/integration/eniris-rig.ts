import { afterEach } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { createEnirisClient } from '../../src/main/licensing/backends/eniris';
import {
  enirisDemo,
  startEnirisSandbox,
  type EnirisSandboxOptions,
} from '../../src/sandbox/eniris/server';
import { createManualClock } from '../support/manual-clock';
import { createMemoryVault } from '../unit/eniris-fake-api';

/**
 * The Eniris client on the Eniris sandbox over real loopback HTTP, both on one manual clock so
 * tests can move past token lifetimes without waiting. The sandbox serves auth and API alike.
 */

export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const demo = enirisDemo();

export async function startRig(sandboxOptions: Omit<EnirisSandboxOptions, 'clock'> = {}) {
  const clock = createManualClock(T0);
  const sandbox = await startEnirisSandbox({ ...sandboxOptions, clock });
  const events: string[] = [];
  const { vault, peek } = createMemoryVault(events);
  const http = createAxiosHttpClient({ defaultTimeoutMs: 5_000 });
  const client = createEnirisClient({
    authUrl: sandbox.url,
    apiUrl: `${sandbox.url}/`,
    http,
    clock,
    vault,
    timeoutMs: 2_000,
  });
  /** The sandbox's admin back door (not part of the Eniris protocol). */
  const admin = async (action: string): Promise<void> => {
    const response = await http.request({
      method: 'POST',
      url: `${sandbox.url}/__sandbox/${action}`,
      body: {},
    });
    if (response.status !== 200) throw new Error(`admin ${action}: HTTP ${response.status}`);
  };
  const signIn = () => client.login(demo.username, demo.password);
  return { clock, sandbox, client, vault, peek, events, admin, signIn };
}

export type Rig = Awaited<ReturnType<typeof startRig>>;

/** Registers closing each test's sandbox after it; returns how a test starts its rig. */
export function useEnirisRig(): (options?: Parameters<typeof startRig>[0]) => Promise<Rig> {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.sandbox.close();
    rig = undefined;
  });
  return async (options) => (rig = await startRig(options));
}
