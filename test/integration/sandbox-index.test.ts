import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxes, type SandboxSet } from '../../src/sandbox';

/** The set the demo mode and the CLI start: every demo key must behave as its label promises. */

let set: SandboxSet;

async function post(route: string, userKey: string) {
  const res = await fetch(`${set.servers.seats.url}/v1/license/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': set.servers.seats.apiKey },
    body: JSON.stringify({
      userKey,
      machineId: 'demo-machine',
      clientId: 'demo-app',
      clientName: 'DEMO',
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  set = await startSandboxes({ port: 0 });
});
afterAll(() => set.close());

describe('startSandboxes', () => {
  it('serves the seats protocol on loopback with the demo API key', () => {
    expect(set.servers.seats.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(set.servers.seats.apiKey).toBe('api_u3o7i1au2wycki8awj1kdmp8');
  });

  it('hands out demo keys in the vendor format', () => {
    const { floatingKey, activationKey, revokedKey, expiredKey } = set.demo.seats;
    for (const key of [floatingKey, activationKey, revokedKey, expiredKey]) {
      expect(key).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
    }
    expect(new Set([floatingKey, activationKey, revokedKey, expiredKey]).size).toBe(4);
  });

  it('floating key: 5 seats, two held by colleagues, a seat for us', async () => {
    const info = await post('info', set.demo.seats.floatingKey);
    const holders = (info.body.licenseTokens as { clientName: string }[]).map((t) => t.clientName);
    expect(holders).toEqual(['LAB-PC-07', 'DESIGN-WS-2']);
    const seat = await post('request', set.demo.seats.floatingKey);
    expect(seat.body).toMatchObject({ granted: true, activeClientCount: 3, maxClientCount: 5 });
    await fetch(`${set.servers.seats.url}/v1/license/release`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': set.servers.seats.apiKey },
      body: JSON.stringify({
        licenseToken: seat.body.licenseToken,
        machineId: 'demo-machine',
        clientId: 'demo-app',
      }),
    });
  });

  it('activation key activates; revoked and expired keys are refused as such', async () => {
    expect((await post('activate', set.demo.seats.activationKey)).body).toMatchObject({
      success: true,
      maxClientCount: 3,
    });
    expect((await post('activate', set.demo.seats.revokedKey)).body.code).toBe('LicenseRevoked');
    expect((await post('request', set.demo.seats.expiredKey)).body.code).toBe('LicenseExpired');
  });
});

describe('startSandboxes: FLECS and Eniris', () => {
  it('serves FLECS, where the demo account signs in and the demo key activates', async () => {
    const { username, password, licenseKey } = set.demo.flecs;
    const login = await fetch(`${set.servers.flecs.url}/api/v2/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, issueJWT: true }),
    });
    expect(login.status).toBe(200);
    const activation = await fetch(`${set.servers.flecs.url}/api/v2/device/license/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ licenseKey }),
    });
    expect(activation.status).toBe(200);
  });

  it('serves Eniris auth and API on one server, where the demo account signs in', async () => {
    const { username, password } = set.demo.eniris;
    expect(set.servers.eniris.authUrl).toBe(set.servers.eniris.apiUrl);
    const login = await fetch(`${set.servers.eniris.authUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status).toBe(200);
    expect((await login.text()).length).toBeGreaterThan(20);
  });

  it('puts the three servers on consecutive ports when a first port is given', async () => {
    const fixed = await startSandboxes({ port: 47_310 });
    try {
      expect([
        fixed.servers.seats.url,
        fixed.servers.flecs.url,
        fixed.servers.eniris.apiUrl,
      ]).toEqual(['http://127.0.0.1:47310', 'http://127.0.0.1:47311', 'http://127.0.0.1:47312']);
    } finally {
      await fixed.close();
    }
  });
});
