import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testTarget, type ConnectionTestDeps } from '../../src/main/diagnostics/connection-test';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { createFetchHttpClient } from '../../src/main/http/fetch-http-client';
import { proxyFromEnvironment } from '../../src/main/net/proxy-env';
import type { ProxyResolver } from '../../src/main/net/proxy-route';
import { unreachableProxies } from '../../src/main/net/unreachable-proxies';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox/babel/server';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
} from '../../src/sandbox/mobiusflow/server';
import type { TargetResult } from '../../src/shared/diagnostics-model';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { fixture, trustHubA } from '../support/proxy-targets';
import { startSocksProxy } from '../support/socks-proxy';
import { refusedUrl } from '../support/refused-url';
import { startMutePeer } from '../support/mute-peer';
import { startSilentAddress } from '../support/silent-address';

/**
 * "Test connection", each failure kind made for real on loopback: a name that does not exist, a
 * closed port, TLS to a plain-http port, a certificate from another CA, a proxy that refuses or is
 * down, and a server answering 503. Each names its step and what to do; the steps after it are
 * skipped. Timings are recorded but not asserted.
 */

let seats: BabelSandbox;
let secure: MobiusFlowSandbox;
let otherCa: MobiusFlowSandbox;
beforeAll(async () => {
  seats = await startBabelSandbox();
  secure = await startMobiusFlowSandbox({
    hubs: 1,
    tls: { certPem: fixture('hub-a.pem'), keyPem: fixture('hub-a.key') },
  });
  otherCa = await startMobiusFlowSandbox({
    hubs: 1,
    tls: { certPem: fixture('hub-b.pem'), keyPem: fixture('hub-b.key') },
  });
});
afterAll(async () => {
  await Promise.all([seats.close(), secure.close(), otherCa.close()]);
});
const proxies: Pick<ForwardProxy, 'close'>[] = [];
afterEach(async () => {
  seats.faults.clear();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});
const proxyWith = async (options: Parameters<typeof startForwardProxy>[0] = {}) => {
  const proxy = await startForwardProxy(options);
  proxies.push(proxy);
  return proxy;
};

/** The app's settings: a resolver over these variables, the CA bundle, the app's HTTP client. */
function settings(env: Record<string, string> = {}): ConnectionTestDeps {
  return resolvedBy(proxyFromEnvironment(env));
}

/** The same with another resolver (Chromium's PAC answer). */
function resolvedBy(resolveProxy: ProxyResolver): ConnectionTestDeps {
  return {
    resolveProxy,
    ca: trustHubA,
    http: createAxiosHttpClient({ resolveProxy, ca: trustHubA }),
    stepTimeoutMs: 5_000,
  };
}

const statuses = (result: TargetResult) =>
  result.steps.map((step) => `${step.step}:${step.status}`);

describe('a connection that works', () => {
  it('plain http to the seat server: TCP, then the HTTP answer', async () => {
    const result = await testTarget(new URL(seats.url), settings());
    expect(result.failure).toBeUndefined();
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'http:ok']);
    expect(result.steps[0]?.detail).toBe('127.0.0.1 is an IP address (no lookup needed)');
    expect(result.steps.every((step) => typeof step.ms === 'number')).toBe(true);
    expect(result.via).toBeUndefined();
  });

  it('a redirect Chromium’s stack would not hand over is an answer all the same', async () => {
    // Electron's net.fetch drops a 3xx with this error: the narrow fetch interface stands it in.
    const chromium = createFetchHttpClient({
      fetch: () => Promise.reject(new Error('Redirect was cancelled')),
    });
    const result = await testTarget(new URL(seats.url), { ...settings(), http: chromium });
    expect(result.failure).toBeUndefined();
    expect(result.steps.at(-1)).toMatchObject({
      step: 'http',
      status: 'ok',
      detail: 'GET answered a redirect',
    });
  });

  it('https through a proxy: the proxy is looked up and connected, then tunnel, TLS, HTTP', async () => {
    const proxy = await proxyWith();
    const hub = secure.hubs[0]?.baseUrl ?? '';
    const result = await testTarget(new URL(hub), settings({ HTTPS_PROXY: proxy.url }));
    expect(result.failure).toBeUndefined();
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'proxy:ok', 'tls:ok', 'http:ok']);
    expect(result.via).toBe(proxy.address);
    expect(result.steps[1]?.detail).toContain('(the proxy)');
    expect(result.steps[3]?.detail).toMatch(/certificate for localhost issued by localhost/);
    expect(result.steps[4]?.detail).toContain(`through the proxy ${proxy.address}`);
    // The tunnel of the TLS step, and the app's own request.
    expect(proxy.seen).toEqual([`CONNECT ${new URL(hub).host}`, `CONNECT ${new URL(hub).host}`]);
  });

  it('through a SOCKS proxy: the handshake is the proxy step, for https and plain http', async () => {
    const proxy = await startSocksProxy();
    proxies.push(proxy);
    const hub = secure.hubs[0]?.baseUrl ?? '';
    const env = { ALL_PROXY: proxy.url };
    const overTls = await testTarget(new URL(hub), settings(env));
    expect(statuses(overTls)).toEqual(['dns:ok', 'tcp:ok', 'proxy:ok', 'tls:ok', 'http:ok']);
    expect(overTls.via).toBe(proxy.address);
    const plain = await testTarget(new URL(seats.url), settings(env));
    expect(statuses(plain)).toEqual(['dns:ok', 'tcp:ok', 'proxy:ok', 'http:ok']);
    expect(proxy.seen).toContain(`SOCKS5 ${new URL(seats.url).host}`);
  });

  it('through an HTTPS proxy: TLS with the proxy is part of the proxy step', async () => {
    const hub = secure.hubs[0]?.baseUrl ?? '';
    const tls = (name: string) => ({
      certPem: fixture(`${name}.pem`),
      keyPem: fixture(`${name}.key`),
    });
    const proxy = await proxyWith({ tls: tls('hub-a') });
    const result = await testTarget(new URL(hub), settings({ HTTPS_PROXY: proxy.url }));
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'proxy:ok', 'tls:ok', 'http:ok']);
    const distrusted = await proxyWith({ tls: tls('hub-b') });
    const refused = await testTarget(new URL(hub), settings({ HTTPS_PROXY: distrusted.url }));
    expect(statuses(refused)).toEqual([
      'dns:ok',
      'tcp:ok',
      'proxy:failed',
      'tls:skipped',
      'http:skipped',
    ]);
    expect(refused.failure?.message).toContain(
      `The secure connection to the HTTPS proxy ${distrusted.address} could not be verified`,
    );
  });

  it('through an HTTPS proxy to a plain-http server: the proxy step is TLS with the proxy', async () => {
    const tls = (name: string) => ({
      certPem: fixture(`${name}.pem`),
      keyPem: fixture(`${name}.key`),
    });
    const proxy = await proxyWith({ tls: tls('hub-a') });
    const result = await testTarget(new URL(seats.url), settings({ HTTP_PROXY: proxy.url }));
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'proxy:ok', 'http:ok']);
    expect(result.steps[2]?.detail).toBe(`secure connection with the HTTPS proxy ${proxy.address}`);
    expect(proxy.seen).toEqual([`GET ${seats.url}/`]);
    const distrusted = await proxyWith({ tls: tls('hub-b') });
    const refused = await testTarget(new URL(seats.url), settings({ HTTP_PROXY: distrusted.url }));
    expect(statuses(refused)).toEqual(['dns:ok', 'tcp:ok', 'proxy:failed', 'http:skipped']);
    expect(distrusted.seen).toEqual([]);
  });

  it('a PAC answer whose HTTPS proxy never finishes the TLS handshake: passed over', async () => {
    const mute = await startMutePeer();
    proxies.push(mute);
    const answer = `HTTPS ${mute.address}; DIRECT`;
    const result = await testTarget(new URL(seats.url), {
      ...resolvedBy(systemProxyResolver({ resolveProxy: async () => answer })),
      stepTimeoutMs: 500,
    });
    expect(result.failure).toBeUndefined();
    expect(result.passedOver).toEqual([expect.stringContaining(`The proxy ${mute.address}`)]);
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'http:ok']);
  });

  it('a PAC answer whose first proxy is down: passed over, and the backup is tested', async () => {
    const down = new URL(await refusedUrl()).host;
    const backup = await proxyWith();
    const answer = `PROXY ${down}; PROXY ${backup.address}`;
    const result = await testTarget(
      new URL(seats.url),
      resolvedBy(systemProxyResolver({ resolveProxy: async () => answer })),
    );
    expect(result.failure).toBeUndefined();
    expect(result.via).toBe(backup.address);
    expect(result.passedOver).toEqual([
      expect.stringContaining(`TCP: The proxy ${down} refused the connection`),
    ]);
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'http:ok']);
  });

  it('a PAC answer whose first proxy never accepts: passed over when its TCP step times out', async () => {
    const silent = await startSilentAddress();
    proxies.push(silent);
    const resolveProxy = systemProxyResolver({
      resolveProxy: async () => `PROXY ${silent.address}; DIRECT`,
    });
    // What the test found is the app's too: its own requests stop waiting on that proxy.
    const unreachable = unreachableProxies();
    const result = await testTarget(new URL(seats.url), {
      ...resolvedBy(resolveProxy),
      unreachableProxies: unreachable,
      http: createAxiosHttpClient({ resolveProxy, unreachableProxies: unreachable }),
      stepTimeoutMs: 300,
    });
    expect(result.failure).toBeUndefined();
    expect(result.via).toBeUndefined();
    expect(result.passedOver).toEqual([
      expect.stringContaining(`TCP: The proxy ${silent.address}`),
    ]);
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'http:ok']);
    expect(unreachable.order(await resolveProxy(new URL(seats.url)))).toEqual([
      { kind: 'direct' },
      expect.objectContaining({ kind: 'http', port: Number(silent.address.split(':')[1]) }),
    ]);
  });

  it('a PAC answer "DIRECT; PROXY backup" where the server never accepts: its HTTP step goes the backup\'s way', async () => {
    const silent = await startSilentAddress();
    proxies.push(silent);
    const backup = await proxyWith({ reaches: { [silent.address]: new URL(seats.url).host } });
    const answer = `DIRECT; PROXY ${backup.address}`;
    // The step deadline is the connect budget: had the HTTP step gone direct first again, the
    // backup would never have had its turn within it.
    const result = await testTarget(new URL(`http://${silent.address}/`), {
      ...resolvedBy(systemProxyResolver({ resolveProxy: async () => answer })),
      stepTimeoutMs: 1_000,
    });
    expect(result.failure).toBeUndefined();
    expect(result.via).toBe(backup.address);
    expect(result.passedOver).toEqual([
      `Going direct — TCP: no answer from ${silent.address} within 1 s — a firewall may be dropping the connection, or the server is down`,
    ]);
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'http:ok']);
  });

  it('a PAC answer "DIRECT; PROXY backup" where the server refuses this computer: DIRECT passed over', async () => {
    const refused = `localhost:${new URL(await refusedUrl()).port}`;
    const backup = await proxyWith({ reaches: { [refused]: new URL(seats.url).host } });
    const answer = `DIRECT; PROXY ${backup.address}`;
    const result = await testTarget(
      new URL(`http://${refused}/`),
      resolvedBy(systemProxyResolver({ resolveProxy: async () => answer })),
    );
    expect(result.failure).toBeUndefined();
    expect(result.via).toBe(backup.address);
    expect(result.passedOver).toEqual([
      `Going direct — TCP: ${refused} refused the connection — check the port in the address and that the server is running`,
    ]);
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'http:ok']);
    expect(backup.seen).toEqual([`GET http://${refused}/`]);
  });

  it('looks up a host name', async () => {
    const url = new URL(seats.url);
    url.hostname = 'localhost';
    const result = await testTarget(url, settings());
    expect(result.steps[0]?.detail).toMatch(/^localhost → /);
  });
});

describe('each failure names its step and what to do', () => {
  it('DNS: a name that does not exist', async () => {
    const result = await testTarget(new URL('https://nonexistent.invalid/'), settings());
    expect(result.failure).toEqual({
      step: 'dns',
      code: 'offline',
      message: 'DNS: nonexistent.invalid not found — check the address or your DNS/VPN',
    });
    expect(statuses(result)).toEqual(['dns:failed', 'tcp:skipped', 'tls:skipped', 'http:skipped']);
  });

  it('TCP: a closed port', async () => {
    const closed = new URL(await refusedUrl());
    const result = await testTarget(closed, settings());
    expect(result.failure?.step).toBe('tcp');
    expect(result.failure?.code).toBe('offline');
    expect(result.failure?.message).toBe(
      `TCP: ${closed.host} refused the connection — check the port in the address and that the server is running`,
    );
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:failed', 'http:skipped']);
  });

  it('TLS: https to a port that speaks plain http', async () => {
    const result = await testTarget(new URL(seats.url.replace('http:', 'https:')), settings());
    expect(result.failure?.step).toBe('tls');
    expect(result.failure?.message).toMatch(
      /^TLS: 127\.0\.0\.1:\d+ does not speak TLS \(.+\) — the address may need http:\/\/ instead of https:\/\//,
    );
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'tls:failed', 'http:skipped']);
  });

  it('TLS: a certificate that the trusted CAs did not sign is named', async () => {
    const result = await testTarget(new URL(otherCa.url), settings());
    expect(result.failure).toMatchObject({ step: 'tls', code: 'config' });
    expect(result.failure?.message).toContain(
      'TLS: the certificate of 127.0.0.1 is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT) — if this is your company’s own server, set caFile',
    );
  });

  it.each([
    [403, 'refused to connect to', 'offline'],
    [407, 'asks for a user name and password', 'config'],
  ] as const)('Proxy: a proxy answering CONNECT with %i', async (status, words, code) => {
    const proxy = await proxyWith({ refuseWith: status });
    const result = await testTarget(new URL(secure.url), settings({ HTTPS_PROXY: proxy.url }));
    expect(result.failure).toMatchObject({ step: 'proxy', code });
    expect(result.failure?.message).toContain(`Proxy: The proxy ${proxy.address} ${words}`);
    expect(statuses(result)).toEqual([
      'dns:ok',
      'tcp:ok',
      'proxy:failed',
      'tls:skipped',
      'http:skipped',
    ]);
  });

  it('TCP: a proxy that is down is named as the proxy', async () => {
    const down = await refusedUrl();
    const result = await testTarget(new URL(secure.url), settings({ HTTPS_PROXY: down }));
    expect(result.failure?.step).toBe('tcp');
    expect(result.failure?.message).toContain(
      `TCP: The proxy ${new URL(down).host} refused the connection`,
    );
  });

  it('Proxy: a proxy setting the app cannot use', async () => {
    const result = await testTarget(
      new URL(secure.url),
      settings({ HTTPS_PROXY: 'ftp://127.0.0.1:1080' }),
    );
    expect(result.failure?.step).toBe('proxy');
    expect(result.failure?.message).toContain('Proxy: HTTPS_PROXY names a ftp proxy');
  });

  it('HTTP: the server answers 503', async () => {
    seats.faults.inject({ kind: 'status', status: 503 });
    const result = await testTarget(new URL(seats.url), settings());
    expect(result.failure).toEqual({
      step: 'http',
      code: 'server_error',
      message: `HTTP: ${new URL(seats.url).host} answered 503 Service Unavailable — the server has a problem; try again later, or contact the vendor if it persists`,
    });
    expect(statuses(result)).toEqual(['dns:ok', 'tcp:ok', 'http:failed']);
  });
});
