import { describe, expect, it } from 'vitest';
import { startForwardProxy } from '../support/forward-proxy';
import { inGerman } from '../support/in-german';
import { startMutePeer } from '../support/mute-peer';
import {
  envClient,
  failure,
  fixture,
  hostPortOf,
  hubOf,
  login,
  pacClient,
  useProxyTargets,
} from '../support/proxy-targets';

/**
 * An HTTPS proxy (`https://` in HTTPS_PROXY, `HTTPS host:port` in a PAC answer): TLS with the
 * proxy itself, checked against the same CAs as the servers (the CA bundle), then CONNECT inside
 * it for https (TLS within TLS) and the absolute-URI request for plain http. The proxy on loopback
 * presents the committed hub-a certificate, which the bundle trusts, or hub-b's, which it does not.
 */

const targets = useProxyTargets();
const trusted = { certPem: fixture('hub-a.pem'), keyPem: fixture('hub-a.key') };
const untrusted = { certPem: fixture('hub-b.pem'), keyPem: fixture('hub-b.key') };
const clientWith = envClient;

describe('requests through an HTTPS proxy', () => {
  it('https goes through a CONNECT tunnel inside TLS with the proxy', async () => {
    const proxy = await targets.closedAfterTest(startForwardProxy({ tls: trusted }));
    const hub = hubOf(targets.secure());
    const response = await clientWith({ HTTPS_PROXY: proxy.url }).request(login(hub));
    expect(response.status).toBe(200);
    expect(proxy.url).toMatch(/^https:\/\//);
    expect(proxy.seen).toEqual([`CONNECT ${hostPortOf(hub.baseUrl)}`]);
  });

  it('plain http is forwarded inside TLS with the proxy, with its credentials', async () => {
    const proxy = await targets.closedAfterTest(
      startForwardProxy({ tls: trusted, credentials: 'alice:s3cret' }),
    );
    const hub = hubOf(targets.plain());
    const address = `https://alice:s3cret@${proxy.address}`;
    const response = await clientWith({ HTTP_PROXY: address }).request(login(hub));
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([`POST ${hub.baseUrl}/api/v1/auth/login`]);
  });

  it('a proxy whose certificate is not trusted is named, with what to do, and nothing is sent', async () => {
    const proxy = await targets.closedAfterTest(startForwardProxy({ tls: untrusted }));
    for (const hub of [hubOf(targets.secure()), hubOf(targets.plain())]) {
      const error = await failure(clientWith({ ALL_PROXY: proxy.url }), login(hub));
      expect(error.code).toBe('config');
      expect(error.message).toContain(
        `The secure connection to the HTTPS proxy ${proxy.address} could not be verified (`,
      );
      expect(error.message).toContain('caFile');
      expect(inGerman(error)).toContain(
        `Die sichere Verbindung zum HTTPS-Proxy ${proxy.address} konnte nicht überprüft werden`,
      );
    }
    expect(proxy.seen).toEqual([]);
  });

  it('a plain HTTP proxy written as https:// is named as not speaking TLS', async () => {
    const plainProxy = await targets.closedAfterTest(startForwardProxy());
    const error = await failure(
      clientWith({ HTTPS_PROXY: `https://${plainProxy.address}` }),
      login(hubOf(targets.secure())),
    );
    expect(error.code).toBe('config');
    expect(error.message).toContain(`the HTTPS proxy ${plainProxy.address} could not be verified`);
    expect(error.message).toContain('names an HTTPS proxy (https://)');
  });

  it('from a PAC answer, falling over from an HTTPS proxy that fails TLS to the next entry', async () => {
    const distrusted = await targets.closedAfterTest(startForwardProxy({ tls: untrusted }));
    const secureProxy = await targets.closedAfterTest(startForwardProxy({ tls: trusted }));
    const hub = hubOf(targets.secure());
    const answer = `HTTPS ${distrusted.address}; HTTPS ${secureProxy.address}`;
    expect((await pacClient(answer).request(login(hub))).status).toBe(200);
    expect(distrusted.seen).toEqual([]);
    expect(secureProxy.seen).toEqual([`CONNECT ${hostPortOf(hub.baseUrl)}`]);
  });
});

describe('an HTTPS proxy that accepts the connection but never answers the TLS handshake', () => {
  // The deadline is far longer than the connect budget, which covers the handshake too: the
  // next route gets its turn long before the deadline.
  const patient = { defaultTimeoutMs: 8_000, proxyConnectTimeoutMs: 300 };

  it('falls over to the next route once the handshake has not finished within the budget', async () => {
    const mute = await targets.closedAfterTest(startMutePeer());
    const backup = await targets.closedAfterTest(startForwardProxy({ tls: trusted }));
    const hub = hubOf(targets.secure());
    const answer = `HTTPS ${mute.address}; HTTPS ${backup.address}`;
    expect((await pacClient(answer, patient).request(login(hub))).status).toBe(200);
    expect(backup.seen).toEqual([`CONNECT ${hostPortOf(hub.baseUrl)}`]);
  });

  it('says the proxy did not answer in time when it is the only route', async () => {
    const mute = await targets.closedAfterTest(startMutePeer());
    const error = await failure(
      pacClient(`HTTPS ${mute.address}`, patient),
      login(hubOf(targets.plain())),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(`The proxy ${mute.address} did not answer in time`);
  });
});
