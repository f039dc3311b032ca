import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientIdentity } from '../../src/main/licensing/backend';
import type { SeatsBackendOptions } from '../../src/main/licensing/backends/seats';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox';
import { demoKeys } from '../../src/sandbox/babel/seed';
import { expectFailure } from './backend-conformance';
import { http, identity, seatsBackendOn } from './seats-fixtures';

/**
 * Activation licences, refusals and wire quirks of the seats adapter against the Babel sandbox
 * over real loopback HTTP.
 */

const keys = demoKeys();

describe('seats adapter: licences on the Babel sandbox', () => {
  let sandbox: BabelSandbox;
  const backendFor = (who: ClientIdentity, options: Partial<SeatsBackendOptions> = {}) =>
    seatsBackendOn(sandbox, who, options);

  beforeEach(async () => {
    sandbox = await startBabelSandbox({ bearerToken: 'bearer-for-tests' });
  });
  afterEach(() => sandbox.close());

  it('activates a perpetual activation licence with a token and support date', async () => {
    const record = await backendFor(identity(1)).activate({
      method: 'key',
      key: keys.activationKey,
    });
    expect(record).toMatchObject({ mode: 'activation', activeClients: 1, maxClients: 3 });
    expect(record.licenseId).toMatch(/^lic[0-9A-F]{8}$/);
    expect(record.token).toMatch(/^actk_[a-z0-9]{12}$/);
    expect(record.expiresAt).toBeUndefined();
    expect(record.supportExpiresAt).toBeGreaterThan(Date.now());
  });

  it('bounds activations by the licence, and a deactivation frees a slot', async () => {
    for (const n of [1, 2, 3])
      await backendFor(identity(n)).activate({ method: 'key', key: keys.activationKey });
    const error = await expectFailure(
      backendFor(identity(4)).activate({ method: 'key', key: keys.activationKey }),
      'seat_unavailable',
    );
    expect(error.message).toBe(
      'All 3 activations of this licence are in use: deactivate it on another computer first.',
    );
    await backendFor(identity(2)).deactivate(keys.activationKey);
    await expect(
      backendFor(identity(4)).activate({ method: 'key', key: keys.activationKey }),
    ).resolves.toMatchObject({
      activeClients: 3,
    });
  });

  it('says not_activated when validating after a deactivation', async () => {
    const backend = backendFor(identity(1));
    await backend.activate({ method: 'key', key: keys.activationKey });
    await backend.deactivate(keys.activationKey);
    await expectFailure(backend.validate(keys.activationKey), 'not_activated');
  });

  it('activates a floating licence without a token and without taking a seat', async () => {
    const record = await backendFor(identity(1)).activate({ method: 'key', key: keys.floatingKey });
    expect(record.mode).toBe('floating');
    expect(record.token).toBeUndefined();
    expect(record.expiresAt).toBeGreaterThan(Date.now());
    expect(sandbox.poolCounts()[keys.floatingKey]).toEqual({ activation: 0, floating: 2 });
    // validate echoes this client's floating seat token; the record must not keep it.
    await backendFor(identity(1)).seats.request(keys.floatingKey);
    expect((await backendFor(identity(1)).validate(keys.floatingKey)).token).toBeUndefined();
  });

  it('refuses revoked and expired licences with their own codes', async () => {
    const backend = backendFor(identity(1));
    await expectFailure(
      backend.activate({ method: 'key', key: keys.revokedKey }),
      'license_revoked',
    );
    await expectFailure(
      backend.activate({ method: 'key', key: keys.expiredKey }),
      'license_expired',
    );
    await expectFailure(backend.seats.request(keys.expiredKey), 'license_expired');
    // info still answers, so the app can show why.
    expect((await backend.seats.info(keys.revokedKey)).revoked).toBe(true);
  });

  it('refuses a wrong API key as unauthorized, and accepts the bearer token instead', async () => {
    const wrong = backendFor(identity(1), { apiKey: 'api_wrongwrongwrongwrongwron' });
    const error = await expectFailure(
      wrong.activate({ method: 'key', key: keys.activationKey }),
      'unauthorized',
    );
    expect(error.message).toMatch(/API key/);
    expect(error.message).not.toContain('api_wrong');
    const bearer = backendFor(identity(1), { apiKey: 'nope', bearerToken: 'bearer-for-tests' });
    await expect(
      bearer.activate({ method: 'key', key: keys.activationKey }),
    ).resolves.toBeDefined();
  });

  it('asks for a seat on a non-floating licence → invalid_input with the server reason', async () => {
    const error = await expectFailure(
      backendFor(identity(1)).seats.request(keys.activationKey),
      'invalid_input',
    );
    expect(error.message).toMatch(/not a floating licence/);
  });

  it('reports a wrong base path as protocol, pointing at the address', async () => {
    const lost = backendFor(identity(1), { baseUrl: `${sandbox.url}/api` });
    const error = await expectFailure(
      lost.activate({ method: 'key', key: keys.activationKey }),
      'protocol',
    );
    expect(error.message).toMatch(/Check the server address/);
  });

  it('reads replies whose default values are omitted on the wire', async () => {
    // Raw: an activation licence nobody holds has no counts and no tokens on the wire.
    const raw = await http.request({
      method: 'POST',
      url: `${sandbox.url}/v1/license/info`,
      headers: { 'x-api-key': sandbox.apiKey },
      body: { userKey: keys.activationKey, ...identity(1) },
    });
    expect(raw.status).toBe(200);
    expect(raw.body).not.toHaveProperty('activeClientCount');
    expect(raw.body).not.toHaveProperty('licenseTokens');
    expect(raw.body).not.toHaveProperty('revoked');
    const pool = await backendFor(identity(1)).seats.info(keys.activationKey);
    expect(pool).toMatchObject({ activeClients: 0, maxClients: 3, revoked: false, holders: [] });
    expect(pool.mode).toBe('activation');
  });
});

describe('seats adapter: a tampered licence', () => {
  it('maps LicenseTampered to tampered', async () => {
    const key = 'TAMPR-11111-22222-33333';
    const sandbox = await startBabelSandbox({
      seed: { licenses: [{ userKey: key, licensingMode: 1, maxClientCount: 1, tampered: true }] },
    });
    try {
      const backend = seatsBackendOn(sandbox, identity(1));
      await expectFailure(backend.activate({ method: 'key', key: key }), 'tampered');
    } finally {
      await sandbox.close();
    }
  });
});
