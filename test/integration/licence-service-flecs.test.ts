import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/main/core';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import { flecsDemo, startFlecsSandbox, type FlecsSandbox } from '../../src/sandbox/flecs/server';
import { everythingOnDisk, openInstallation } from '../support/core-harness';
import { revokeFlecsLicence } from '../support/flecs-sandbox';
import { inGerman, refusalInGerman } from '../support/in-german';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

const demo = flecsDemo();

describe('FLECS device licences through the licence service (real loopback HTTP)', () => {
  const tempDir = useTempDir();
  let sandbox: FlecsSandbox;
  let clock: ManualClock;
  const cores: Core[] = [];

  const configFor = (serialNumber?: string): VendorConfig => ({
    productName: 'Test product',
    productId: 'test-product',
    demo: false,
    allowWeakSecretStore: false,
    profiles: [
      {
        id: 'flecs',
        kind: 'flecs',
        label: 'FLECS',
        baseUrl: sandbox.url,
        serialNumber,
        timeoutMs: 2_000,
      },
    ],
  });
  const open = async (serialNumber?: string, keepAlive = false) => {
    const installation = await openInstallation({
      clock,
      dataDir: tempDir(),
      config: configFor(serialNumber),
      keepAlive,
    });
    cores.push(installation.core);
    return installation;
  };

  beforeEach(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 23, 9));
    sandbox = await startFlecsSandbox({ clock, sessionTtlSeconds: 60, sessionGraceSeconds: 30 });
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close(500);
    await sandbox.close();
  });

  it('offers key and account activation, and serial where the vendor configured one', async () => {
    expect((await open()).core.service.profiles()[0]?.activationMethods).toEqual([
      'key',
      'account',
    ]);
    expect((await open('FLX-1')).core.service.profiles()[0]?.activationMethods).toEqual([
      'key',
      'account',
      'serial',
    ]);
  });

  it('activates with a licence key and keeps the rotating session in the secret store', async () => {
    const { core, secrets, dataDir } = await open();
    const view = await core.service.activate('flecs', { method: 'key', key: demo.licenseKey });
    expect(view).toMatchObject({ status: 'active', mode: 'activation', maxClients: 1 });
    const session = await secrets.get('flecs-session:flecs');
    expect(session).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    expect((await core.service.validate('flecs')).status).toBe('active');
    const disk = everythingOnDisk(dataDir);
    for (const secret of [demo.licenseKey, session ?? 'missing'])
      expect(disk).not.toContain(secret);
  });

  it('follows the session id the console rotates, across its grace window', async () => {
    const { core, secrets } = await open();
    await core.service.activate('flecs', { method: 'key', key: demo.licenseKey });
    const first = await secrets.get('flecs-session:flecs');
    clock.advance(61_000);
    expect((await core.service.validate('flecs')).status).toBe('active');
    const second = await secrets.get('flecs-session:flecs');
    expect(second).not.toBe(first);
    clock.advance(10 * 60_000); // far past the old id's grace: only the new one works now
    expect((await core.service.validate('flecs')).status).toBe('active');
  });

  it("activates with the user's account and keeps the licence key the console issued", async () => {
    const { core, secrets } = await open();
    const before = sandbox.userLicences()[demo.username] ?? 0;
    const view = await core.service.activate('flecs', {
      method: 'account',
      username: demo.username,
      password: demo.password,
    });
    expect(view.status).toBe('active');
    expect(sandbox.userLicences()[demo.username]).toBe(before - 1);
    const issued = await secrets.get('licence-key:flecs');
    expect(issued).toBeTruthy();
    expect(sandbox.devices().some((device) => device.licenseKey === issued && device.active)).toBe(
      true,
    );
    expect(view.keyLabel).not.toContain(issued ?? 'missing');
  });

  it('refuses a wrong password without storing anything', async () => {
    const { core, secrets } = await open();
    await expect(
      core.service.activate('flecs', {
        method: 'account',
        username: demo.username,
        password: 'wrong',
      }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect((await core.service.status('flecs')).status).toBe('inactive');
    expect(await secrets.get('flecs-session:flecs')).toBeUndefined();
  });

  it('activates by the configured device serial number', async () => {
    const { core } = await open(demo.serialNumber);
    expect((await core.service.activate('flecs', { method: 'serial' })).status).toBe('active');
  });

  it('shows a licence the console no longer accepts as invalid, with the reason, not as an error', async () => {
    const { core } = await open();
    await core.service.activate('flecs', { method: 'key', key: demo.licenseKey });
    await revokeFlecsLicence(sandbox, demo.licenseKey);
    const view = await core.service.validate('flecs');
    expect(view.status).toBe('invalid');
    expect(view.statusReason).toMatch(/\w/);
  });

  it('keeps in German why a revoked licence is invalid, also after a restart', async () => {
    const first = await open();
    await first.core.service.activate('flecs', { method: 'key', key: demo.licenseKey });
    await revokeFlecsLicence(sandbox, demo.licenseKey);
    const view = await first.core.service.validate('flecs');
    expect(view.status).toBe('invalid');
    expect(view.statusReason).toMatch(/^The FLECS console reports that this device's licence/);
    const expected =
      'Laut FLECS-Konsole ist die Lizenz dieses Geräts ungültig (sie ist womöglich abgelaufen oder wurde widerrufen). Aktivieren Sie das Gerät erneut, oder wenden Sie sich an Ihren Administrator.';
    expect(inGerman(view.statusReasonText)).toBe(expected);

    const again = await openInstallation({
      clock,
      dataDir: first.dataDir,
      config: configFor(),
      keepAlive: false,
      secrets: first.secrets,
    });
    cores.push(again.core);
    expect(inGerman((await again.core.service.status('flecs')).statusReasonText)).toBe(expected);
    expect(await refusalInGerman(again.core.service.requestSeat('flecs'))).toBe(
      'Das Lizenzprofil „flecs“ hat keine Floating-Lizenzplätze.',
    );
  });

  it('will not activate a second way over an activation; after deactivating, the same key activates again', async () => {
    const { core, secrets } = await open();
    await core.service.activate('flecs', { method: 'key', key: demo.licenseKey });
    await expect(
      core.service.activate('flecs', {
        method: 'account',
        username: demo.username,
        password: demo.password,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await core.service.deactivate('flecs')).status).toBe('inactive');
    expect(await secrets.get('licence-key:flecs')).toBeUndefined();
    // The device keeps its identity at FLECS, so its own key is recognised, not refused as taken.
    expect(
      (await core.service.activate('flecs', { method: 'key', key: demo.licenseKey })).status,
    ).toBe('active');
  });

  it('signing in again on an active device spends no second licence', async () => {
    const { core } = await open();
    await core.service.activate('flecs', {
      method: 'account',
      username: demo.username,
      password: demo.password,
    });
    const after = sandbox.userLicences()[demo.username];
    await core.service.deactivate('flecs');
    await core.service.activate('flecs', {
      method: 'account',
      username: demo.username,
      password: demo.password,
    });
    expect(sandbox.userLicences()[demo.username]).toBe(after);
  });

  it('re-checks the licence hourly while the app runs: a revocation shows without any user action', async () => {
    const { core } = await open(undefined, true);
    await core.service.activate('flecs', { method: 'key', key: demo.licenseKey });
    await revokeFlecsLicence(sandbox, demo.licenseKey);
    await clock.advanceAsync(30 * 60_000);
    expect((await core.service.status('flecs')).status).toBe('active'); // not yet due
    await clock.advanceAsync(40 * 60_000); // the hour plus its ±10 % jitter
    await vi.waitFor(
      async () => expect((await core.service.status('flecs')).status).toBe('invalid'),
      { timeout: 10_000 },
    );
  });
});
