import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import type { Core } from '../../src/main/core';
import {
  enirisDemo,
  startEnirisSandbox,
  type EnirisSandbox,
} from '../../src/sandbox/eniris/server';
import { toAppError } from '../../src/main/licensing/licensing-error';
import { appErrorSchema } from '../../src/shared/errors';
import { everythingOnDisk, openInstallation } from '../support/core-harness';
import { inGerman } from '../support/in-german';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

const demo = enirisDemo();

/**
 * Eniris licences through the core over real loopback HTTP; its refusals also as the screens
 * receive them, an AppError the IPC contract accepts whose text renders in German.
 */
describe('Eniris licences through the core (real loopback HTTP)', () => {
  const tempDir = useTempDir();
  let sandbox: EnirisSandbox;
  let clock: ManualClock;
  let core: Core;
  let secrets: Awaited<ReturnType<typeof openInstallation>>['secrets'];
  let dataDir: string;

  beforeEach(async () => {
    clock = createManualClock(Date.UTC(2026, 10, 23, 9));
    sandbox = await startEnirisSandbox({ clock });
    const config: VendorConfig = {
      productName: 'Test product',
      productId: 'test-product',
      demo: false,
      allowWeakSecretStore: false,
      profiles: [
        {
          id: 'eniris',
          kind: 'eniris',
          label: 'Eniris',
          authUrl: sandbox.url,
          apiUrl: sandbox.url,
          timeoutMs: 2_000,
        },
      ],
    };
    ({ core, secrets, dataDir } = await openInstallation({
      clock,
      dataDir: tempDir(),
      config,
      keepAlive: false,
    }));
  });
  afterEach(async () => {
    await core.close(500);
    await sandbox.close();
  });

  it('is listed as a profile with nothing to activate on this computer', () => {
    expect(core.service.profiles()).toEqual([
      expect.objectContaining({ id: 'eniris', kind: 'eniris', activationMethods: [] }),
    ]);
  });

  it('signs in, keeps only a refresh token (in the secret store), and signs out', async () => {
    expect(await core.eniris.account('eniris')).toEqual({ profileId: 'eniris', signedIn: false });
    const account = await core.eniris.signIn('eniris', demo.username, demo.password);
    expect(account).toMatchObject({ signedIn: true, username: demo.username });
    const stored = await secrets.get('eniris-refresh-token:eniris');
    expect(stored).toMatch(/"token"/);
    expect(stored).not.toContain(demo.password);
    expect(everythingOnDisk(dataDir)).not.toContain(JSON.parse(stored ?? '{}').token);
    expect((await core.eniris.signOut('eniris')).signedIn).toBe(false);
    expect(await secrets.get('eniris-refresh-token:eniris')).toBeUndefined();
  });

  it('activates a key, claims it for a controller and lists it with its capacities', async () => {
    await core.eniris.signIn('eniris', demo.username, demo.password);
    const activated = await core.eniris.activate('eniris', demo.freeKey);
    expect(activated.state).toBe('active');
    expect(activated.expiresAt).toBe(
      (activated.activatedAt ?? 0) + activated.durationDays * 86_400_000,
    );
    expect(activated.keyLabel).not.toBe(demo.freeKey);
    const claimed = await core.eniris.claim('eniris', demo.freeKey, demo.nodeId);
    expect(claimed.licences.map((licence) => licence.id)).toContain(activated.id);
    const byCustomer = await core.eniris.licences('eniris', { customerId: demo.customerId });
    const row = byCustomer.licences.find((licence) => licence.id === activated.id);
    expect(row?.datalinks?.length).toBe(1);
    expect(Object.keys(row ?? {})).toEqual(
      expect.arrayContaining(['gridKw', 'solarKw', 'batteryKw', 'evKw']),
    );
  });

  it('keeps working across an access-token expiry and asks to sign in again after 14 days', async () => {
    await core.eniris.signIn('eniris', demo.username, demo.password);
    await core.eniris.licences('eniris', { nodeId: demo.nodeId });
    clock.advance(11 * 60_000); // the 10-minute access token has expired in between
    expect(
      (await core.eniris.licences('eniris', { nodeId: demo.nodeId })).licences.length,
    ).toBeGreaterThan(0);
    clock.advance(15 * 86_400_000);
    await expect(core.eniris.licences('eniris', { nodeId: demo.nodeId })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect((await core.eniris.account('eniris')).signedIn).toBe(false);
  });

  it('refuses a wrong password and a claim on another controller, with coded errors', async () => {
    await expect(core.eniris.signIn('eniris', demo.username, 'wrong')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await core.eniris.signIn('eniris', demo.username, demo.password);
    await core.eniris.claim('eniris', demo.freeKey, demo.nodeId);
    await expect(core.eniris.claim('eniris', demo.freeKey, demo.otherNodeId)).rejects.toMatchObject(
      { code: 'seat_unavailable' },
    );
  });

  it('leaves no refresh token valid on the server after a renewal and a sign-out', async () => {
    const liveRefreshTokens = async () =>
      (
        (await (await fetch(`${sandbox.url}/__sandbox/state`)).json()) as {
          liveTokens: { refresh: number };
        }
      ).liveTokens.refresh;
    await core.eniris.signIn('eniris', demo.username, demo.password);
    clock.advance(8 * 86_400_000); // past the 7-day renewal
    await core.eniris.licences('eniris', { nodeId: demo.nodeId });
    expect(await liveRefreshTokens()).toBe(1);
    await core.eniris.signOut('eniris');
    expect(await liveRefreshTokens()).toBe(0);
  });

  /** The error as it crosses IPC, rendered as the German screen shows it. */
  const shown = async (call: Promise<unknown>) => {
    const error = appErrorSchema.parse(
      toAppError(
        await call.then(
          () => expect.fail('expected a refusal'),
          (e: unknown) => e,
        ),
      ),
    );
    return { ...error, german: inGerman(error) };
  };

  it('sends refusals with a text the German screen renders', async () => {
    expect(await shown(core.eniris.signIn('eniris', demo.username, 'wrong'))).toMatchObject({
      code: 'invalid_credentials',
      message: 'Eniris did not accept this username and password. Check them and try again.',
      german:
        'Eniris hat diesen Kontonamen und dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut.',
    });
    await core.eniris.signIn('eniris', demo.username, demo.password);
    expect(await shown(core.eniris.activate('eniris', 'SOF-RES-0000-0000'))).toMatchObject({
      code: 'invalid_key',
      german: 'Eniris kennt diesen Lizenzschlüssel nicht. Prüfen Sie ihn auf Tippfehler.',
    });
    expect(await shown(core.eniris.licences('eniris', {}))).toMatchObject({
      code: 'invalid_input',
      german: 'Geben Sie eine Controller-ID oder eine Kunden-ID an.',
    });
    expect(await shown(core.eniris.account('nowhere'))).toMatchObject({
      code: 'invalid_input',
      message: '"nowhere" is not an Eniris profile in the configuration.',
      german: '„nowhere“ ist kein Eniris-Profil in der Konfiguration.',
    });
  });
});
