import { generateKeyPairSync } from 'node:crypto';
import { demoKeys } from './babel/seed';
import { startBabelSandbox } from './babel/server';
import { enirisDemo, startEnirisSandbox } from './eniris/server';
import { flecsDemo, startFlecsSandbox } from './flecs/server';
import { licenseSpringDemo, startLicenseSpringSandbox } from './licensespring/server';
import { startMobiusFlowSandbox, type SandboxHub } from './mobiusflow/server';

/**
 * Starts every sandbox server the demo, the CLI's `sandbox` command and the integration tests
 * need, on consecutive ports from `port` (or ephemeral ports with 0): Babel Licensing Service
 * (`seats`), FLECS, Eniris, LicenseSpring, and a MobiusFlow engine emulating a fleet of hubs.
 */

export type { FaultController, FaultSpec } from './faults';
export type { BabelSandbox, BabelSandboxOptions, BabelSeed } from './babel/server';
export { startBabelSandbox } from './babel/server';
export type { SandboxHub } from './mobiusflow/server';

export interface SandboxSet {
  readonly servers: {
    readonly seats: { readonly url: string; readonly apiKey: string };
    readonly flecs: { readonly url: string };
    /** One server answers both the auth and the API routes. */
    readonly eniris: { readonly authUrl: string; readonly apiUrl: string };
    readonly licensespring: {
      readonly url: string;
      readonly apiKey: string;
      readonly sharedKey: string;
      readonly publicKeyPem: string;
      readonly productCode: string;
      readonly userProductCode: string;
      readonly oauth: { tokenUrl: string; clientId: string; clientSecret: string };
    };
    /** Every hub answers under its own base URL on this one server. */
    readonly mobiusflow: {
      readonly url: string;
      readonly hubs: readonly SandboxHub[];
      /** Licence codes the engine knows and no hub uses yet. */
      readonly spareCodes: readonly string[];
    };
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
    readonly licensespring: ReturnType<typeof licenseSpringDemo>;
    /**
     * A vendor without a licensing server: the Ed25519 key pair it signs licence files with
     * (`license-manager vendor sign`), fresh on every start.
     */
    readonly licenceFile: {
      publicKeyPem: string;
      privateKeyPem: string;
    };
  };
  close(): Promise<void>;
}

export async function startSandboxes(
  options: {
    host?: string;
    port?: number /* first port; 0 = ephemeral */;
    clock?: { now(): number };
    /** How many hubs the MobiusFlow engine emulates (default 12). */
    hubs?: number;
  } = {},
): Promise<SandboxSet> {
  const host = options.host ?? '127.0.0.1';
  const portAt = (offset: number) => (options.port ? options.port + offset : 0);
  const clock = options.clock ? { clock: options.clock } : {};
  const seats = await startBabelSandbox({ host, port: portAt(0), ...clock });
  const flecs = await startFlecsSandbox({ host, port: portAt(1), ...clock });
  const eniris = await startEnirisSandbox({ host, port: portAt(2), ...clock });
  const licensespring = await startLicenseSpringSandbox({ host, port: portAt(3), ...clock });
  const mobiusflow = await startMobiusFlowSandbox({
    host,
    port: portAt(4),
    ...clock,
    ...(options.hubs === undefined ? {} : { hubs: options.hubs }),
  });
  const keys = demoKeys();
  const { username, password, licenseKey, serialNumber } = flecsDemo();
  const enirisUser = enirisDemo();
  return {
    servers: {
      seats: { url: seats.url, apiKey: seats.apiKey },
      flecs: { url: flecs.url },
      eniris: { authUrl: eniris.url, apiUrl: eniris.url },
      licensespring: {
        url: licensespring.url,
        apiKey: licensespring.apiKey,
        sharedKey: licensespring.sharedKey,
        publicKeyPem: licensespring.publicKeyPem,
        productCode: licensespring.productCode,
        userProductCode: licensespring.userProductCode,
        oauth: licensespring.oauth,
      },
      mobiusflow: {
        url: mobiusflow.url,
        hubs: mobiusflow.hubs,
        spareCodes: mobiusflow.spareCodes,
      },
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
      licensespring: licenseSpringDemo(),
      licenceFile: vendorDemo(),
    },
    close: async () => {
      await Promise.all(
        [seats, flecs, eniris, licensespring, mobiusflow].map((server) => server.close()),
      );
    },
  };
}

function vendorDemo(): SandboxSet['demo']['licenceFile'] {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
