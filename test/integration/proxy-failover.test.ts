import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  UNREACHABLE_PROXY_RETRY_MS,
  unreachableProxies,
} from '../../src/main/net/unreachable-proxies';
import { startForwardProxy } from '../support/forward-proxy';
import { startSocksProxy } from '../support/socks-proxy';
import {
  failure,
  hostPortOf,
  hubOf,
  login,
  pacClient,
  useProxyTargets,
} from '../support/proxy-targets';
import type { SandboxHub } from '../../src/sandbox/mobiusflow/server';
import { refusedUrl } from '../support/refused-url';
import { startSilentAddress } from '../support/silent-address';

/**
 * A PAC answer names proxies to try in order ("PROXY a; PROXY b; DIRECT"). Like Chromium, the
 * HTTP client falls over to the next entry when a proxy cannot be reached (nothing of the request
 * was sent), puts that proxy last for five minutes, and never falls over when a proxy answered:
 * its "no" is the answer, and a forwarded request may already have reached the server.
 */

const targets = useProxyTargets();

/** A proxy that is there but hangs up on every connection, counting them. */
async function hangingUpProxy() {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return targets.closedAfterTest(
    Promise.resolve({
      address: `127.0.0.1:${port}`,
      connections: () => connections,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    }),
  );
}

describe('falling over to the next proxy of a PAC answer', () => {
  it('uses the backup proxy when the first one refuses connections', async () => {
    const down = new URL(await refusedUrl()).host;
    const backup = await targets.closedAfterTest(startForwardProxy());
    const hub = hubOf(targets.secure());
    const response = await pacClient(`PROXY ${down}; PROXY ${backup.address}`).request(login(hub));
    expect(response.status).toBe(200);
    expect(backup.seen).toEqual([`CONNECT ${hostPortOf(hub.baseUrl)}`]);
  });

  it('falls over from a dead SOCKS proxy to DIRECT, for plain http too', async () => {
    const down = new URL(await refusedUrl()).host;
    const response = await pacClient(`SOCKS5 ${down}; DIRECT`).request(
      login(hubOf(targets.plain())),
    );
    expect(response.status).toBe(200);
  });

  it('passes over a proxy that could not be reached for five minutes, then tries it again', async () => {
    const flaky = await hangingUpProxy();
    const backup = await targets.closedAfterTest(startSocksProxy());
    let now = 1_000_000;
    const client = pacClient(`PROXY ${flaky.address}; SOCKS5 ${backup.address}`, {
      unreachableProxies: unreachableProxies(() => now),
    });
    const hub = hubOf(targets.secure());
    expect((await client.request(login(hub))).status).toBe(200);
    expect(flaky.connections()).toBe(1);
    now += UNREACHABLE_PROXY_RETRY_MS - 1;
    expect((await client.request(login(hub))).status).toBe(200);
    expect(flaky.connections()).toBe(1);
    now += 1;
    // The backup's kept-alive connection is not used: the first proxy leads again.
    expect((await client.request(login(hub))).status).toBe(200);
    expect(flaky.connections()).toBe(2);
  });

  it('does not fall over when the proxy answered: its refusal is the answer', async () => {
    const refusing = await targets.closedAfterTest(startForwardProxy({ refuseWith: 403 }));
    const backup = await targets.closedAfterTest(startForwardProxy());
    const hub = hubOf(targets.secure());
    const error = await failure(
      pacClient(`PROXY ${refusing.address}; PROXY ${backup.address}`),
      login(hub),
    );
    expect(error.message).toContain(`The proxy ${refusing.address} refused to connect`);
    expect(backup.seen).toEqual([]);
  });

  it('does not resend a forwarded request whose proxy hung up after taking it', async () => {
    const flaky = await hangingUpProxy();
    const backup = await targets.closedAfterTest(startForwardProxy());
    const error = await failure(
      pacClient(`PROXY ${flaky.address}; PROXY ${backup.address}`),
      login(hubOf(targets.plain())),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain(`The proxy ${flaky.address}`);
    expect(backup.seen).toEqual([]);
  });

  it('names the last proxy when none of them can be reached', async () => {
    const first = new URL(await refusedUrl()).host;
    const last = new URL(await refusedUrl()).host;
    const error = await failure(
      pacClient(`PROXY ${first}; SOCKS5 ${last}`),
      login(hubOf(targets.secure())),
    );
    expect(error.code).toBe('offline');
    expect(error.message).toContain(`The proxy ${last} refused the connection`);
  });
});

describe('a proxy that never accepts the connection (a firewall dropping packets)', () => {
  // The request's deadline is far longer than the connect budget: the next route must get its
  // turn long before the deadline, and the one-proxy case must name the proxy, not the server.
  const patient = { defaultTimeoutMs: 8_000, proxyConnectTimeoutMs: 300 };

  it('falls over to the next route once the proxy has not accepted within the connect budget', async () => {
    const silent = await targets.closedAfterTest(startSilentAddress());
    const backup = await targets.closedAfterTest(startForwardProxy());
    const secureHub = hubOf(targets.secure());
    const client = pacClient(`PROXY ${silent.address}; PROXY ${backup.address}`, patient);
    expect((await client.request(login(secureHub))).status).toBe(200);
    expect(backup.seen).toEqual([`CONNECT ${hostPortOf(secureHub.baseUrl)}`]);
  });

  it('falls over for forwarded plain http and for SOCKS too', async () => {
    const silent = await targets.closedAfterTest(startSilentAddress());
    const plainHub = hubOf(targets.plain());
    for (const answer of [`PROXY ${silent.address}; DIRECT`, `SOCKS5 ${silent.address}; DIRECT`]) {
      expect((await pacClient(answer, patient).request(login(plainHub))).status).toBe(200);
    }
  });

  it('says the proxy did not answer in time when it is the only route', async () => {
    const silent = await targets.closedAfterTest(startSilentAddress());
    const error = await failure(
      pacClient(`PROXY ${silent.address}`, patient),
      login(hubOf(targets.secure())),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(`The proxy ${silent.address} did not answer in time`);
  });
});

describe('falling over from DIRECT to the next entry ("DIRECT; PROXY backup")', () => {
  /** The hub's sign-in at another host: one only the backup proxy reaches. */
  const loginAt = (hub: SandboxHub, origin: string) => {
    const request = login(hub);
    return { ...request, url: request.url.replace(new URL(hub.baseUrl).origin, origin) };
  };
  const pathOf = (hub: SandboxHub) => `${new URL(hub.baseUrl).pathname}/api/v1/auth/login`;
  const patient = { defaultTimeoutMs: 8_000, proxyConnectTimeoutMs: 300 };

  it('an intranet name this computer cannot resolve goes through the proxy that can', async () => {
    const hub = hubOf(targets.plain());
    const backup = await targets.closedAfterTest(
      startForwardProxy({ reaches: { 'licences.intranet.invalid': hostPortOf(hub.baseUrl) } }),
    );
    const client = pacClient(`DIRECT; PROXY ${backup.address}`);
    const request = loginAt(hub, 'http://licences.intranet.invalid');
    expect((await client.request(request)).status).toBe(200);
    // DIRECT is never passed over: the next request tries it first again, and falls over again.
    expect((await client.request(request)).status).toBe(200);
    expect(backup.seen).toEqual([
      `POST http://licences.intranet.invalid${pathOf(hub)}`,
      `POST http://licences.intranet.invalid${pathOf(hub)}`,
    ]);
  });

  it('a server that refuses this computer is reached through the proxy, over https', async () => {
    const hub = hubOf(targets.secure());
    const refused = `localhost:${new URL(await refusedUrl()).port}`;
    const backup = await targets.closedAfterTest(
      startForwardProxy({ reaches: { [refused]: hostPortOf(hub.baseUrl) } }),
    );
    const response = await pacClient(`DIRECT; PROXY ${backup.address}`).request(
      loginAt(hub, `https://${refused}`),
    );
    expect(response.status).toBe(200);
    expect(backup.seen).toEqual([`CONNECT ${refused}`]);
  });

  it('a server behind a firewall that drops packets hands over after the connect budget', async () => {
    const silent = await targets.closedAfterTest(startSilentAddress());
    const plain = hubOf(targets.plain());
    const secure = hubOf(targets.secure());
    const plainProxy = await targets.closedAfterTest(
      startForwardProxy({ reaches: { [silent.address]: hostPortOf(plain.baseUrl) } }),
    );
    const secureProxy = await targets.closedAfterTest(
      startForwardProxy({ reaches: { [silent.address]: hostPortOf(secure.baseUrl) } }),
    );
    const through = (proxy: { address: string }) =>
      pacClient(`DIRECT; PROXY ${proxy.address}`, patient);
    const plainLogin = loginAt(plain, `http://${silent.address}`);
    expect((await through(plainProxy).request(plainLogin)).status).toBe(200);
    const secureLogin = loginAt(secure, `https://${silent.address}`);
    expect((await through(secureProxy).request(secureLogin)).status).toBe(200);
    expect(plainProxy.seen).toEqual([`POST http://${silent.address}${pathOf(plain)}`]);
    expect(secureProxy.seen).toEqual([`CONNECT ${silent.address}`]);
  });

  it('does not resend through the proxy once the server took the connection', async () => {
    const server = await hangingUpProxy();
    const backup = await targets.closedAfterTest(startForwardProxy());
    const error = await failure(
      pacClient(`DIRECT; PROXY ${backup.address}`),
      loginAt(hubOf(targets.plain()), `http://${server.address}`),
    );
    expect(error.code).toBe('offline');
    expect(server.connections()).toBe(1);
    expect(backup.seen).toEqual([]);
  });

  it('does not go round a server whose certificate fails: that is no way around a check', async () => {
    const hub = hubOf(targets.secure());
    const backup = await targets.closedAfterTest(startForwardProxy());
    const error = await failure(
      pacClient(`DIRECT; PROXY ${backup.address}`, { ca: undefined }),
      login(hub),
    );
    expect(error.code).toBe('config');
    expect(backup.seen).toEqual([]);
  });
});
