import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { createDispatcher, type IpcHandlers } from '../../src/main/ipc/dispatch';
import { readCaBundle } from '../../src/main/net/ca-bundle';
import { proxyFromEnvironment } from '../../src/main/net/proxy-env';
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy';
import { inGerman } from '../support/in-german';
import { refusalOf } from '../support/licensing-failure';
import { failure } from '../support/proxy-targets';
import { refusedUrl } from '../support/refused-url';

/**
 * The network's refusals reach a German screen in German: real requests over loopback (a refused
 * port, a server that never answers, a damaged reply, a proxy asking for credentials) fail with
 * the same English message as before and a text the German catalogue renders.
 */

const direct = (options: Parameters<typeof createAxiosHttpClient>[0] = {}) =>
  createAxiosHttpClient({ resolveProxy: proxyFromEnvironment({}), ...options });

/** A loopback server: one route that never answers, one that sends broken JSON. */
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/broken') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"licence": ');
    }
    // /silent: no answer at all, until the client gives up.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const proxies: ForwardProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

describe('network refusals in German', () => {
  it('a refused connection names the host and what to check', async () => {
    const url = await refusedUrl();
    const host = new URL(url).host;
    const error = await failure(direct(), { method: 'GET', url: `${url}/api` });
    expect(error.code).toBe('offline');
    expect(error.message).toBe(
      `Cannot reach ${host}: connection refused. Check the address and that the server is running.`,
    );
    expect(inGerman(error)).toBe(
      `${host} ist nicht erreichbar: Die Verbindung wurde abgelehnt. Prüfen Sie die Adresse und ob der Server läuft.`,
    );
  });

  it('a server that never answers: the deadline in German numbers', async () => {
    const host = new URL(base).host;
    const error = await failure(direct(), {
      method: 'GET',
      url: `${base}/silent`,
      timeoutMs: 1_500,
    });
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(`${host} did not answer within 1.5 seconds.`);
    expect(inGerman(error)).toBe(
      `${host} hat nicht innerhalb von 1,5 Sekunden geantwortet. Der Server ist vielleicht ausgelastet oder das Netzwerk langsam; versuchen Sie es erneut.`,
    );
  });

  it('a damaged JSON reply', async () => {
    const error = await failure(direct(), { method: 'GET', url: `${base}/broken` });
    expect(error.code).toBe('protocol');
    expect(inGerman(error)).toContain(
      `Der Server unter ${new URL(base).host} hat eine beschädigte Antwort gesendet`,
    );
  });

  it('a proxy asking for credentials is named, in German, without them', async () => {
    const proxy = await startForwardProxy({ credentials: 'alice:right' });
    proxies.push(proxy);
    const wrong = `http://alice:wrong-password@${proxy.address}`;
    const client = direct({ resolveProxy: proxyFromEnvironment({ HTTP_PROXY: wrong }) });
    const error = await failure(client, { method: 'GET', url: `${base}/broken` });
    expect(error.code).toBe('config');
    const shown = inGerman(error);
    expect(shown).toContain(
      `Der Proxy ${proxy.address} verlangt einen Benutzernamen und ein Passwort (407 Proxy Authentication Required).`,
    );
    expect(shown).not.toContain('wrong-password');
  });

  it('a proxy variable naming a kind of proxy the app does not speak', async () => {
    const client = direct({
      resolveProxy: proxyFromEnvironment({ HTTPS_PROXY: 'ftp://proxy.example:21' }),
    });
    const error = await failure(client, { method: 'GET', url: 'https://licensing.example/' });
    expect(inGerman(error)).toBe(
      'HTTPS_PROXY nennt einen ftp-Proxy; unterstützt werden http://- und https://-Proxys (https wird mit CONNECT durch sie getunnelt) sowie socks5://- und socks4://-Proxys. Fragen Sie die IT nach der Adresse eines HTTP-, HTTPS- oder SOCKS-Proxys.',
    );
  });

  it('a CA bundle that is not there', async () => {
    const file = join(__dirname, 'no-such-ca.pem');
    const error = await refusalOf(() => readCaBundle(file));
    expect(error.message).toBe(
      `caFile: ${file} does not exist. Put the PEM file of your CA there, or correct the path in the configuration.`,
    );
    expect(inGerman(error)).toBe(
      `caFile: ${file} existiert nicht. Legen Sie die PEM-Datei Ihrer Zertifizierungsstelle dort ab, oder korrigieren Sie den Pfad in der Konfiguration.`,
    );
  });

  it('a request main does not know, as the screen receives it', async () => {
    const dispatch = createDispatcher({} as IpcHandlers);
    const answer = await dispatch('licence:nothing', {});
    expect(answer).toMatchObject({ ok: false, error: { message: 'Unknown request.' } });
    expect(answer.ok ? undefined : inGerman(answer.error)).toBe('Unbekannte Anfrage.');
  });
});
