import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
  type SandboxHub,
} from '../../src/sandbox/mobiusflow/server';

/**
 * The engine over https with the committed self-signed fixtures (test/fixtures/mobiusflow-tls):
 * the certificate a client sees is the fixture's, it verifies for 127.0.0.1 and localhost when
 * pinned as the CA, and faults that drop connections still reset them under TLS.
 */

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../fixtures/mobiusflow-tls', name), 'utf8');
const hubA = { certPem: fixture('hub-a.pem'), keyPem: fixture('hub-a.key') };
const hubB = { certPem: fixture('hub-b.pem'), keyPem: fixture('hub-b.key') };

const started: MobiusFlowSandbox[] = [];
async function start(options: Parameters<typeof startMobiusFlowSandbox>[0]) {
  const sandbox = await startMobiusFlowSandbox(options);
  started.push(sandbox);
  return sandbox;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

/** The SHA-256 fingerprint a client reads from the handshake, trusting nothing. */
function peerFingerprint(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: hostname, port: Number(port), rejectUnauthorized: false, servername: 'localhost' },
      () => {
        resolve(socket.getPeerCertificate().fingerprint256);
        socket.end();
      },
    );
    socket.on('error', reject);
  });
}

/** POST login over https; `ca` pins the fixture, without it nothing is trusted. */
function login(
  hub: SandboxHub,
  options: { ca?: string; servername?: string } = {},
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ username: hub.username, password: hub.password });
  return new Promise((resolve, reject) => {
    const req = https.request(`${hub.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      ...(options.ca ? { ca: options.ca } : { rejectUnauthorized: false }),
      ...(options.servername ? { servername: options.servername } : {}),
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('MobiusFlow sandbox: TLS', () => {
  it('serves https with the fixture certificate', async () => {
    const sandbox = await start({ tls: hubA });
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.hubs[0]?.baseUrl).toBe(`${sandbox.url}/hubs/000001`);
    const expected = new X509Certificate(hubA.certPem).fingerprint256;
    expect(await peerFingerprint(sandbox.url)).toBe(expected);
    expect(expected).not.toBe(new X509Certificate(hubB.certPem).fingerprint256);
  });

  it('presents the other fixture when started with it (a changed hub certificate)', async () => {
    const sandbox = await start({ tls: hubB });
    expect(await peerFingerprint(sandbox.url)).toBe(
      new X509Certificate(hubB.certPem).fingerprint256,
    );
  });

  it('verifies against the pinned fixture for 127.0.0.1 and localhost, not without it', async () => {
    const sandbox = await start({ tls: hubA });
    const [hub] = sandbox.hubs as [SandboxHub];
    const byIp = await login(hub, { ca: hubA.certPem });
    expect(byIp.status).toBe(200);
    expect(Object.keys(JSON.parse(byIp.body) as object)).toEqual(['token', 'refreshToken']);
    expect((await login(hub, { ca: hubA.certPem, servername: 'localhost' })).status).toBe(200);
    // The other fixture is not this server's certificate: verification must fail.
    await expect(login(hub, { ca: hubB.certPem })).rejects.toThrow();
    await expect(fetch(`${hub.baseUrl}/api/v1/auth/login`, { method: 'POST' })).rejects.toThrow();
  });

  it('resets the connection of a down hub and of a reset fault over TLS too', async () => {
    const sandbox = await start({ tls: hubA });
    const [down, up] = sandbox.hubs as [SandboxHub, SandboxHub];
    sandbox.setHubFault(down.hid, 'down');
    await expect(login(down)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await login(up)).status).toBe(200);

    sandbox.faults.inject({ kind: 'reset', times: 1 });
    await expect(login(up)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await login(up)).status).toBe(200);
  });

  it('serves https on every hub port with portPerHub', async () => {
    const sandbox = await start({ tls: hubA, hubs: 2, portPerHub: true });
    for (const hub of sandbox.hubs) {
      expect(hub.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await peerFingerprint(hub.baseUrl)).toBe(
        new X509Certificate(hubA.certPem).fingerprint256,
      );
      expect((await login(hub, { ca: hubA.certPem })).status).toBe(200);
    }
  });
});
