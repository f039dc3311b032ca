import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { AppError } from '../../src/shared/errors';
import type { Text } from '../../src/shared/text';
import {
  licenseSpringDemo,
  startLicenseSpringSandbox,
  type LicenseSpringSandbox,
} from '../../src/sandbox/licensespring/server';
import { licenseSpringConfigFor, openInstallation } from '../support/core-harness';
import { formatsDe, inGerman } from '../support/in-german';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

const demo = licenseSpringDemo();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 23, 9);

/** The sandbox's back-office view (GET /__sandbox/state), only the fields these tests read. */
interface SandboxState {
  licenses: {
    license_key: string | null;
    floating: { in_use: number } | null;
    features: { code: string; floating: { in_use: number } | null }[];
  }[];
}

describe('LicenseSpring through the core: details, floating keep-alive, features, consumption', () => {
  const tempDir = useTempDir();
  let sandbox: LicenseSpringSandbox;
  let clock: ManualClock;
  const cores: Core[] = [];

  const configFor = (allowConsumption = true) => licenseSpringConfigFor(sandbox, allowConsumption);
  const open = async (
    options: { keepAlive?: boolean; machine?: string; dataDir?: string } = {},
  ) => {
    const installation = await openInstallation({
      clock,
      dataDir: options.dataDir ?? tempDir(),
      config: configFor(),
      keepAlive: options.keepAlive ?? true,
      machine: options.machine,
    });
    cores.push(installation.core);
    return installation.core;
  };
  const sandboxState = async (): Promise<SandboxState> =>
    (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as SandboxState;
  const licenceOf = async (key: string) =>
    (await sandboxState()).licenses.find((licence) => licence.license_key === key);
  const floatingInUse = async (key: string) => (await licenceOf(key))?.floating?.in_use;
  const featureInUse = async (key: string, code: string) =>
    (await licenceOf(key))?.features.find((feature) => feature.code === code)?.floating?.in_use;
  /** Lets the scheduler's renew (real HTTP) finish after a timer fired. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

  beforeEach(async () => {
    clock = createManualClock(T0);
    sandbox = await startLicenseSpringSandbox({ clock });
  });
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close(1_000);
    await sandbox.close();
  });

  it('activates a node-locked key and shows its terms and features, checked locally as valid', async () => {
    const core = await open({ keepAlive: false });
    const view = await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    expect(view.status).toBe('active');
    const details = await core.licenseSpring.details('ls');
    expect(details.activations.used).toBeGreaterThanOrEqual(1);
    expect(details.localCheck.state).toBe('valid');
    expect(details.features.map((feature) => feature.code)).toEqual(
      expect.arrayContaining([demo.features.activation, demo.features.consumption]),
    );
    expect(JSON.stringify(details)).not.toContain(demo.nodeLockedKey);
  });

  it('notices a clock moved backwards between server checks, and the next server check clears it', async () => {
    const core = await open({ keepAlive: false });
    await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    await core.licenseSpring.details('ls');
    clock.setSystemTime(clock.now() + 3 * 24 * 60 * MINUTE);
    expect((await core.licenseSpring.details('ls')).localCheck.state).toBe('valid');
    clock.setSystemTime(clock.now() - 2 * 24 * 60 * MINUTE);
    expect((await core.licenseSpring.details('ls')).localCheck.state).toBe('clock_moved_back');
    // The server's Date (the sandbox shares this clock) agrees with it: the mark left while the
    // clock ran ahead is cleared by the next server check.
    expect((await core.licenseSpring.details('ls', true)).localCheck.state).toBe('valid');
  });

  it('keeps a floating slot alive at half the floating timeout, and gives it back on quit', async () => {
    const core = await open();
    await core.service.activate('ls', { method: 'key', key: demo.floatingKey });
    const details = await core.licenseSpring.details('ls', true);
    expect(details.floating).toMatchObject({ held: true, inUse: 1 });
    const timeout = details.floating?.timeoutMinutes ?? 0;
    expect(timeout).toBeGreaterThan(0);

    // Well past the timeout in steps of a quarter: the slot never lapses while the app runs.
    for (let step = 0; step < 8; step += 1) {
      await clock.advanceAsync((timeout * MINUTE) / 4);
      await settle();
    }
    expect(await floatingInUse(demo.floatingKey)).toBe(1);
    expect((await core.licenseSpring.details('ls')).floating?.held).toBe(true);

    const outcome = await core.close(2_000);
    cores.splice(cores.indexOf(core), 1);
    expect(outcome?.released).toContain('ls-licence:ls');
    expect(await floatingInUse(demo.floatingKey)).toBe(0);
  });

  it('keeps a borrowed slot when the app quits: a borrow is for when it is not running', async () => {
    const core = await open();
    await core.service.activate('ls', { method: 'key', key: demo.floatingKey });
    const borrowed = await core.licenseSpring.borrow('ls');
    expect(borrowed.floating?.borrowedUntil).toBeGreaterThan(clock.now());
    await core.close(2_000);
    cores.splice(cores.indexOf(core), 1);
    expect(await floatingInUse(demo.floatingKey)).toBe(1);
  });

  it('does not bring back a licence deactivated while a check was in flight', async () => {
    const core = await open();
    await core.service.activate('ls', { method: 'key', key: demo.floatingKey });
    await core.licenseSpring.details('ls', true);
    // The server answered "active", but the answer arrives after the person deactivated.
    const late = core.service.checkWith('ls', async () => {
      await core.service.deactivate('ls');
      return { licenseId: '1', mode: 'activation', activeClients: 1, maxClients: 3 };
    });
    await expect(late).rejects.toMatchObject({ code: 'not_activated' });
    expect((await core.service.status('ls')).status).toBe('inactive');
    await expect(core.licenseSpring.details('ls')).rejects.toMatchObject({ code: 'not_activated' });
  });

  it('takes a floating feature slot, keeps it, and releases it on request', async () => {
    const core = await open();
    await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    const checked = await core.licenseSpring.checkFeature('ls', demo.features.floating);
    const feature = checked.features.find((f) => f.code === demo.features.floating);
    expect(feature?.floating).toMatchObject({ held: true, inUse: 1 });

    await clock.advanceAsync((feature?.floating?.timeoutMinutes ?? 0) * MINUTE * 0.6);
    await settle();
    await clock.advanceAsync((feature?.floating?.timeoutMinutes ?? 0) * MINUTE * 0.6);
    await settle();
    expect(await featureInUse(demo.nodeLockedKey, demo.features.floating)).toBe(1);

    const released = await core.licenseSpring.releaseFeature('ls', demo.features.floating);
    expect(
      released.features.find((f) => f.code === demo.features.floating)?.floating,
    ).toMatchObject({ held: false, inUse: 0 });
  });

  it('records consumption and moves the meter; over the limit it is refused and the meter stays', async () => {
    const core = await open({ keepAlive: false });
    await core.service.activate('ls', { method: 'key', key: demo.consumptionKey });
    const before = await core.licenseSpring.details('ls', true);
    const start = before.consumption?.total ?? 0;
    const after = await core.licenseSpring.consume('ls', 5);
    expect(after.consumption?.total).toBe(start + 5);

    const limit = (after.consumption?.max ?? 0) + (after.consumption?.maxOverages ?? 0);
    await expect(core.licenseSpring.consume('ls', limit)).rejects.toMatchObject({
      code: 'seat_unavailable',
    });
    expect((await core.licenseSpring.details('ls')).consumption?.total).toBe(start + 5);
  });

  it('refuses to record consumption when the vendor does not allow it from the app', async () => {
    const installation = await openInstallation({
      clock,
      dataDir: tempDir(),
      config: configFor(false),
      keepAlive: false,
    });
    cores.push(installation.core);
    await installation.core.service.activate('ls', { method: 'key', key: demo.consumptionKey });
    await expect(installation.core.licenseSpring.consume('ls', 1)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('starts a trial from the product settings and shows it as a trial', async () => {
    const core = await open({ keepAlive: false });
    const product = await core.licenseSpring.product('ls');
    expect(product.allowTrial).toBe(true);
    const view = await core.licenseSpring.startTrial('ls');
    expect(view.status).toBe('active');
    expect((await core.licenseSpring.details('ls')).isTrial).toBe(true);
  });

  it('forgets the details on deactivation and gives the activation back to the server', async () => {
    const core = await open({ keepAlive: false });
    await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    const used = (await core.licenseSpring.details('ls', true)).activations.used;
    await core.service.deactivate('ls');
    await expect(core.licenseSpring.details('ls')).rejects.toMatchObject({ code: 'not_activated' });
    const other = await open({ keepAlive: false, machine: 'machine-b' });
    await other.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    expect((await other.licenseSpring.details('ls', true)).activations.used).toBe(used);
  });

  it('keeps the stored licence intact when the server answers with a tampered signature', async () => {
    const core = await open({ keepAlive: false });
    await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
    const before = await core.licenseSpring.details('ls', true);
    await fetch(`${sandbox.url}/__sandbox/tamper`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ times: 1, what: 'body' }),
    });
    await expect(core.licenseSpring.details('ls', true)).rejects.toMatchObject({
      code: 'tampered',
    });
    const after = await core.licenseSpring.details('ls');
    expect(after.checkedAt).toBe(before.checkedAt);
    expect((await core.service.status('ls')).status).toBe('active');
  });

  describe('in German, as the renderer receives it over the IPC dispatcher', () => {
    /** A node-locked licence activated here; a request as the renderer sends it. */
    const activated = async () => {
      const core = await open({ keepAlive: false });
      await core.service.activate('ls', { method: 'key', key: demo.nodeLockedKey });
      const call = (channel: string, payload: unknown) => core.dispatch(channel, payload);
      const refusal = async (channel: string, payload: unknown): Promise<AppError> => {
        const result = await call(channel, payload);
        if (result.ok) throw new Error(`${channel} was expected to fail`);
        return result.error;
      };
      return { call, refusal };
    };

    it('a feature borrowed past what the vendor allows', async () => {
      const { refusal } = await activated();
      const error = await refusal('licensespring:feature-borrow', {
        profileId: 'ls',
        feature: demo.features.floating,
        until: new Date(T0 + 20 * HOUR).toISOString(),
      });
      expect(error.code).toBe('invalid_input');
      expect(inGerman(error)).toMatch(
        /^LicenseSpring hat das Ende der Ausleihe der Funktion „cad-viewer“ dieser Lizenz abgelehnt: Es liegt weiter in der Zukunft, als der Anbieter eine Ausleihe erlaubt\. .* \(Der Server meldete: „.+“\)$/,
      );
    });

    it('the local check: a clock moved back, with the last server check in German dates', async () => {
      const { call } = await activated();
      await call('licensespring:details', { profileId: 'ls', refresh: true });
      clock.setSystemTime(T0 - 2 * DAY);
      const result = await call('licensespring:details', { profileId: 'ls' });
      if (!result.ok) throw new Error(result.error.message);
      const { localCheck } = result.value as { localCheck: { state: string; text?: Text } };
      expect(localCheck.state).toBe('clock_moved_back');
      expect(inGerman(localCheck)).toBe(
        `Die Uhr dieses Computers zeigt eine Zeit, die 2 Tage vor einem Zeitpunkt liegt, den diese App bereits gesehen hat; daher kann die Lizenz hier nicht geprüft werden (der Server hat sie zuletzt am ${formatsDe.instant(T0)} bestätigt). Stellen Sie Datum und Uhrzeit richtig ein (am besten automatisch) und prüfen Sie die Lizenz dann erneut beim Server.`,
      );
      expect(formatsDe.instant(T0)).toMatch(/^2[23]\.11\.2026, \d\d:\d\d$/);
    });

    it('an offline request while a licence is active here', async () => {
      const { refusal } = await activated();
      const error = await refusal('offline:request', { profileId: 'ls', key: demo.floatingKey });
      expect(error.code).toBe('invalid_input');
      expect(inGerman(error)).toMatch(
        /^Dieser Computer verwendet hier bereits die Lizenz \S+\. Deaktivieren Sie sie zuerst\.$/,
      );
    });
  });
});
