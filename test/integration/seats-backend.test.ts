import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientIdentity } from '../../src/main/licensing/backend';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox';
import { demoKeys } from '../../src/sandbox/babel/seed';
import { inGerman } from '../support/in-german';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { describeBackendConformance, expectFailure } from './backend-conformance';
import { identity, seatsBackendOn } from './seats-fixtures';

/**
 * The seats adapter against the Babel sandbox over real loopback HTTP: the shared conformance
 * suite, then the floating-seat behaviour particular to Babel (pool, lapse, heartbeats), and its
 * refusals as a German screen shows them.
 */

const keys = demoKeys();

describeBackendConformance('seats (Babel Licensing Service)', async () => {
  const sandbox = await startBabelSandbox();
  const me = identity(1);
  return {
    createBackend: (overrides = {}) =>
      seatsBackendOn(sandbox, me, {
        baseUrl: overrides.baseUrl ?? sandbox.url,
        timeoutMs: overrides.timeoutMs,
      }),
    identity: me,
    keys: {
      activation: keys.activationKey,
      floating: keys.floatingKey,
      unknown: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ',
    },
    faults: sandbox.faults,
    close: () => sandbox.close(),
  };
});

describe('seats adapter: floating seats on the Babel sandbox', () => {
  const HEARTBEAT_S = 60;
  const TTL_S = 120;
  let clock: ManualClock;
  let sandbox: BabelSandbox;

  const backendFor = (who: ClientIdentity) => seatsBackendOn(sandbox, who, { clock });
  const floatingInUse = (key: string): number | undefined => sandbox.poolCounts()[key]?.floating;

  beforeEach(async () => {
    clock = createManualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
    sandbox = await startBabelSandbox({
      clock,
      heartbeatIntervalSeconds: HEARTBEAT_S,
      floatingTokenTtlSeconds: TTL_S,
    });
  });
  afterEach(() => sandbox.close());

  it('takes a seat with the server-given timing and licence details', async () => {
    const backend = backendFor(identity(1));
    const lease = await backend.seats.request(keys.floatingKey);
    expect(lease.token).toMatch(/^fltk_[a-z0-9]{12}$/);
    expect(lease.heartbeatIntervalMs).toBe(HEARTBEAT_S * 1000);
    expect(lease.expiresAt).toBe(clock.now() + TTL_S * 1000);
    expect(lease).toMatchObject({ activeClients: 3, maxClients: 5 });
    // Asking again (a lost reply) keeps the one seat.
    expect((await backend.seats.request(keys.floatingKey)).token).toBe(lease.token);
    expect(floatingInUse(keys.floatingKey)).toBe(3);
  });

  it('refuses a seat once the pool is exhausted, naming the pool size', async () => {
    for (const n of [1, 2, 3]) await backendFor(identity(n)).seats.request(keys.floatingKey);
    const error = await expectFailure(
      backendFor(identity(4)).seats.request(keys.floatingKey),
      'seat_unavailable',
    );
    expect(error.message).toBe(
      'All 5 seats are in use. Try again when a colleague releases one, or ask your administrator for more seats.',
    );
    const single = await expectFailure(
      (async () => {
        await backendFor(identity(1)).seats.request(keys.singleSeatKey);
        await backendFor(identity(2)).seats.request(keys.singleSeatKey);
      })(),
      'seat_unavailable',
    );
    expect(single.message).toMatch(/^The only seat of this licence is in use\./);
  });

  it('keeps a seat alive with heartbeats and loses it when they stop', async () => {
    const backend = backendFor(identity(1));
    let lease = await backend.seats.request(keys.floatingKey);
    clock.advance(100_000);
    lease = await backend.seats.renew(lease);
    expect(lease.expiresAt).toBe(clock.now() + TTL_S * 1000);

    clock.advance(TTL_S * 1000 + 1);
    const error = await expectFailure(backend.seats.renew(lease), 'seat_lost');
    expect(error.message).toMatch(/Request a seat again/);
    // The seat is back in the pool and nobody lists us any more.
    expect(floatingInUse(keys.floatingKey)).toBe(2);
    const pool = await backend.seats.info(keys.floatingKey);
    expect(pool.holders.map((h) => h.clientId)).not.toContain('client-1');
    await backend.seats.release(lease);
    await expect(backend.seats.request(keys.floatingKey)).resolves.toMatchObject({
      activeClients: 3,
    });
  });

  it('survives a failed heartbeat: 503 first, then the seat is still ours', async () => {
    const backend = backendFor(identity(1));
    const lease = await backend.seats.request(keys.floatingKey);
    sandbox.faults.inject({ kind: 'status', status: 503, times: 1, path: '/v1/license/heartbeat' });
    const error = await expectFailure(backend.seats.renew(lease), 'server_error');
    expect(error.retryable).toBe(true);
    sandbox.faults.clear();
    await expect(backend.seats.renew(lease)).resolves.toMatchObject({ token: lease.token });
  });

  it('loses the seat when the licence is revoked meanwhile (active omitted)', async () => {
    const backend = backendFor(identity(1));
    const lease = await backend.seats.request(keys.floatingKey);
    sandbox.setRevoked(keys.floatingKey, true);
    await expectFailure(backend.seats.renew(lease), 'seat_lost');
    await expectFailure(backend.seats.request(keys.floatingKey), 'license_revoked');
  });

  it('releases idempotently and frees the seat', async () => {
    const backend = backendFor(identity(1));
    const lease = await backend.seats.request(keys.floatingKey);
    await backend.seats.release(lease);
    await backend.seats.release(lease);
    expect(floatingInUse(keys.floatingKey)).toBe(2);
  });

  it('treats a seat token presented by another machine as tampered', async () => {
    const lease = await backendFor(identity(1)).seats.request(keys.floatingKey);
    await expectFailure(backendFor(identity(2)).seats.renew(lease), 'tampered');
  });

  it('lists every holder with address, times and kind', async () => {
    const backend = backendFor(identity(1));
    const lease = await backend.seats.request(keys.floatingKey);
    const pool = await backend.seats.info(keys.floatingKey);
    expect(pool).toMatchObject({
      mode: 'floating',
      activeClients: 3,
      maxClients: 5,
      revoked: false,
    });
    expect(pool.expiresAt).toBeGreaterThan(clock.now());
    expect(pool.holders).toHaveLength(3);
    for (const holder of pool.holders) {
      expect(holder.kind).toBe('floating');
      expect(holder.issuedAt).toBeLessThanOrEqual(clock.now());
      expect(holder.lastHeartbeatAt).toBeDefined();
      expect(holder.clientAddr).toBeTruthy();
    }
    const ours = pool.holders.find((h) => h.token === lease.token);
    expect(ours).toMatchObject({ clientName: 'PC-1', machineId: 'machine-hash-1' });
    expect(ours?.expiresAt).toBe(lease.expiresAt);
  });

  describe('refusals in German, the English message unchanged for the CLI and the log', () => {
    it('an unknown key, a revoked and an expired licence', async () => {
      const backend = backendFor(identity(1));
      const unknown = await expectFailure(
        backend.activate({ method: 'key', key: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ' }),
        'invalid_key',
      );
      expect(inGerman(unknown)).toBe(
        'Dieser Lizenzschlüssel ist dem Lizenzserver nicht bekannt. Prüfen Sie ihn auf Tippfehler.',
      );
      expect(unknown.message).toBe(
        'This licence key is not known to the licensing server. Check it for typos.',
      );

      const revoked = await expectFailure(
        backend.activate({ method: 'key', key: keys.revokedKey }),
        'license_revoked',
      );
      expect(inGerman(revoked)).toMatch(
        /^Diese Lizenz wurde widerrufen\. Wenden Sie sich an Ihren Administrator oder an den Anbieter\./,
      );

      const expired = await expectFailure(
        backend.seats.request(keys.expiredKey),
        'license_expired',
      );
      expect(inGerman(expired)).toBe(
        'Diese Lizenz ist abgelaufen. Verlängern Sie sie beim Anbieter und versuchen Sie es dann erneut.',
      );
    });

    it('a full pool, with its size in German digits, and a lapsed seat', async () => {
      for (const n of [1, 2, 3]) await backendFor(identity(n)).seats.request(keys.floatingKey);
      const full = await expectFailure(
        backendFor(identity(4)).seats.request(keys.floatingKey),
        'seat_unavailable',
      );
      expect(inGerman(full)).toBe(
        'Alle 5 Lizenzplätze sind belegt. Versuchen Sie es erneut, sobald jemand einen freigibt, oder bitten Sie Ihren Administrator um weitere Lizenzplätze.',
      );

      const backend = backendFor(identity(1));
      const lease = await backend.seats.request(keys.floatingKey);
      clock.advance(TTL_S * 1000 + 1);
      const lost = await expectFailure(backend.seats.renew(lease), 'seat_lost');
      expect(inGerman(lost)).toMatch(/^Der Lizenzserver hält diesen Lizenzplatz nicht mehr bereit/);
    });

    it('a pasted key too long to be real, before anything is sent', async () => {
      const long = await expectFailure(
        backendFor(identity(1)).activate({ method: 'key', key: 'K'.repeat(1_500) }),
        'invalid_input',
      );
      expect(inGerman(long)).toBe(
        'Dieser Lizenzschlüssel ist 1.500 Zeichen lang, mehr als jeder echte Schlüssel (256). Prüfen Sie, was eingefügt wurde.',
      );
      expect(long.message).toBe(
        'That licence key is 1500 characters long, more than any real key (256). Check what was pasted.',
      );
    });
  });
});
