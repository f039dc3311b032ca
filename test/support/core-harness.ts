import { readdirSync, readFileSync } from 'node:fs';
import type { FetchLike } from '../../src/main/http/fetch-http-client';
import type { ProxyResolver } from '../../src/main/net/proxy-route';
import type { SystemStore } from '../../src/main/net/system-certificates';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createMemorySecretStore, type SecretStore } from '../../src/main/store/secret-store';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox';
import type { LicenseSpringSandbox } from '../../src/sandbox/licensespring/server';
import { createManualClock, type ManualClock } from './manual-clock';

export const DEMO = JSON.parse(
  readFileSync(join(__dirname, '../../src/sandbox/babel/demo-seed.json'), 'utf8'),
).demo as {
  floatingKey: string;
  activationKey: string;
  revokedKey: string;
  expiredKey: string;
  singleSeatKey: string;
};

/** A configuration without any profile: the core opens its stores and needs no backend. */
export const NO_PROFILES: VendorConfig = {
  productName: 'Test product',
  productId: 'test-product',
  demo: false,
  allowWeakSecretStore: false,
  profiles: [],
};

export const configFor = (
  sandbox: BabelSandbox,
  overrides: Partial<VendorConfig> = {},
): VendorConfig => ({
  ...NO_PROFILES,
  profiles: [
    {
      id: 'seats',
      kind: 'seats',
      label: 'Seats',
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      timeoutMs: 2_000,
    },
  ],
  ...overrides,
});

/** One LicenseSpring profile `ls` on the sandbox's key-based product, signed with HMAC. */
export const licenseSpringConfigFor = (
  sandbox: LicenseSpringSandbox,
  allowConsumption: boolean,
): VendorConfig => ({
  productName: 'Test product',
  productId: 'test-product',
  demo: false,
  allowWeakSecretStore: false,
  profiles: [
    {
      id: 'ls',
      kind: 'licensespring',
      label: 'LicenseSpring',
      baseUrl: sandbox.url,
      productCode: sandbox.productCode,
      auth: { kind: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
      publicKey: sandbox.publicKeyPem,
      authorizationMethod: 'license-key',
      allowConsumption,
      timeoutMs: 2_000,
    },
  ],
});

const requireSandbox = (sandbox: BabelSandbox | undefined): BabelSandbox => {
  if (!sandbox) throw new Error('openInstallation needs a sandbox or a config');
  return sandbox;
};

/** One installation: its own data folder, secrets and machine, against a shared sandbox. */
export async function openInstallation(options: {
  /** The Babel sandbox the default configuration points at; or give `config` for another one. */
  sandbox?: BabelSandbox;
  clock: ManualClock;
  dataDir: string;
  secrets?: SecretStore;
  machine?: string;
  keepAlive?: boolean;
  config?: VendorConfig;
  /** This computer's certificate store, as the Electron app reads it. */
  systemCertificates?: () => Promise<SystemStore>;
  /** The Electron app's proxy: Chromium's resolver, and Chromium's fetch. */
  systemProxy?: ProxyResolver;
  chromiumFetch?: FetchLike;
}): Promise<{ core: Core; secrets: SecretStore; dataDir: string }> {
  const secrets = options.secrets ?? createMemorySecretStore();
  const core = await createCore({
    config: options.config ?? configFor(requireSandbox(options.sandbox)),
    version: '0.0.0-test',
    secrets,
    state: createFileStateStore(join(options.dataDir, 'state.json')),
    hubInventoryFile: join(options.dataDir, 'hubs.json'),
    keepAlive: options.keepAlive ?? true,
    allowInProcessDemo: false,
    clock: options.clock,
    hardware: {
      rawMachineId: async () => options.machine ?? 'machine-a',
      hostname: () => 'test-host',
    },
    systemCertificates: options.systemCertificates,
    systemProxy: options.systemProxy,
    chromiumFetch: options.chromiumFetch,
  });
  return { core, secrets, dataDir: options.dataDir };
}

export async function startClockedSandbox(
  startMs = Date.UTC(2026, 10, 23, 9),
): Promise<{ sandbox: BabelSandbox; clock: ManualClock }> {
  const clock = createManualClock(startMs);
  const sandbox = await startBabelSandbox({
    clock,
    heartbeatIntervalSeconds: 60,
    floatingTokenTtlSeconds: 120,
  });
  return { sandbox, clock };
}

/** Every byte written under a folder, for "no secret on disk" assertions. */
export function everythingOnDisk(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}
