import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import {
  createMemorySecretStore,
  UndecryptableSecretError,
  type SecretStore,
} from '../../src/main/store/secret-store';
import { store } from '../../src/shared/texts/store.en';
import type { BabelSandbox } from '../../src/sandbox';
import type { ManualClock } from '../support/manual-clock';
import {
  DEMO,
  everythingOnDisk,
  openInstallation,
  startClockedSandbox,
} from '../support/core-harness';
import { inGerman, refusalInGerman } from '../support/in-german';
import { useTempDir } from '../support/temp-dir';

/** Heartbeats travel over real HTTP: under a loaded CI machine they take more than vitest's 1 s default. */
const eventually = (check: () => Promise<void> | void) =>
  vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('licence service against the Babel sandbox (real loopback HTTP)', () => {
  const tempDir = useTempDir();
  let sandbox: BabelSandbox;
  let clock: ManualClock;
  const cores: Core[] = [];
  const open = async (options: Partial<Parameters<typeof openInstallation>[0]> = {}) => {
    const installation = await openInstallation({ sandbox, clock, dataDir: tempDir(), ...options });
    cores.push(installation.core);
    return installation;
  };
  const floating = () => sandbox.poolCounts()[DEMO.floatingKey]?.floating ?? 0;

  beforeEach(async () => {
    ({ sandbox, clock } = await startClockedSandbox());
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close(500);
    await sandbox.close();
  });

  it('activates a floating licence, takes a seat, lists it, and releases it', async () => {
    const { core } = await open();
    const activated = await core.service.activate('seats', {
      method: 'key',
      key: `  ${DEMO.floatingKey} `,
    });
    expect(activated).toMatchObject({ status: 'active', mode: 'floating', maxClients: 5 });
    expect(activated.keyLabel).toBe(
      `${DEMO.floatingKey.slice(0, 2)}•••-•••••-•••••-•••${DEMO.floatingKey.slice(-2)}`,
    );

    const before = floating();
    const held = await core.service.requestSeat('seats');
    expect(held.seat.state).toBe('held');
    expect(held.seat.expiresAt).toBeGreaterThan(clock.now());
    expect(floating()).toBe(before + 1);

    const pool = await core.service.seatInfo('seats');
    const ours = pool.holders.filter((holder) => holder.isThisClient);
    expect(ours).toHaveLength(1);
    expect(ours[0]?.clientName).toBe(hostname());
    expect(pool.holders.some((holder) => holder.clientName === 'LAB-PC-07')).toBe(true);

    const released = await core.service.releaseSeat('seats');
    expect(released.seat.state).toBe('none');
    expect(floating()).toBe(before);
  });

  it('keeps the seat alive with heartbeats at the server pace', async () => {
    const { core } = await open();
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    const first = (await core.service.requestSeat('seats')).seat;
    await clock.advanceAsync(70_000);
    await eventually(async () =>
      expect((await core.service.status('seats')).seat.expiresAt).toBeGreaterThan(
        first.expiresAt ?? 0,
      ),
    );
    // Ten minutes later, far past the 2-minute token lifetime, the seat is still ours.
    for (let minute = 0; minute < 10; minute += 1) {
      await clock.advanceAsync(60_000);
      await eventually(async () =>
        expect((await core.service.status('seats')).seat.expiresAt).toBeGreaterThan(clock.now()),
      );
    }
    expect((await core.service.status('seats')).seat.state).toBe('held');
  });

  it('rides out an outage inside the grace window, then recovers without user action', async () => {
    const { core } = await open();
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    sandbox.faults.inject({ kind: 'status', status: 503 });
    await clock.advanceAsync(70_000); // the 60 s interval plus its ±10 % jitter
    await eventually(async () =>
      expect((await core.service.status('seats')).seat.state).toBe('retrying'),
    );
    const retrying = (await core.service.status('seats')).seat;
    expect(retrying.lastError?.code).toBe('server_error');

    sandbox.faults.clear();
    await clock.advanceAsync(60_000);
    await eventually(async () =>
      expect((await core.service.status('seats')).seat.state).toBe('held'),
    );
  });

  it('retakes a seat that lapsed during a long outage once the network returns', async () => {
    const { core } = await open();
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    const before = floating();
    sandbox.faults.inject({ kind: 'reset' });
    await clock.advanceAsync(10 * 60_000); // token lifetime 2 min + grace 5 min have passed
    await eventually(async () =>
      expect((await core.service.status('seats')).seat.state).toBe('lost'),
    );
    expect(floating()).toBe(before - 1); // the server took the seat back

    sandbox.faults.clear();
    await clock.advanceAsync(90_000);
    await eventually(async () =>
      expect((await core.service.status('seats')).seat.state).toBe('held'),
    );
    expect(floating()).toBe(before);
  });

  it('gives every seat back on close, bounded in time', async () => {
    const { core } = await open();
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    const held = floating();
    cores.splice(cores.indexOf(core), 1);
    const outcome = await core.close(2_000);
    expect(outcome?.released).toEqual(['seats']);
    expect(floating()).toBe(held - 1);
  });

  it('reports pool exhaustion to the second machine without losing its activation', async () => {
    const a = await open({ machine: 'machine-a' });
    const b = await open({ machine: 'machine-b' });
    await a.core.service.activate('seats', { method: 'key', key: DEMO.singleSeatKey });
    await b.core.service.activate('seats', { method: 'key', key: DEMO.singleSeatKey });
    await a.core.service.requestSeat('seats');
    await expect(b.core.service.requestSeat('seats')).rejects.toMatchObject({
      code: 'seat_unavailable',
      message: expect.stringMatching(/seat/),
    });
    expect((await b.core.service.status('seats')).status).toBe('active');
    await a.core.service.releaseSeat('seats');
    expect((await b.core.service.requestSeat('seats')).seat.state).toBe('held');
  });

  it('refuses a wrong key with invalid_key and stores nothing', async () => {
    const { core, secrets } = await open();
    await expect(
      core.service.activate('seats', { method: 'key', key: 'WRONG-WRONG-WRONG-WRONG' }),
    ).rejects.toMatchObject({
      code: 'invalid_key',
    });
    expect((await core.service.status('seats')).status).toBe('inactive');
    expect(await secrets.get('licence-key:seats')).toBeUndefined();
  });

  it('will not replace an activated key with another one, so the first is never stranded', async () => {
    const { core, secrets } = await open();
    await core.service.activate('seats', { method: 'key', key: DEMO.activationKey });
    await expect(
      core.service.activate('seats', { method: 'key', key: DEMO.floatingKey }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Deactivate it first/),
    });
    expect(await core.service.status('seats')).toMatchObject({
      status: 'active',
      mode: 'activation',
    });
    expect(await secrets.get('licence-key:seats')).toBe(DEMO.activationKey);
    expect(
      (await core.service.activate('seats', { method: 'key', key: DEMO.activationKey })).status,
    ).toBe('active'); // the same key again is fine
  });

  it('contacts no server when the secret store cannot keep the key', async () => {
    const broken = {
      ...createMemorySecretStore(),
      set: async () => Promise.reject(new LicensingError('secret_store', 'No keyring.')),
    };
    const { core } = await open({ secrets: broken });
    const before = sandbox.poolCounts()[DEMO.activationKey]?.activation ?? 0;
    await expect(
      core.service.activate('seats', { method: 'key', key: DEMO.activationKey }),
    ).rejects.toMatchObject({
      code: 'secret_store',
    });
    expect(sandbox.poolCounts()[DEMO.activationKey]?.activation ?? 0).toBe(before);
  });

  it('marks revoked and expired licences and refuses them', async () => {
    const { core } = await open();
    await expect(
      core.service.activate('seats', { method: 'key', key: DEMO.revokedKey }),
    ).rejects.toMatchObject({
      code: 'license_revoked',
    });
    await expect(
      core.service.activate('seats', { method: 'key', key: DEMO.expiredKey }),
    ).rejects.toMatchObject({
      code: 'license_expired',
    });
    expect((await core.service.status('seats')).status).toBe('inactive');
  });

  it('activates and deactivates a machine-bound licence', async () => {
    const { core, secrets } = await open();
    const counts = () => sandbox.poolCounts()[DEMO.activationKey]?.activation ?? 0;
    const before = counts();
    expect(
      await core.service.activate('seats', { method: 'key', key: DEMO.activationKey }),
    ).toMatchObject({
      status: 'active',
      mode: 'activation',
      maxClients: 3,
    });
    expect(counts()).toBe(before + 1);
    expect(await secrets.get('activation-token:seats')).toMatch(/^actk_/);
    expect((await core.service.deactivate('seats')).status).toBe('inactive');
    expect(counts()).toBe(before);
    expect(await secrets.get('activation-token:seats')).toBeUndefined();
    expect(await secrets.get('licence-key:seats')).toBeUndefined();
  });

  it('picks up a held seat after a restart and renews it at once', async () => {
    const dataDir = tempDir();
    const first = await open({ dataDir });
    await first.core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    const held = (await first.core.service.requestSeat('seats')).seat;
    cores.splice(cores.indexOf(first.core), 1);
    // A crash: no release. The same installation starts again with the same secrets.
    const second = await open({ dataDir, secrets: first.secrets });
    await eventually(async () =>
      expect(
        (await second.core.service.status('seats')).seat.lastHeartbeatAt,
      ).toBeGreaterThanOrEqual(held.lastHeartbeatAt ?? 0),
    );
    expect((await second.core.service.status('seats')).seat.state).toBe('held');
    expect(
      (await second.core.service.seatInfo('seats')).holders.filter((holder) => holder.isThisClient),
    ).toHaveLength(1);
  });

  it('writes no key, token or raw machine id to disk', async () => {
    const { core, secrets, dataDir } = await open({ machine: 'raw-machine-id-123' });
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    const token = await secrets.get('seat-token:seats');
    expect(token).toMatch(/^fltk_/);
    const disk = everythingOnDisk(dataDir);
    expect(disk).toContain('"seats"');
    for (const secret of [
      DEMO.floatingKey,
      token ?? 'missing',
      sandbox.apiKey,
      'raw-machine-id-123',
    ])
      expect(disk).not.toContain(secret);
  });

  it('says in German why it refuses a second licence, or has nothing to deactivate', async () => {
    const { core } = await open();
    expect(await refusalInGerman(core.service.deactivate('seats'))).toBe(
      'Hier ist nichts aktiviert, daher gibt es nichts zu deaktivieren.',
    );
    const { keyLabel } = await core.service.activate('seats', {
      method: 'key',
      key: DEMO.floatingKey,
    });
    expect(
      await refusalInGerman(
        core.service.activate('seats', { method: 'key', key: DEMO.activationKey }),
      ),
    ).toBe(
      `Dieser Computer verwendet hier bereits die Lizenz ${keyLabel ?? ''}. Deaktivieren Sie sie zuerst, um auf anderem Weg zu aktivieren.`,
    );
    expect(await refusalInGerman(core.service.status('nowhere'))).toBe(
      'Die Konfiguration enthält kein Lizenzprofil „nowhere“.',
    );
    expect(await refusalInGerman(Promise.reject(new Error('a bug')))).toBe(
      'Im Lizenzmanager ist etwas schiefgelaufen. Bitte melden Sie diesen Fehler.',
    );
  });

  it('says in German that a seat lapsed while nothing sent heartbeats (the CLI)', async () => {
    const { core } = await open({ keepAlive: false });
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    clock.advance(121_000);
    const { seat } = await core.service.status('seats');
    expect(seat.state).toBe('lost');
    expect(seat.lastError?.message).toBe(
      'The seat lapsed because no heartbeat reached the server in time. Request a seat again.',
    );
    expect(inGerman(seat.lastError)).toBe(
      'Die Belegung des Lizenzplatzes ist abgelaufen, weil kein Lebenszeichen rechtzeitig beim Server ankam. Fordern Sie erneut einen Lizenzplatz an.',
    );
  });

  describe('races (never a seat nobody holds)', () => {
    it('a heartbeat still in flight when the seat is released does not take it back', async () => {
      const { core } = await open();
      await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      const before = floating();
      await core.service.requestSeat('seats');
      sandbox.faults.inject({ kind: 'latency', ms: 300, path: '/v1/license/heartbeat' });
      const renewing = core.service.renewSeat('seats').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await core.service.releaseSeat('seats');
      await renewing;
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await core.service.status('seats')).seat.state).toBe('none');
      expect(floating()).toBe(before);
    });

    it('a seat released from the command line while the app runs is not retaken', async () => {
      const dataDir = tempDir();
      const app = await open({ dataDir });
      const cli = await open({ dataDir, secrets: app.secrets, keepAlive: false });
      await app.core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      const before = floating();
      await app.core.service.requestSeat('seats');
      await cli.core.service.releaseSeat('seats');
      expect(floating()).toBe(before);
      await clock.advanceAsync(70_000); // the 60 s interval plus its ±10 % jitter
      await eventually(async () =>
        expect((await app.core.service.status('seats')).seat.state).toBe('none'),
      );
      expect(floating()).toBe(before);
      // And what the CLI wrote is still there: the app did not write back a stale copy.
      expect((await cli.core.service.status('seats')).status).toBe('active');
    });

    it('a seat request still in flight when the app quits is given back', async () => {
      const { core } = await open();
      await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      const before = floating();
      sandbox.faults.inject({ kind: 'latency', ms: 300, path: '/v1/license/request' });
      const requesting = core.service.requestSeat('seats');
      await new Promise((resolve) => setTimeout(resolve, 50));
      cores.splice(cores.indexOf(core), 1);
      await core.close(2_000);
      await expect(requesting).rejects.toMatchObject({ message: expect.stringMatching(/closing/) });
      expect(floating()).toBe(before);
    });

    it('keeps a key the keyring can no longer decrypt until the licence is deactivated, then activates anew', async () => {
      // A replaced keyring: what was stored before cannot be decrypted, what is stored after can.
      const inner = createMemorySecretStore();
      const undecryptable = new Set<string>();
      const secrets: SecretStore = {
        ...inner,
        get: async (name) => {
          if (undecryptable.has(name)) throw new UndecryptableSecretError(new Error('bad key'));
          return inner.get(name);
        },
        set: async (name, value) => {
          undecryptable.delete(name);
          await inner.set(name, value);
        },
        delete: async (name) => {
          undecryptable.delete(name);
          await inner.delete(name);
        },
      };
      const { core } = await open({ secrets });
      await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      for (const name of inner.entries.keys()) undecryptable.add(name);

      // Kept, and said, on every use: a locked keyring would open again.
      await expect(core.service.requestSeat('seats')).rejects.toMatchObject({
        code: 'secret_store',
        message: expect.stringMatching(/deactivate the licence here and activate it again/),
      });
      expect(inner.entries.has('licence-key:seats')).toBe(true);
      // Deactivating is the way out the message gives, and then the licence activates anew.
      expect((await core.service.deactivate('seats')).status).toBe('inactive');
      expect(inner.entries.has('licence-key:seats')).toBe(false);
      const again = await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      expect(again.status).toBe('active');
    });

    it('stops a deactivation while the keyring cannot be used, and keeps the licence and its key', async () => {
      const inner = createMemorySecretStore();
      let locked = false;
      const secrets: SecretStore = {
        ...inner,
        get: async (name) => {
          if (locked) throw new LicensingError('secret_store', store.secureStorageUnavailable());
          return inner.get(name);
        },
      };
      const { core } = await open({ secrets });
      await core.service.activate('seats', { method: 'key', key: DEMO.activationKey });
      locked = true;
      await expect(core.service.deactivate('seats')).rejects.toMatchObject({
        code: 'secret_store',
      });
      locked = false;
      expect((await core.service.status('seats')).status).toBe('active');
      expect(inner.entries.get('licence-key:seats')).toBe(DEMO.activationKey);
    });

    it('forgets a seat whose token the keyring lost, and deactivates a licence the vendor deleted', async () => {
      const { core, secrets } = await open();
      await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      await core.service.requestSeat('seats');
      await secrets.delete('seat-token:seats');
      expect((await core.service.releaseSeat('seats')).seat.state).toBe('none');
      expect((await core.service.deactivate('seats')).status).toBe('inactive');
    });
  });
});
