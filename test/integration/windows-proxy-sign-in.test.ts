import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { fetch as undiciFetch, ProxyAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { testTarget } from '../../src/main/diagnostics/connection-test';
import { reportText } from '../../src/main/diagnostics/report-text';
import { hubTransport } from '../../src/main/hubs/hub-transport';
import { createFetchHttpClient, type FetchLike } from '../../src/main/http/fetch-http-client';
import type { HttpClient } from '../../src/main/http/http-client';
import {
  proxyAskingWindowsSignIn,
  withWindowsProxySignIn,
} from '../../src/main/http/windows-proxy-sign-in';
import { startForwardProxy, type ForwardProxyOptions } from '../support/forward-proxy';
import { proxyFromEnvironment } from '../../src/main/net/proxy-env';
import { DIRECT } from '../../src/main/net/proxy-route';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import { DEMO, openInstallation, startClockedSandbox } from '../support/core-harness';
import {
  envClient,
  failure,
  fixture,
  trustHubA,
  hostPortOf,
  hubOf,
  hubRecordOf,
  login,
  useProxyTargets,
} from '../support/proxy-targets';
import { useTempDir } from '../support/temp-dir';

/**
 * A company proxy that asks for Windows sign-in (Negotiate or NTLM): Node cannot sign in as the
 * logged-on user, so the app's requests then go through Chromium's network stack (Electron's
 * net.fetch), which can, as the browser does. The proxy is a real one on loopback that challenges
 * Negotiate and NTLM and lets through only a request carrying the ticket. Chromium is stood in for
 * by undici's fetch through the same proxy, carrying the ticket Chromium would get for the user.
 */

const TICKET = 'YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEFoQMCAQ6iBwMFACAAAACjggR7';
const targets = useProxyTargets();
const proxyWith = (options: ForwardProxyOptions) =>
  targets.closedAfterTest(startForwardProxy(options));
const signingInProxy = () => proxyWith({ windowsSignIn: { ticket: TICKET } });

/** Chromium's fetch, as the tests stand it in: through `proxyUrl`, signed in, trusting hub-a. */
function standInFetch(proxyUrl: string): FetchLike {
  const dispatcher = new ProxyAgent({
    uri: proxyUrl,
    token: `Negotiate ${TICKET}`,
    requestTls: { ca: fixture('hub-a.pem') },
  });
  return ((url, init) =>
    undiciFetch(url, { ...init, dispatcher } as Parameters<typeof undiciFetch>[1])) as FetchLike;
}

const chromiumStandIn = (proxyUrl: string): HttpClient =>
  createFetchHttpClient({ fetch: standInFetch(proxyUrl) });

/** An https server on loopback with hub-a's certificate, which the test clients trust. */
async function serveTls(handler: http.RequestListener) {
  const server = https.createServer(
    { cert: fixture('hub-a.pem'), key: fixture('hub-a.key') },
    handler,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Chromium that must never be asked: it records what would have been sent. */
function untouchedChromium() {
  const asked: string[] = [];
  const client: HttpClient = {
    request(request) {
      asked.push(request.url);
      return Promise.reject(new Error('Chromium was asked'));
    },
  };
  return { client, asked };
}

describe("Node's client and a proxy that asks for Windows sign-in", () => {
  it.each([
    ['https (CONNECT)', () => targets.secure()],
    ['plain http (forwarded)', () => targets.plain()],
  ])('%s: a config error that says so and what to do', async (_, target) => {
    const proxy = await signingInProxy();
    const error = await failure(
      envClient({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }),
      login(hubOf(target())),
    );
    expect(error.code).toBe('config');
    expect(error.message).toContain(
      `The proxy ${proxy.address} asks for Windows sign-in (Negotiate or NTLM`,
    );
    expect(error.message).toContain('use the installed app’s --cli');
    expect(proxyAskingWindowsSignIn(error)).toBe(proxy.address);
  });

  it('a proxy that asks for a user name and password (Basic) is not taken for Windows sign-in', async () => {
    const proxy = await proxyWith({ credentials: 'alice:right' });
    const error = await failure(
      envClient({ HTTPS_PROXY: proxy.url }),
      login(hubOf(targets.secure())),
    );
    expect(error.message).toContain('asks for a user name and password');
    expect(proxyAskingWindowsSignIn(error)).toBeUndefined();
  });
});

describe("the app's client: Windows sign-in through Chromium's network stack", () => {
  it.each([
    ['https (CONNECT)', () => targets.secure()],
    ['plain http (forwarded)', () => targets.plain()],
  ])('%s: the request the proxy stopped goes through Chromium, signed in', async (_, target) => {
    const proxy = await signingInProxy();
    const hub = hubOf(target());
    const client = withWindowsProxySignIn(
      envClient({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }),
      chromiumStandIn(proxy.url),
    );
    const answer = await client.request(login(hub));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token: expect.any(String) });
    expect(client.signInProxy()).toBe(proxy.address);
    // Node's try, stopped at the proxy, then the stand-in's, let through (undici tunnels plain
    // http as well; Chromium would forward it).
    const nodeTried = hub.baseUrl.startsWith('https')
      ? `CONNECT ${hostPortOf(hub.baseUrl)}`
      : `POST ${hub.baseUrl}/api/v1/auth/login`;
    expect(proxy.seen).toEqual([nodeTried, expect.stringContaining(hostPortOf(hub.baseUrl))]);
  });

  it("later requests go straight through Chromium: Node's client is not tried again", async () => {
    const proxy = await signingInProxy();
    const hub = hubOf(targets.secure());
    const node = envClient({ HTTPS_PROXY: proxy.url });
    let nodeTries = 0;
    const counted: HttpClient = { request: (request) => (nodeTries++, node.request(request)) };
    const client = withWindowsProxySignIn(counted, chromiumStandIn(proxy.url));
    for (let n = 0; n < 3; n++) expect((await client.request(login(hub))).status).toBe(200);
    expect(nodeTries).toBe(1);
  });

  it('says it moved to Chromium once, however many requests were under way', async () => {
    const proxy = await signingInProxy();
    const hub = hubOf(targets.secure());
    const told: string[] = [];
    const client = withWindowsProxySignIn(
      envClient({ HTTPS_PROXY: proxy.url }),
      chromiumStandIn(proxy.url),
      (address) => told.push(address),
    );
    const answers = await Promise.all([1, 2, 3].map(() => client.request(login(hub))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(told).toEqual([proxy.address]);
  });

  it('a request pinned to another route (the connection test going direct) still goes that way', async () => {
    const proxy = await signingInProxy();
    const hub = hubOf(targets.secure());
    const chromium = chromiumStandIn(proxy.url);
    let chromiumAsked = 0;
    const client = withWindowsProxySignIn(envClient({ HTTPS_PROXY: proxy.url }), {
      request: (request) => (chromiumAsked++, chromium.request(request)),
    });
    await client.request(login(hub));
    expect((await client.request({ ...login(hub), route: DIRECT })).status).toBe(200);
    expect(chromiumAsked).toBe(1);
    // Pinned to the proxy that asked: Chromium's.
    await client.request({
      ...login(hub),
      route: { kind: 'http', host: '127.0.0.1', port: Number(new URL(proxy.url).port) },
    });
    expect(chromiumAsked).toBe(2);
  });

  it.each<[string, ForwardProxyOptions]>([
    ['asks for a user name and password (Basic)', { credentials: 'alice:right' }],
    ['refuses the server (403)', { refuseWith: 403 }],
  ])('a proxy that %s is not handed to Chromium: its error stands', async (_, options) => {
    const proxy = await proxyWith(options);
    const chromium = untouchedChromium();
    const client = withWindowsProxySignIn(envClient({ HTTPS_PROXY: proxy.url }), chromium.client);
    const error = await failure(client, login(hubOf(targets.secure())));
    expect(error.code).not.toBe('internal');
    expect(chromium.asked).toEqual([]);
    expect(client.signInProxy()).toBeUndefined();
  });

  it('a 407 from the server itself, through the tunnel, is its answer: never sent again', async () => {
    const server = await targets.closedAfterTest(
      serveTls((_req, res) => {
        res.writeHead(407, { 'Proxy-Authenticate': 'Negotiate' }).end();
      }),
    );
    const proxy = await proxyWith({});
    const chromium = untouchedChromium();
    const client = withWindowsProxySignIn(envClient({ HTTPS_PROXY: proxy.url }), chromium.client);
    const answer = await client.request({
      method: 'POST',
      url: `${server.url}/activate`,
      body: {},
    });
    expect(answer.status).toBe(407);
    expect(chromium.asked).toEqual([]);
    expect(proxy.seen).toHaveLength(1);
  });

  it('a server reached without any proxy never involves Chromium', async () => {
    const chromium = untouchedChromium();
    const client = withWindowsProxySignIn(envClient({}), chromium.client);
    expect((await client.request(login(hubOf(targets.secure())))).status).toBe(200);
    expect(chromium.asked).toEqual([]);
  });
});

it('a hub with a CA-signed certificate is reached the same way, by its own client', async () => {
  const proxy = await signingInProxy();
  const hub = hubOf(targets.secure());
  const { http } = hubTransport(hubRecordOf(hub, 'https'), 5_000, {
    resolveProxy: proxyFromEnvironment({ HTTPS_PROXY: proxy.url }),
    ca: trustHubA,
    chromiumFetch: standInFetch(proxy.url),
  });
  expect((await http.request(login(hub))).status).toBe(200);
  expect(proxy.seen).toHaveLength(2);
});

describe('the connection test and a proxy that asks for Windows sign-in', () => {
  const testThrough = async (proxyUrl: string, app: boolean) => {
    const env = { HTTPS_PROXY: proxyUrl };
    const node = envClient(env);
    const signingIn = withWindowsProxySignIn(node, chromiumStandIn(proxyUrl));
    return testTarget(new URL(hubOf(targets.secure()).baseUrl), {
      resolveProxy: proxyFromEnvironment(env),
      ca: trustHubA,
      ...(app ? { http: signingIn, windowsSignIn: signingIn } : { http: node }),
      stepTimeoutMs: 5_000,
    });
  };

  it('in the app: the proxy step says Chromium signs in, and the server answers through it', async () => {
    const proxy = await signingInProxy();
    const result = await testThrough(proxy.url, true);
    expect(result.failure).toBeUndefined();
    expect(result.steps.map((step) => [step.step, step.status, step.detail])).toEqual([
      ['dns', 'ok', expect.any(String)],
      ['tcp', 'ok', `connected to ${proxy.address} (the proxy)`],
      [
        'proxy',
        'ok',
        `${proxy.address} asks for Windows sign-in: the app signs in as you through Chromium’s network stack`,
      ],
      ['tls', 'skipped', 'made by Chromium’s network stack, with the proxy’s sign-in'],
      [
        'http',
        'ok',
        `GET answered 404 Not Found through the proxy ${proxy.address}, signed in by Chromium’s network stack`,
      ],
    ]);
  });

  it('in the Node CLI: the test stops at the proxy, saying what to do', async () => {
    const proxy = await signingInProxy();
    const result = await testThrough(proxy.url, false);
    expect(result.steps.map((step) => `${step.step}:${step.status}`)).toEqual([
      'dns:ok',
      'tcp:ok',
      'proxy:failed',
      'tls:skipped',
      'http:skipped',
    ]);
    expect(result.failure?.message).toContain('asks for Windows sign-in');
    expect(result.failure?.message).toContain('use the installed app’s --cli');
  });
});

describe('the app behind a proxy that asks for Windows sign-in', () => {
  const tempDir = useTempDir();

  it('activates a floating seat through Chromium; the log, the diagnostics and the bundle say why', async () => {
    const { sandbox, clock } = await startClockedSandbox();
    const proxy = await signingInProxy();
    const { core } = await openInstallation({
      sandbox,
      clock,
      dataDir: tempDir(),
      systemProxy: systemProxyResolver({ resolveProxy: async () => `PROXY ${proxy.address}` }),
      chromiumFetch: standInFetch(proxy.url),
    });
    try {
      await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      expect((await core.service.requestSeat('seats')).seat.state).toBe('held');
      const report = await core.diagnostics.report();
      expect(report.recentLog.map((line) => line.message)).toContain(
        `proxy ${proxy.address} asks for Windows sign-in: requests go through Chromium's network stack from now on`,
      );
      // The diagnostics and the support bundle's summary say so too.
      expect(report.network.windowsSignIn).toEqual({ proxy: proxy.address });
      expect(reportText(report)).toContain(
        `Proxy sign-in: ${proxy.address} asked for Windows sign-in; requests go through Chromium's network stack`,
      );
    } finally {
      await core.close();
      await sandbox.close();
    }
  });
});
