import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { createFlecsClient } from '../../src/main/licensing/backends/flecs';
import { createMemorySessionVault } from '../../src/main/licensing/backends/flecs-vault';
import { systemClock } from '../../src/shared/clock';
import { licensingFailure } from '../support/licensing-failure';
import { refusedUrl } from '../support/refused-url';

/**
 * The FLECS client through the real axios client and real sockets, against a tiny console stand-in
 * started here: header spelling on the wire, and the transport failures (refused, reset, hang).
 */

const S1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
const S2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
const servers: http.Server[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

function clientOn(baseUrl: string, session?: string) {
  const vault = createMemorySessionVault(session);
  const client = createFlecsClient({
    baseUrl,
    http: createAxiosHttpClient(),
    clock: systemClock,
    vault,
    timeoutMs: 300,
  });
  return { client, vault };
}

describe('flecs client over loopback HTTP', () => {
  it('sends the bare id and adopts the JSON id from a mixed-case response header', async () => {
    const seen: { session?: string | string[]; body: string }[] = [];
    const url = await serve((req, res, body) => {
      seen.push({ session: req.headers['x-session-id'], body });
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'X-Session-Id': JSON.stringify({ id: S2, timestamp: Date.now() }),
      });
      res.end(JSON.stringify({ data: { isValid: true }, statusCode: 200, statusText: 'OK' }));
    });
    const { client, vault } = clientOn(url, S1);
    expect(await client.validate()).toEqual({ isValid: true });
    expect(await vault.get()).toBe(S2);
    expect(await client.validate()).toEqual({ isValid: true });
    expect(seen).toEqual([
      { session: S1, body: '' },
      { session: S2, body: '' },
    ]);
  });

  it('reads a 204 with no body and keeps the session', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(204, { 'X-Session-Id': JSON.stringify({ id: S1, timestamp: 1 }) }).end();
    });
    const { client, vault } = clientOn(url, S1);
    expect(await client.activateWithKey('KEY-1')).toEqual({ outcome: 'already-active' });
    expect(await vault.get()).toBe(S1);
  });

  it('reports a refused connection as offline', async () => {
    const { client } = clientOn(await refusedUrl(), S1);
    const error = await licensingFailure(client.validate());
    expect(error.code).toBe('offline');
    expect(error.retryable).toBe(true);
  });

  it('reports a reset connection as offline', async () => {
    const url = await serve((req) => req.socket.destroy());
    const error = await licensingFailure(clientOn(url).client.login('user', 'pw'));
    expect(error.code).toBe('offline');
  });

  it('gives up on a console that never answers', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    const error = await licensingFailure(clientOn(url, S1).client.activateWithKey('KEY-1'));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports broken JSON as protocol, without leaking the key', async () => {
    const url = await serve((_req, res) => {
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end('{"data": {"licenseKey": "KEY-1"');
    });
    const error = await licensingFailure(clientOn(url).client.activateWithKey('KEY-1'));
    expect(error.code).toBe('protocol');
    expect(error.message).not.toContain('KEY-1');
  });
});
