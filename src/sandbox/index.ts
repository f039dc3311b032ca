import { demoKeys } from './babel/seed';
import { startBabelSandbox } from './babel/server';
import { enirisDemo, startEnirisSandbox } from './eniris/server';
import { flecsDemo, startFlecsSandbox } from './flecs/server';

/**
 * Starts every sandbox server the demo, the CLI's `sandbox` command and the integration tests
 * need, on consecutive ports from `port` (or ephemeral ports with 0): Babel Licensing Service
 * (`seats`), FLECS, Eniris. LicenseSpring and MobiusFlow will follow.
 */

export type { FaultController, FaultSpec } from './faults';
export type { BabelSandbox, BabelSandboxOptions, BabelSeed } from './babel/server';
export { startBabelSandbox } from './babel/server';

export interface SandboxSet {
  readonly servers: {
    readonly seats: { readonly url: string; readonly apiKey: string };
    readonly flecs: { readonly url: string };
    /** One server answers both the auth and the API routes. */
    readonly eniris: { readonly authUrl: string; readonly apiUrl: string };
  };
  /** Demo credentials shown on screen and printed by the CLI (public by design). */
  readonly demo: {
    readonly seats: {
      floatingKey: string;
      activationKey: string;
      revokedKey: string;
      expiredKey: string;
    };
    readonly flecs: {
      username: string;
      password: string;
      licenseKey: string;
      serialNumber: string;
    };
    readonly eniris: {
      username: string;
      password: string;
      freeKey: string;
      nodeId: string;
      customerId: string;
    };
  };
  close(): Promise<void>;
}

export async function startSandboxes(
  options: {
    host?: string;
    port?: number /* first port; 0 = ephemeral */;
    clock?: { now(): number };
  } = {},
): Promise<SandboxSet> {
  const host = options.host ?? '127.0.0.1';
  const portAt = (offset: number) => (options.port ? options.port + offset : 0);
  const clock = options.clock ? { clock: options.clock } : {};
  const seats = await startBabelSandbox({ host, port: portAt(0), ...clock });
  const flecs = await startFlecsSandbox({ host, port: portAt(1), ...clock });
  const eniris = await startEnirisSandbox({ host, port: portAt(2), ...clock });
  const keys = demoKeys();
  const { username, password, licenseKey, serialNumber } = flecsDemo();
  const enirisUser = enirisDemo();
  return {
    servers: {
      seats: { url: seats.url, apiKey: seats.apiKey },
      flecs: { url: flecs.url },
      eniris: { authUrl: eniris.url, apiUrl: eniris.url },
    },
    demo: {
      seats: {
        floatingKey: keys.floatingKey,
        activationKey: keys.activationKey,
        revokedKey: keys.revokedKey,
        expiredKey: keys.expiredKey,
      },
      flecs: { username, password, licenseKey, serialNumber },
      eniris: {
        username: enirisUser.username,
        password: enirisUser.password,
        freeKey: enirisUser.freeKey,
        nodeId: enirisUser.nodeId,
        customerId: enirisUser.customerId,
      },
    },
    close: async () => {
      await Promise.all([seats.close(), flecs.close(), eniris.close()]);
    },
  };
}
