import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { hubTransport } from '../../src/main/hubs/hub-transport';
import { proxyFromEnvironment } from '../../src/main/net/proxy-env';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import { startMobiusFlowSandbox } from '../../src/sandbox/mobiusflow/server';
import { startForwardProxy } from '../support/forward-proxy';
import {
  envClient,
  failure,
  fixture,
  hostPortOf,
  hubOf,
  hubRecordOf,
  login,
  trustHubA,
  useProxyTargets,
} from '../support/proxy-targets';
import { refusedUrl } from '../support/refused-url';

/**
 * The HTTP client through a real forward proxy on loopback, against the MobiusFlow sandbox over
 * https (the committed self-signed fixture, trusted through a CA bundle) and over plain http.
 * Proves: https goes through CONNECT and plain http is forwarded; NO_PROXY bypasses the proxy; a
 * proxy that asks for credentials, refuses or is down is a coded error naming the proxy, never
 * mistaken for the licensing server's own answer.
 */

const targets = useProxyTargets();
const secure = targets.secure;
const plain = targets.plain;
const proxyWith = (options: Parameters<typeof startForwardProxy>[0] = {}) =>
  targets.closedAfterTest(startForwardProxy(options));

const clientWith = envClient;

describe('requests through an HTTP proxy (HTTPS_PROXY / HTTP_PROXY)', () => {
  it('tunnels https with CONNECT, trusting the CA bundle, and reuses the tunnel', async () => {
    const proxy = await proxyWith();
    const client = clientWith({ HTTPS_PROXY: proxy.url });
    const hub = hubOf(secure());
    const first = await client.request(login(hub));
    const second = await client.request(login(hub));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body).toMatchObject({ token: expect.any(String) });
    // One tunnel for both: the TLS connection inside it is kept alive like a direct one.
    expect(proxy.seen).toEqual([`CONNECT ${hostPortOf(hub.baseUrl)}`]);
  });

  it('forwards plain http to the proxy with the absolute URL', async () => {
    const proxy = await proxyWith();
    const hub = hubOf(plain());
    const response = await clientWith({ HTTP_PROXY: proxy.url }).request(login(hub));
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([`POST ${hub.baseUrl}/api/v1/auth/login`]);
  });

  it('sends the proxy credentials from the proxy address, and only to the proxy', async () => {
    const proxy = await proxyWith({ credentials: 'alice:s3cret pass' });
    const withCredentials = `http://alice:s3cret%20pass@${proxy.address}`;
    const client = clientWith({ HTTPS_PROXY: withCredentials, HTTP_PROXY: withCredentials });
    expect((await client.request(login(hubOf(secure())))).status).toBe(200);
    expect((await client.request(login(hubOf(plain())))).status).toBe(200);
    expect(proxy.seen).toHaveLength(2);
  });

  it('goes straight to hosts listed in NO_PROXY', async () => {
    const proxy = await proxyWith();
    const client = clientWith({
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: 'example.com, 127.0.0.1',
    });
    expect((await client.request(login(hubOf(secure())))).status).toBe(200);
    expect((await client.request(login(hubOf(plain())))).status).toBe(200);
    expect(proxy.seen).toEqual([]);
  });

  it('never sends a hub with a pinned certificate through the proxy', async () => {
    const proxy = await proxyWith();
    const pinned = new https.Agent({ ca: fixture('hub-a.pem') });
    const client = createAxiosHttpClient({
      httpsAgent: pinned,
      resolveProxy: proxyFromEnvironment({ HTTPS_PROXY: proxy.url }),
    });
    expect((await client.request(login(hubOf(secure())))).status).toBe(200);
    expect(proxy.seen).toEqual([]);
    pinned.destroy();
  });
});

describe("hub connections follow the app's network settings", () => {
  it('sends a hub through the proxy the settings name', async () => {
    const proxy = await proxyWith();
    const hub = hubOf(plain());
    const { http } = hubTransport(hubRecordOf(hub, 'http'), 5_000, {
      resolveProxy: proxyFromEnvironment({ HTTP_PROXY: proxy.url }),
    });
    expect((await http.request(login(hub))).status).toBe(200);
    expect(proxy.seen).toEqual([`POST ${hub.baseUrl}/api/v1/auth/login`]);
  });

  it("trusts a hub's CA-signed certificate through the configured CA bundle, and only then", async () => {
    const hub = hubOf(secure());
    const noProxy = proxyFromEnvironment({});
    const trusted = hubTransport(hubRecordOf(hub, 'https'), 5_000, {
      resolveProxy: noProxy,
      ca: trustHubA,
    });
    expect((await trusted.http.request(login(hub))).status).toBe(200);
    const without = hubTransport(hubRecordOf(hub, 'https'), 5_000, { resolveProxy: noProxy });
    const error = await failure(without.http, login(hub));
    expect(error.message).toMatch(/Plant room/);
    expect(error.message).toMatch(/certificate/i);
  });
});

describe("the Electron app's system proxy (Chromium's resolver, without Electron)", () => {
  it("sends the request where Chromium's PAC answer says", async () => {
    const proxy = await proxyWith();
    const asked: string[] = [];
    // session.resolveProxy's contract: a URL in, a PAC answer out.
    const session = {
      resolveProxy: async (url: string) => {
        asked.push(url);
        return `PROXY ${proxy.address}; DIRECT`;
      },
    };
    const hub = hubOf(secure());
    const client = createAxiosHttpClient({
      resolveProxy: systemProxyResolver(session),
      ca: trustHubA,
    });
    expect((await client.request(login(hub))).status).toBe(200);
    expect(asked).toEqual([`${hub.baseUrl}/api/v1/auth/login`]);
    expect(proxy.seen).toEqual([`CONNECT ${hostPortOf(hub.baseUrl)}`]);
  });

  it('a resolver that fails is a config error, and nothing is sent', async () => {
    const session = {
      resolveProxy: async (): Promise<string> => {
        throw new Error('network service crashed');
      },
    };
    const client = createAxiosHttpClient({ resolveProxy: systemProxyResolver(session) });
    const error = await failure(client, login(hubOf(plain())));
    expect(error.code).toBe('config');
    expect(error.message).toContain('proxy settings could not be read');
  });
});

describe('a proxy that says no', () => {
  it.each([
    ['https (CONNECT)', secure],
    ['plain http (forwarded)', plain],
  ])('%s: 407 is a config error naming the proxy, without the credentials', async (_, target) => {
    const proxy = await proxyWith({ credentials: 'alice:right' });
    const wrong = `http://alice:wrong-password@${proxy.address}`;
    const error = await failure(
      clientWith({ HTTPS_PROXY: wrong, HTTP_PROXY: wrong }),
      login(hubOf(target())),
    );
    expect(error.code).toBe('config');
    expect(error.message).toContain(`The proxy ${proxy.address} asks for a user name and password`);
    expect(error.message).not.toContain('wrong-password');
  });

  it("refusing CONNECT is the proxy's refusal, not the server answering 403", async () => {
    const proxy = await proxyWith({ refuseWith: 403 });
    const hub = hubOf(secure());
    const error = await failure(clientWith({ HTTPS_PROXY: proxy.url }), login(hub));
    expect(error.code).toBe('offline');
    expect(error.message).toContain(
      `The proxy ${proxy.address} refused to connect to ${hostPortOf(hub.baseUrl)} (403)`,
    );
    expect(error.message).toContain('NO_PROXY');
  });

  it('a proxy that cannot reach the server (502 to CONNECT) says so', async () => {
    const proxy = await proxyWith();
    const dead = new URL(await refusedUrl());
    const error = await failure(clientWith({ HTTPS_PROXY: proxy.url }), {
      method: 'GET',
      url: `https://${dead.host}/`,
    });
    expect(error.code).toBe('offline');
    expect(error.message).toContain(
      `The proxy ${proxy.address} could not reach ${dead.host} (502)`,
    );
  });

  it.each([
    ['https', secure],
    ['plain http', plain],
  ])('%s: a proxy that is down is named, not the server', async (_, target) => {
    const down = await refusedUrl();
    const error = await failure(
      clientWith({ HTTPS_PROXY: down, HTTP_PROXY: down }),
      login(hubOf(target())),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain(`The proxy ${new URL(down).host} refused the connection`);
  });

  it('an unsupported proxy address is a config error naming the variable', async () => {
    const error = await failure(
      clientWith({ HTTPS_PROXY: 'ftp://127.0.0.1:1080' }),
      login(hubOf(secure())),
    );
    expect(error.code).toBe('config');
    expect(error.message).toContain('HTTPS_PROXY names a ftp proxy');
  });
});

describe('the custom CA bundle', () => {
  it('is what makes a server with a private CA trusted', async () => {
    const client = createAxiosHttpClient({ resolveProxy: proxyFromEnvironment({}) });
    const error = await failure(client, login(hubOf(secure())));
    expect(error.code).toBe('config');
    expect(error.message).toContain('could not be verified');
    const trusted = createAxiosHttpClient({
      resolveProxy: proxyFromEnvironment({}),
      ca: trustHubA,
    });
    expect((await trusted.request(login(hubOf(secure())))).status).toBe(200);
  });

  it('does not trust a server whose certificate another CA signed', async () => {
    const other = await startMobiusFlowSandbox({
      hubs: 1,
      tls: { certPem: fixture('hub-b.pem'), keyPem: fixture('hub-b.key') },
    });
    try {
      const error = await failure(clientWith({}), login(hubOf(other)));
      expect(error.code).toBe('config');
      expect(error.message).toMatch(
        /could not be verified \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED)/,
      );
    } finally {
      await other.close();
    }
  });
});
