import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import { createHubClients } from '../../src/main/hubs/hub-clients';
import { newRecord } from '../../src/main/hubs/hub-edits';
import { hubSecretName, type HubRecord } from '../../src/main/hubs/hub-records';
import { normaliseFingerprint, PinnedAgent, readHubCertificate } from '../../src/main/hubs/hub-tls';
import { hubTransport } from '../../src/main/hubs/hub-transport';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { systemClock } from '../../src/shared/clock';
import { hubDraftSchema } from '../../src/shared/hubs-model';
import { licensingFailure } from '../support/licensing-failure';

/** Trust on first use against loopback https servers presenting the sandbox's test certificates. */

const FIXTURES = join(__dirname, '..', 'fixtures', 'mobiusflow-tls');
const material = (name: 'hub-a' | 'hub-b') => ({
  cert: readFileSync(join(FIXTURES, `${name}.pem`), 'utf8'),
  key: readFileSync(join(FIXTURES, `${name}.key`), 'utf8'),
});
const fingerprintOf = (name: 'hub-a' | 'hub-b') =>
  new X509Certificate(material(name).cert).fingerprint256;

interface TlsHub {
  readonly port: number;
  /** Application bytes received after the handshake, on any connection. */
  readonly received: () => number;
  close(): Promise<void>;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** Answers every request with 401, as a hub refusing an account would: proof we got through TLS. */
async function startTlsHub(name: 'hub-a' | 'hub-b'): Promise<TlsHub> {
  let received = 0;
  const server = https.createServer(material(name), (_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end('{"statusCode":401,"error":"Unauthorized","message":"Invalid username or password"}');
  });
  server.on('secureConnection', (socket) =>
    socket.on('data', (chunk: Buffer) => (received += chunk.length)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hub = {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(hub);
  return hub;
}

function hubRecord(port: number, pin?: string): HubRecord {
  const draft = hubDraftSchema.parse({
    name: 'Plant room',
    host: '127.0.0.1',
    port,
    hid: '00A1F3',
    username: 'admin',
  });
  return { ...newRecord(draft), hasPassword: true, ...(pin ? { tlsFingerprint: pin } : {}) };
}

async function clientFor(record: HubRecord) {
  const secrets = createMemorySecretStore();
  await secrets.set(hubSecretName.password(record.id), 'pw');
  const clients = createHubClients({ secrets, clock: systemClock, httpTimeoutMs: 2_000 });
  open.push({ close: async () => clients.close() });
  return clients.clientFor(record);
}

describe('hub certificates: reading one', () => {
  it('normalises fingerprints typed in any case, with or without colons', () => {
    const fingerprint = fingerprintOf('hub-a');
    expect(normaliseFingerprint(fingerprint.toLowerCase())).toBe(fingerprint);
    expect(normaliseFingerprint(fingerprint.replace(/:/g, ''))).toBe(fingerprint);
    expect(normaliseFingerprint('AB:CD')).toBeUndefined();
    expect(normaliseFingerprint(`${fingerprint}:00`)).toBeUndefined();
  });

  it('reads what the hub presents: SHA-256 fingerprint, names, validity, self-signed', async () => {
    const hub = await startTlsHub('hub-a');
    const info = await readHubCertificate({ host: '127.0.0.1', port: hub.port, timeoutMs: 2_000 });
    expect(info).toEqual({
      fingerprint: fingerprintOf('hub-a'),
      subject: expect.stringMatching(/^CN=localhost, O=MobiusFlow sandbox hub-a$/),
      issuer: expect.stringMatching(/CN=localhost/),
      validFrom: expect.any(Number),
      validTo: expect.any(Number),
      selfSigned: true,
    });
    expect(info.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(info.validTo).toBeGreaterThan(Date.UTC(2100, 0, 1));
    expect(hub.received()).toBe(0);
  });

  it('says when the port speaks plain http', async () => {
    const server = http.createServer((_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const port = (server.address() as AddressInfo).port;
    const error = await licensingFailure(
      readHubCertificate({ host: '127.0.0.1', port, timeoutMs: 2_000 }),
    );
    expect(error.message).toMatch(/does not speak https/);
  });
});

describe('hub certificates: the pin', () => {
  it('accepts exactly the pinned certificate, whatever the CA says', async () => {
    const hub = await startTlsHub('hub-a');
    const mismatches: string[] = [];
    const http = createAxiosHttpClient({
      httpsAgent: new PinnedAgent(fingerprintOf('hub-a'), (fp) => mismatches.push(fp)),
    });
    const response = await http.request({ method: 'GET', url: `https://127.0.0.1:${hub.port}/` });
    expect(response.status).toBe(401);
    expect(mismatches).toEqual([]);
  });

  it('refuses another certificate before the request (token, password) leaves this computer', async () => {
    const hub = await startTlsHub('hub-b');
    const mismatches: string[] = [];
    const agent = new PinnedAgent(fingerprintOf('hub-a'), (fp) => mismatches.push(fp));
    const http = createAxiosHttpClient({ httpsAgent: agent });
    const request = http.request({
      method: 'POST',
      url: `https://127.0.0.1:${hub.port}/api/v1/auth/login`,
      headers: { Authorization: 'Bearer secret-token' },
      body: { username: 'admin', password: 'hunter2' },
    });
    expect((await licensingFailure(request)).code).toBe('config');
    expect(mismatches).toEqual([fingerprintOf('hub-b')]);
    expect(hub.received()).toBe(0);
    agent.destroy();
  });

  it('tells the engineer the certificate changed, with both fingerprints', async () => {
    const hub = await startTlsHub('hub-b');
    const client = await clientFor(hubRecord(hub.port, fingerprintOf('hub-a')));
    const error = await licensingFailure(client.getLicence('00A1F3'));
    expect(error.code).toBe('tampered');
    expect(error.message).toBe(
      `The certificate of hub "Plant room" changed since you trusted it (was ${fingerprintOf('hub-a')}, now ${fingerprintOf('hub-b')}). If the hub was replaced, review and trust the new certificate; otherwise something on the network may be intercepting the connection.`,
    );
    expect(hub.received()).toBe(0);
  });

  it('goes through to the hub with the right pin', async () => {
    const hub = await startTlsHub('hub-a');
    const client = await clientFor(hubRecord(hub.port, fingerprintOf('hub-a')));
    const error = await licensingFailure(client.getLicence('00A1F3'));
    expect(error.code).toBe('invalid_credentials');
    expect(hub.received()).toBeGreaterThan(0);
  });

  it('asks to review and trust the certificate of an https hub with no pin', async () => {
    const hub = await startTlsHub('hub-a');
    const client = await clientFor(hubRecord(hub.port));
    const error = await licensingFailure(client.getLicence('00A1F3'));
    expect(error.code).toBe('config');
    expect(error.message).toMatch(
      /^Hub "Plant room" presents a certificate this computer does not trust .* Review the hub's certificate and trust it/,
    );
    expect(hub.received()).toBe(0);
  });
});

describe('hub transport: a connection the hub dropped', () => {
  it('sends once more on a fresh connection when a kept-alive one was closed by the hub', async () => {
    const served: number[] = [];
    let connections = 0;
    const server = http.createServer((req, res) => {
      const socket = req.socket as typeof req.socket & { served?: number };
      socket.served = (socket.served ?? 0) + 1;
      // Like a hub restarted between two calls: the second request on a connection is dropped.
      if (socket.served > 1) return void socket.destroy();
      served.push(connections);
      res.end('{}');
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open.push({
      close: () =>
        new Promise<void>(
          (resolve) => (server.closeAllConnections(), server.close(() => resolve())),
        ),
    });
    const port = (server.address() as AddressInfo).port;
    const record = { ...hubRecord(port), scheme: 'http' as const, lan: true };
    const { http: transport } = hubTransport(record, 2_000);
    const url = `http://127.0.0.1:${port}/`;
    expect((await transport.request({ method: 'GET', url })).status).toBe(200);
    expect((await transport.request({ method: 'GET', url })).status).toBe(200);
    expect(served).toEqual([1, 2]);
  });
});
