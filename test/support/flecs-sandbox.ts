import { afterEach, beforeEach, expect } from 'vitest';
import {
  startFlecsSandbox,
  type FlecsSandbox,
  type FlecsSandboxOptions,
} from '../../src/sandbox/flecs/server';
import { fetchChecked, type CheckedExchange } from './flecs-openapi';
import { createManualClock, type ManualClock } from './manual-clock';

/** The moment every FLECS sandbox test starts at, on its manual clock. */
export const FLECS_START = Date.UTC(2030, 0, 15, 9, 0, 0);

type Sent = { readonly headers?: Record<string, string>; readonly body?: unknown };

export interface FlecsSandboxRig {
  /** This test's clock, starting at FLECS_START. */
  readonly clock: ManualClock;
  /** This test's sandbox, on an ephemeral loopback port. */
  readonly sandbox: FlecsSandbox;
  /** One checked exchange; `specGaps` lists the OpenAPI problems this exchange is known to have. */
  readonly call: (
    method: string,
    path: string,
    sent?: Sent,
    specGaps?: string[],
  ) => Promise<CheckedExchange>;
  /** Replaces this test's sandbox with one started with other options, on the same clock. */
  readonly restart: (options: Omit<FlecsSandboxOptions, 'clock'>) => Promise<void>;
}

/**
 * A fresh FLECS sandbox and manual clock for each test of the calling file (registers its own
 * beforeEach/afterEach), and requests checked against FLECS's OpenAPI file in both directions.
 */
export function flecsSandboxPerTest(): FlecsSandboxRig {
  let clock: ManualClock | undefined;
  let sandbox: FlecsSandbox | undefined;
  const started = (): { clock: ManualClock; sandbox: FlecsSandbox } => {
    if (!clock || !sandbox) throw new Error('The FLECS sandbox runs inside a test only.');
    return { clock, sandbox };
  };

  beforeEach(async () => {
    clock = createManualClock(FLECS_START);
    sandbox = await startFlecsSandbox({ clock });
  });
  afterEach(() => started().sandbox.close());

  return {
    get clock() {
      return started().clock;
    },
    get sandbox() {
      return started().sandbox;
    },
    async call(method, path, sent = {}, specGaps = []) {
      const res = await fetchChecked(started().sandbox.url, method, path, sent);
      expect(res.problems).toEqual(specGaps);
      return res;
    },
    async restart(options) {
      const { clock: now, sandbox: old } = started();
      await old.close();
      sandbox = await startFlecsSandbox({ clock: now, ...options });
    },
  };
}

/** Revokes a licence key through the sandbox's admin back door, as the vendor would in the console. */
export async function revokeFlecsLicence(sandbox: FlecsSandbox, licenseKey: string): Promise<void> {
  const revoked = await fetch(`${sandbox.url}/__sandbox/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ licenseKey }),
  });
  expect(revoked.status).toBe(200);
}
