import { describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import { inGerman } from '../support/in-german';
import { startSocksProxy } from '../support/socks-proxy';
import {
  envClient,
  failure,
  hostPortOf,
  hubOf,
  login,
  trustHubA,
  useProxyTargets,
} from '../support/proxy-targets';
import { refusedUrl } from '../support/refused-url';

/**
 * The HTTP client through a real SOCKS proxy on loopback (SOCKS5 and SOCKS4a), against the
 * MobiusFlow sandbox over https and plain http: from ALL_PROXY / HTTPS_PROXY as curl writes them,
 * and from a PAC answer. A SOCKS proxy's refusal is an error naming the proxy, never mistaken for
 * the licensing server's answer, and never showing the proxy's password.
 */

const targets = useProxyTargets();
const socksWith = (options: Parameters<typeof startSocksProxy>[0] = {}) =>
  targets.closedAfterTest(startSocksProxy(options));
const clientWith = envClient;

describe('requests through a SOCKS proxy', () => {
  it.each([
    ['socks5', 'SOCKS5'],
    ['socks5h', 'SOCKS5'],
    ['socks4', 'SOCKS4'],
    ['socks4a', 'SOCKS4'],
  ])('%s://: https and plain http both go through it', async (scheme, seenAs) => {
    const proxy = await socksWith();
    const client = clientWith({ ALL_PROXY: `${scheme}://${proxy.address}` });
    const secureHub = hubOf(targets.secure());
    const plainHub = hubOf(targets.plain());
    const first = await client.request(login(secureHub));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token: expect.any(String) });
    expect((await client.request(login(secureHub))).status).toBe(200);
    expect((await client.request(login(plainHub))).status).toBe(200);
    // One connection per target: the TLS connection through the proxy is kept alive.
    expect(proxy.seen).toEqual([
      `${seenAs} ${hostPortOf(secureHub.baseUrl)}`,
      `${seenAs} ${hostPortOf(plainHub.baseUrl)}`,
    ]);
  });

  it("sends the server's name for the proxy to resolve, not an address looked up here", async () => {
    const proxy = await socksWith();
    const hub = hubOf(targets.plain());
    const byName = hub.baseUrl.replace('127.0.0.1', 'localhost');
    const client = clientWith({ HTTP_PROXY: proxy.url });
    expect(
      (await client.request({ ...login(hub), url: `${byName}/api/v1/auth/login` })).status,
    ).toBe(200);
    expect(proxy.seen).toEqual([`SOCKS5 ${hostPortOf(byName)}`]);
  });

  it('sends an IPv6 address as its sixteen bytes', async () => {
    const proxy = await socksWith();
    const client = clientWith({ HTTP_PROXY: proxy.url });
    // Nothing listens there: the proxy's refusal proves the address it was asked for.
    await failure(client, { method: 'GET', url: 'http://[fd00::a:1]:9/' });
    expect(proxy.seen).toEqual(['SOCKS5 fd00:0:0:0:0:0:a:1:9']);
  });

  it('gives the user name and password of the proxy address (SOCKS5)', async () => {
    const proxy = await socksWith({ credentials: 'alice:s3cret pass' });
    const client = clientWith({ HTTPS_PROXY: `socks5://alice:s3cret%20pass@${proxy.address}` });
    expect((await client.request(login(hubOf(targets.secure())))).status).toBe(200);
  });

  it('a wrong password is a config error naming the proxy, without the password', async () => {
    const proxy = await socksWith({ credentials: 'alice:right' });
    const error = await failure(
      clientWith({ HTTPS_PROXY: `socks5://alice:wrong-password@${proxy.address}` }),
      login(hubOf(targets.secure())),
    );
    expect(error.code).toBe('config');
    expect(error.message).toContain(`The SOCKS proxy ${proxy.address} did not accept`);
    expect(error.message).toContain('socks5://user:password@host:port');
    expect(error.message).not.toContain('wrong-password');
  });

  it('no password where the proxy wants one is the same config error', async () => {
    const proxy = await socksWith({ credentials: 'alice:right' });
    const error = await failure(
      clientWith({ HTTPS_PROXY: proxy.url }),
      login(hubOf(targets.secure())),
    );
    expect(error.code).toBe('config');
    expect(error.message).toContain(`The SOCKS proxy ${proxy.address} did not accept`);
  });

  it("a target the proxy's rules forbid is its refusal, not the server's", async () => {
    const proxy = await socksWith({ refuseWith: 2 });
    const hub = hubOf(targets.secure());
    const error = await failure(clientWith({ HTTPS_PROXY: proxy.url }), login(hub));
    expect(error.code).toBe('offline');
    expect(error.message).toContain(
      `The SOCKS proxy ${proxy.address} refused to connect to ${hostPortOf(hub.baseUrl)} (SOCKS reply 2: not allowed by its rules)`,
    );
    expect(error.message).toContain('NO_PROXY');
    expect(inGerman(error)).toContain(
      `Der SOCKS-Proxy ${proxy.address} hat die Verbindung zu ${hostPortOf(hub.baseUrl)} abgelehnt (SOCKS-Antwort 2: nach seinen Regeln nicht erlaubt)`,
    );
  });

  it.each([
    // SOCKS4 cannot tell a forbidden target from a dead one: reply 91 is both.
    ['socks5', 'could not reach', 'SOCKS reply 5: connection refused'],
    ['socks4', 'refused to connect to', 'SOCKS reply 91: rejected or failed'],
  ])('%s: a server the proxy cannot reach says so', async (scheme, says, reply) => {
    const proxy = await socksWith();
    const dead = new URL(await refusedUrl());
    const error = await failure(clientWith({ HTTP_PROXY: `${scheme}://${proxy.address}` }), {
      method: 'GET',
      url: dead.href,
    });
    expect(error.code).toBe('offline');
    expect(error.message).toContain(`${says} ${dead.host} (${reply})`);
  });

  it('an HTTP proxy named as SOCKS is said to be no SOCKS proxy', async () => {
    const { startForwardProxy } = await import('../support/forward-proxy');
    const http = await targets.closedAfterTest(startForwardProxy());
    const error = await failure(
      clientWith({ HTTPS_PROXY: `socks4://${http.address}` }),
      login(hubOf(targets.secure())),
    );
    expect(error.code).toBe('protocol');
    expect(error.message).toContain(
      `The proxy ${http.address} answered in something that is not SOCKS`,
    );
  });

  it("goes where a PAC answer's SOCKS5 entry says", async () => {
    const proxy = await socksWith();
    const session = { resolveProxy: async () => `SOCKS5 ${proxy.address}` };
    const client = createAxiosHttpClient({
      resolveProxy: systemProxyResolver(session),
      ca: trustHubA,
    });
    const hub = hubOf(targets.secure());
    expect((await client.request(login(hub))).status).toBe(200);
    expect(proxy.seen).toEqual([`SOCKS5 ${hostPortOf(hub.baseUrl)}`]);
  });
});
