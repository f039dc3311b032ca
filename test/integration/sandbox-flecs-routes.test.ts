import { describe, expect, it } from 'vitest';
import { flecsDemo } from '../../src/sandbox/flecs/server';
import { demoRoles, demoSeed } from '../../src/sandbox/flecs/seed';
import { flecsSandboxPerTest } from '../support/flecs-sandbox';

/**
 * The other session-authenticated FLECS routes (app manifests, download tokens), routing errors,
 * the admin back door and the shared fault layer. Every protocol exchange is checked against the
 * OpenAPI file.
 */

const TTL_MS = 3600_000;
const demo = flecsDemo();
const roles = demoRoles();
const sessionOf = (licenseKey: string) =>
  demoSeed().devices.find((d) => d.licenseKey === licenseKey)?.sessionId ?? 'missing';
const ACTIVE = sessionOf(demo.usedKey);
const APP = '/api/v2/manifests/tech.flecs.mqtt-bridge/2.2.0';

const rig = flecsSandboxPerTest();
const { call } = rig;

const session = (id: string) => ({ 'x-session-id': id });
const headerId = (res: { headers: Headers }) =>
  (JSON.parse(res.headers.get('x-session-id') ?? 'null') as { id: string } | null)?.id;
const forbidden = (reason: string) => ({ reason, statusCode: 403, statusText: 'Forbidden' });

describe('FLECS sandbox: app manifests', () => {
  it('serves a manifest to an active device, with the session header', async () => {
    const res = await call('GET', APP, { headers: session(ACTIVE) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      data: { app: 'tech.flecs.mqtt-bridge', version: '2.2.0' },
      statusCode: 200,
      statusText: 'OK',
    });
    expect(headerId(res)).toBe(ACTIVE);
  });

  it('answers the documented 404 body (no reason) and 400 for a bad manifest_version', async () => {
    const missing = await call('GET', '/api/v2/manifests/tech.flecs.mqtt-bridge/9.9.9', {
      headers: session(ACTIVE),
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ statusCode: 404, statusText: 'Not found' });
    const bad = await call('GET', `${APP}?manifest_version=three`, { headers: session(ACTIVE) }, [
      expect.stringMatching(/^request: query parameter manifest_version: must match pattern/),
    ]);
    expect(bad.body).toEqual({
      reason: 'Invalid query parameter manifest_version',
      statusCode: 400,
      statusText: 'Bad Request',
    });
    expect(headerId(bad)).toBe(ACTIVE);
    expect(
      (await call('GET', `${APP}?max_manifest_version=3.0.0`, { headers: session(ACTIVE) })).status,
    ).toBe(200);
  });

  it('refuses unknown sessions, inactive devices and a missing header with 403', async () => {
    const unknown = await call('GET', APP, {
      headers: session('00000000-0000-4000-8000-000000000000'),
    });
    expect(unknown.body).toEqual(forbidden('Session not found'));
    const revoked = await call('GET', APP, { headers: session(sessionOf(roles.revokedKey)) });
    expect(revoked.body).toEqual(forbidden('Device not activated'));
    const none = await call('GET', APP, {}, [
      'request: header parameter X-Session-Id is required but missing',
    ]);
    expect(none.body).toEqual(forbidden('Missing Header: X-Session-Id'));
  });

  it('rotates the session id like every session-authenticated route', async () => {
    rig.clock.advance(TTL_MS);
    const res = await call('GET', APP, { headers: session(ACTIVE) });
    const rotated = headerId(res);
    expect(rotated).not.toBe(ACTIVE);
    expect(rig.sandbox.devices().find((d) => d.licenseKey === demo.usedKey)?.sessionId).toBe(
      rotated,
    );
  });
});

describe('FLECS sandbox: download tokens', () => {
  const token = (app: string, version: string, id = ACTIVE) =>
    call('POST', '/api/v2/tokens', { headers: session(id), body: { app, version } });

  it('issues a token for an official app, 204 for an unofficial or unknown one', async () => {
    const official = await token('tech.flecs.mqtt-bridge', '2.1.0');
    expect(official.status).toBe(200);
    expect(official.body).toEqual({
      data: { token: { username: expect.any(String), password: expect.any(String) } },
      statusCode: 200,
      statusText: 'OK',
    });
    expect(headerId(official)).toBe(ACTIVE);
    for (const app of ['org.example.community-dashboard', 'org.example.unknown']) {
      const none = await token(app, '1.0.0');
      expect(none.status).toBe(204);
      expect(none.body).toBeUndefined();
      expect(headerId(none)).toBe(ACTIVE);
    }
  });

  it('refuses an unknown session with the documented 403 and rotates after the TTL', async () => {
    expect(
      (await token('tech.flecs.mqtt-bridge', '2.1.0', '00000000-0000-4000-8000-000000000000')).body,
    ).toEqual(forbidden('Session not found'));
    rig.clock.advance(TTL_MS);
    expect(headerId(await token('tech.flecs.mqtt-bridge', '2.1.0'))).not.toBe(ACTIVE);
  });
});

describe('FLECS sandbox: routing, admin routes and faults', () => {
  it('answers 404 and 405 in the error envelope', async () => {
    const nowhere = await call('GET', '/api/v2/nowhere', {}, [
      'request: no path of the OpenAPI description matches /api/v2/nowhere',
      'response: no path of the OpenAPI description matches /api/v2/nowhere',
    ]);
    expect(nowhere.body).toEqual({
      reason: 'No route GET /api/v2/nowhere',
      statusCode: 404,
      statusText: 'Not found',
    });
    const wrong = await call('GET', '/api/v2/device/license/activate', {}, [
      'request: GET is not described for /api/v2/device/license/activate (only POST)',
      'response: GET is not described for /api/v2/device/license/activate (only POST)',
    ]);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('reports devices and user licences on /__sandbox/state and revokes on /__sandbox/revoke', async () => {
    const state = (await (await fetch(`${rig.sandbox.url}/__sandbox/state`)).json()) as unknown;
    expect(state).toEqual({
      devices: rig.sandbox.devices(),
      userLicences: { demo: 2, spent: 0, vendor: 1 },
    });
    const unknown = await fetch(`${rig.sandbox.url}/__sandbox/revoke`, {
      method: 'POST',
      body: '{"licenseKey":"NOPE"}',
    });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${rig.sandbox.url}/__sandbox/revoke`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
  });

  it('injects faults through the shared layer, path by path, and clears them', async () => {
    const res = await fetch(`${rig.sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({
        kind: 'status',
        status: 500,
        times: 1,
        path: '/api/v2/device/license/validate',
      }),
    });
    expect(res.status).toBe(200);
    // The generic fault body is not the FLECS envelope, but errorDescription requires no field.
    const failed = await call('POST', '/api/v2/device/license/validate', {
      headers: session(ACTIVE),
    });
    expect(failed.status).toBe(500);
    expect(
      (await call('POST', '/api/v2/device/license/validate', { headers: session(ACTIVE) })).status,
    ).toBe(200);
    rig.sandbox.faults.inject({ kind: 'reset', path: '/api/v2/auth/login' });
    await expect(
      fetch(`${rig.sandbox.url}/api/v2/auth/login`, { method: 'POST' }),
    ).rejects.toThrow();
    rig.sandbox.faults.clear();
    expect(rig.sandbox.faults.active).toEqual([]);
  });
});
