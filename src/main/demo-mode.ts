import { startSandboxes, type SandboxSet } from '../sandbox';
import type { VendorConfig } from './config/vendor-config';

/**
 * Demo mode: with no vendor configuration the app runs the sandbox servers itself, so a fresh
 * `npm start` activates something real in one click. This file is the only place on the client
 * side that knows the sandbox exists.
 */
export interface DemoEnvironment {
  readonly config: VendorConfig;
  readonly demoKeys: { profileId: string; label: string; key: string }[];
  close(): Promise<void>;
}

export function demoConfigFor(
  set: SandboxSet,
  base: Pick<VendorConfig, 'productName' | 'productId'>,
): VendorConfig {
  return {
    productName: base.productName,
    productId: base.productId,
    demo: true,
    allowWeakSecretStore: false,
    profiles: [
      {
        id: 'seats',
        kind: 'seats',
        label: 'Floating seats (Babel Licensing Service)',
        description:
          'Sandbox server on this computer: a 5-seat floating licence and a 3-machine activation licence.',
        baseUrl: set.servers.seats.url,
        apiKey: set.servers.seats.apiKey,
      },
      {
        id: 'flecs',
        kind: 'flecs',
        label: 'Device licence (FLECS)',
        description: `Sandbox FLECS console on this computer: sign in as ${set.demo.flecs.username} / ${set.demo.flecs.password}, or use the key below.`,
        baseUrl: set.servers.flecs.url,
        serialNumber: set.demo.flecs.serialNumber,
      },
      {
        id: 'eniris',
        kind: 'eniris',
        label: 'Eniris licences (Sofar)',
        description: `Sandbox Eniris service on this computer: sign in as ${set.demo.eniris.username} / ${set.demo.eniris.password}; controller ${set.demo.eniris.nodeId}, customer ${set.demo.eniris.customerId}.`,
        authUrl: set.servers.eniris.authUrl,
        apiUrl: set.servers.eniris.apiUrl,
      },
    ],
  };
}

export function demoKeysFor(set: SandboxSet): DemoEnvironment['demoKeys'] {
  return [
    { profileId: 'seats', label: 'Floating licence, 5 seats', key: set.demo.seats.floatingKey },
    {
      profileId: 'seats',
      label: 'Machine activation, 3 computers',
      key: set.demo.seats.activationKey,
    },
    { profileId: 'flecs', label: 'FLECS device licence key', key: set.demo.flecs.licenseKey },
    {
      profileId: 'eniris',
      label: 'Eniris licence, not yet activated',
      key: set.demo.eniris.freeKey,
    },
  ];
}

export async function startDemo(base: VendorConfig): Promise<DemoEnvironment> {
  const set = await startSandboxes({ host: '127.0.0.1', port: 0 });
  return { config: demoConfigFor(set, base), demoKeys: demoKeysFor(set), close: () => set.close() };
}
