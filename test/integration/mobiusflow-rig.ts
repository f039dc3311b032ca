import { afterEach } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import type { HttpClient, HttpRequest } from '../../src/main/http/http-client';
import { createMobiusFlowClient } from '../../src/main/licensing/backends/mobiusflow';
import {
  startMobiusFlowSandbox,
  type MobiusFlowCounters,
  type MobiusFlowSandboxOptions,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * The MobiusFlow adapter on the sandbox engine over real loopback HTTP, both on one manual clock:
 * a client per hub (its account, or another password or address), every request it sent, and
 * the engine's counters. Each rig's engine closes after its test.
 */

export const T0 = Date.UTC(2026, 2, 1, 8, 0, 0);

export interface ClientOverrides {
  readonly password?: string;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

/** Registers the closing of every engine started in a test; returns the rig to start them with. */
export function useMobiusFlowRig() {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  return async function rig(options: MobiusFlowSandboxOptions = {}) {
    const clock: ManualClock = createManualClock(T0);
    const sandbox = await startMobiusFlowSandbox({ hubs: 4, clock, ...options });
    closers.push(() => sandbox.close());
    const sent: HttpRequest[] = [];
    const inner = createAxiosHttpClient({ defaultTimeoutMs: 2_000 });
    const http: HttpClient = { request: (request) => (sent.push(request), inner.request(request)) };
    const counters = async (): Promise<MobiusFlowCounters> => {
      const response = await inner.request({
        method: 'GET',
        url: `${sandbox.url}/__sandbox/state`,
      });
      return (response.body as { counters: MobiusFlowCounters }).counters;
    };
    /** How the client names the hub in what it says (the hub service passes its own label). */
    const labelOf = (hub: SandboxHub) => `"${hub.name}"`;
    const clientOf = (hub: SandboxHub, overrides: ClientOverrides = {}) => {
      let refreshToken: string | undefined;
      return createMobiusFlowClient({
        baseUrl: overrides.baseUrl ?? hub.baseUrl,
        http,
        clock,
        timeoutMs: overrides.timeoutMs,
        hubLabel: labelOf(hub),
        credentials: async () => ({
          username: hub.username,
          password: overrides.password ?? hub.password,
        }),
        tokens: {
          get: async () => refreshToken,
          set: async (value) => void (refreshToken = value),
          clear: async () => void (refreshToken = undefined),
        },
      });
    };
    const hub = sandbox.hubs[0] as SandboxHub;
    const other = sandbox.hubs[1] as SandboxHub;
    return { clock, sandbox, sent, counters, clientOf, labelOf, hub, other, client: clientOf(hub) };
  };
}
