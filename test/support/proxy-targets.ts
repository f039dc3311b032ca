import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createAxiosHttpClient,
  type AxiosHttpClientOptions,
} from '../../src/main/http/axios-http-client';
import type { HttpClient, HttpRequest } from '../../src/main/http/http-client';
import { newRecord } from '../../src/main/hubs/hub-edits';
import type { HubRecord } from '../../src/main/hubs/hub-records';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { readCaBundle, trustedCertificates } from '../../src/main/net/ca-bundle';
import { proxyFromEnvironment } from '../../src/main/net/proxy-env';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';
import { hubDraftSchema } from '../../src/shared/hubs-model';

/**
 * What the proxy tests send through their proxies: the MobiusFlow sandbox over https (the
 * committed self-signed fixture, trusted through a CA bundle) and over plain http, with a real
 * protocol call (the hub's sign-in, answered 200 with tokens only by the sandbox).
 */

const TLS_DIR = join(__dirname, '../fixtures/mobiusflow-tls');
export const fixture = (name: string) => readFileSync(join(TLS_DIR, name), 'utf8');
export const trustHubA = trustedCertificates(readCaBundle(join(TLS_DIR, 'hub-a.pem')).certificates);

/** The CLI's client: the proxy from these variables, the CA bundle trusting hub-a. */
export const envClient = (env: Record<string, string>): HttpClient =>
  createAxiosHttpClient({ resolveProxy: proxyFromEnvironment(env), ca: trustHubA });

/** The app's client: the proxy from Chromium's PAC answer, the CA bundle trusting hub-a. */
export const pacClient = (answer: string, options: AxiosHttpClientOptions = {}): HttpClient =>
  createAxiosHttpClient({
    resolveProxy: systemProxyResolver({ resolveProxy: async () => answer }),
    ca: trustHubA,
    ...options,
  });

/** Starts both sandboxes for the file's tests; each test's proxies are closed after it. */
export function useProxyTargets() {
  let secure: MobiusFlowSandbox | undefined;
  let plain: MobiusFlowSandbox | undefined;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    secure = await startMobiusFlowSandbox({
      hubs: 1,
      tls: { certPem: fixture('hub-a.pem'), keyPem: fixture('hub-a.key') },
    });
    plain = await startMobiusFlowSandbox({ hubs: 1 });
  });
  afterAll(async () => {
    await secure?.close();
    await plain?.close();
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  const started = (sandbox: MobiusFlowSandbox | undefined): MobiusFlowSandbox => {
    if (!sandbox) throw new Error('the sandboxes start before the tests');
    return sandbox;
  };
  return {
    secure: () => started(secure),
    plain: () => started(plain),
    /** Keeps a proxy (or any server) open until the test is over. */
    async closedAfterTest<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
      const running = await server;
      closers.push(() => running.close());
      return running;
    },
  };
}

export const hubOf = (sandbox: MobiusFlowSandbox): SandboxHub => {
  const hub = sandbox.hubs[0];
  if (!hub) throw new Error('the sandbox has no hub');
  return hub;
};

/** The hub's sign-in: a real protocol call, answered 200 with tokens only by the sandbox. */
export const login = (hub: SandboxHub): HttpRequest => ({
  method: 'POST',
  url: `${hub.baseUrl}/api/v1/auth/login`,
  body: { username: hub.username, password: hub.password },
});

/** The inventory record of a sandbox hub, as the engineer would add it (no pinned certificate). */
export const hubRecordOf = (hub: SandboxHub, scheme: 'http' | 'https'): HubRecord =>
  newRecord(
    hubDraftSchema.parse({
      name: 'Plant room',
      host: '127.0.0.1',
      port: Number(new URL(hub.baseUrl).port),
      hid: hub.hid,
      username: hub.username,
      scheme,
      lan: scheme === 'http',
    }),
  );

/** Where the target is named in CONNECT, SOCKS and forwarded request lines. */
export const hostPortOf = (url: string): string => new URL(url).host;

export async function failure(client: HttpClient, request: HttpRequest): Promise<LicensingError> {
  const error: unknown = await client.request(request).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LicensingError))
    throw new Error(`expected a LicensingError, got ${String(error)}`);
  return error;
}
