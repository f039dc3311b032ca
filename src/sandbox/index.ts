import { startBabelSandbox } from './babel/server';
import { demoKeys } from './babel/seed';

/**
 * Starts every sandbox server the demo and the integration tests need. Only the Babel Licensing
 * Service (`seats`) exists so far; FLECS, Eniris, LicenseSpring and MobiusFlow will take the
 * following ports (port + 1, + 2, ...) when they arrive.
 */

export type { FaultController, FaultSpec } from './faults';
export type { BabelSandbox, BabelSandboxOptions, BabelSeed } from './babel/server';
export { startBabelSandbox } from './babel/server';

export interface SandboxSet {
  readonly servers: { readonly seats: { readonly url: string; readonly apiKey: string } };
  /** Demo credentials shown on screen and printed by the CLI. */
  readonly demo: {
    readonly seats: {
      floatingKey: string;
      activationKey: string;
      revokedKey: string;
      expiredKey: string;
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
  const keys = demoKeys();
  const seats = await startBabelSandbox({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    servers: { seats: { url: seats.url, apiKey: seats.apiKey } },
    demo: {
      seats: {
        floatingKey: keys.floatingKey,
        activationKey: keys.activationKey,
        revokedKey: keys.revokedKey,
        expiredKey: keys.expiredKey,
      },
    },
    close: () => seats.close(),
  };
}
