import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import {
  licenseSpringDemo,
  startLicenseSpringSandbox,
  type LicenseSpringSandbox,
} from '../../src/sandbox/licensespring/server';
import { licenseSpringConfigFor, openInstallation } from '../support/core-harness';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

const demo = licenseSpringDemo();
const DAY = 86_400_000;

/** The sandbox as LicenseSpring's offline portal: a request file in, a licence file out. */
const portal = async (sandbox: LicenseSpringSandbox, route: string, text: string) => {
  const answer = await fetch(`${sandbox.url}/api/v4/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: text,
  });
  expect(answer.status, await answer.clone().text()).toBe(200);
  return answer.text();
};

describe('LicenseSpring offline activation through the core', () => {
  const tempDir = useTempDir();
  let sandbox: LicenseSpringSandbox;
  let clock: ManualClock;
  let core: Core;

  const config = () => licenseSpringConfigFor(sandbox, false);

  beforeEach(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 23, 9));
    sandbox = await startLicenseSpringSandbox({ clock });
    ({ core } = await openInstallation({ clock, dataDir: tempDir(), config: config() }));
  });
  afterEach(async () => {
    await core.close(1_000);
    await sandbox.close();
  });

  const activateOffline = async () => {
    const request = await core.lsOffline.request('ls', demo.consumptionKey);
    expect(request.fileName).toMatch(/^lmpro-activation-request-2026-11-23\.req$/);
    expect(request.qrCodes.length).toBeGreaterThanOrEqual(1);
    return core.lsOffline.activate('ls', await portal(sandbox, 'activate_offline', request.text));
  };

  it('activates from the portal file, without the periodic server check', async () => {
    const view = await activateOffline();
    expect(view.status).toBe('active');
    const details = await core.licenseSpring.details('ls');
    expect(details).toMatchObject({ activatedOffline: true, licenseType: 'consumption' });
    expect(details.localCheck.state).toBe('valid');
    // No hourly check is scheduled for a computer that may never reach the server.
    expect(clock.pendingTimers()).toEqual([]);
    // A second request while a licence is active here is refused: one licence per profile.
    expect((await licensingFailure(core.lsOffline.request('ls', demo.nodeLockedKey))).code).toBe(
      'invalid_input',
    );
  });

  it('a clock moved back suspends the offline licence until it is right again', async () => {
    await activateOffline();
    clock.setSystemTime(clock.now() + 5 * DAY);
    expect((await core.licenseSpring.details('ls')).localCheck.state).toBe('valid');
    clock.setSystemTime(clock.now() - 3 * DAY);
    const moved = await core.licenseSpring.details('ls');
    expect(moved.localCheck.state).toBe('clock_moved_back');
    expect(moved.localCheck.message).toMatch(/3 days behind/);
    clock.setSystemTime(clock.now() + 3 * DAY);
    expect((await core.licenseSpring.details('ls')).localCheck.state).toBe('valid');
  });

  it('a check with the server clears a clock mark and resumes the periodic checks', async () => {
    await activateOffline();
    clock.setSystemTime(clock.now() + 5 * DAY);
    await core.licenseSpring.details('ls');
    // The clock had run 5 days ahead; set right, the licence is suspended until…
    clock.setSystemTime(clock.now() - 5 * DAY);
    expect((await core.licenseSpring.details('ls')).localCheck.state).toBe('clock_moved_back');
    // …the server, whose Date agrees with this clock, confirms the time.
    const checked = await core.licenseSpring.details('ls', true);
    expect(checked.activatedOffline).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await core.licenseSpring.details('ls')).localCheck.state).toBe('valid');
    expect(clock.pendingTimers().length).toBeGreaterThan(0);
  });

  it('deactivates offline: forgotten here, freed at the portal by the file it gives', async () => {
    await activateOffline();
    const file = await core.lsOffline.deactivate('ls');
    expect(file.fileName).toContain('deactivation-request');
    expect((await core.service.status('ls')).status).toBe('inactive');
    expect(await portal(sandbox, 'deactivate_offline', file.text)).toBe('"license_deactivated"');
    // Freed at the portal: the key activates again, here or elsewhere.
    expect((await activateOffline()).status).toBe('active');
  });

  it('refuses a licence file for another computer and keeps nothing', async () => {
    const other = await openInstallation({
      clock,
      dataDir: tempDir(),
      config: config(),
      machine: 'machine-b',
    });
    const request = await other.core.lsOffline.request('ls', demo.consumptionKey);
    const theirs = await portal(sandbox, 'activate_offline', request.text);
    await other.core.close(1_000);
    const failure = await licensingFailure(core.lsOffline.activate('ls', theirs));
    expect(failure.code).toBe('wrong_machine');
    expect((await core.service.status('ls')).status).toBe('inactive');
  });
});
