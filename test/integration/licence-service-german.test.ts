import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { toAppError } from '../../src/main/licensing/licensing-error';
import type { BabelSandbox } from '../../src/sandbox';
import { flecsDemo, startFlecsSandbox, type FlecsSandbox } from '../../src/sandbox/flecs/server';
import { renderText, type Text } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import { DEMO, openInstallation, startClockedSandbox } from '../support/core-harness';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/**
 * What the licence service says, over real loopback HTTP against the sandboxes, as a German screen
 * shows it: refusals carry a text, and so do the reasons a view carries (a licence's status reason,
 * a lost seat's last error), also after the app starts again.
 */

const de = (text: Text | undefined): string | undefined =>
  text && renderText(text, german, germanFormats('de-DE'));
const refusal = async (promise: Promise<unknown>): Promise<string | undefined> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return de(toAppError(error).text);
};

describe('licence service in German', () => {
  const tempDir = useTempDir();
  const cores: Core[] = [];
  let closeSandbox: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close(500);
    await closeSandbox();
  });

  const onBabel = async (): Promise<{ sandbox: BabelSandbox; clock: ManualClock }> => {
    const started = await startClockedSandbox();
    closeSandbox = () => started.sandbox.close();
    return started;
  };

  it('refuses a second licence, naming the one here, and has nothing to deactivate', async () => {
    const { sandbox, clock } = await onBabel();
    const { core } = await openInstallation({ sandbox, clock, dataDir: tempDir() });
    cores.push(core);
    expect(await refusal(core.service.deactivate('seats'))).toBe(
      'Hier ist nichts aktiviert, daher gibt es nichts zu deaktivieren.',
    );
    const { keyLabel } = await core.service.activate('seats', {
      method: 'key',
      key: DEMO.floatingKey,
    });
    expect(
      await refusal(core.service.activate('seats', { method: 'key', key: DEMO.activationKey })),
    ).toBe(
      `Dieser Computer verwendet hier bereits die Lizenz ${keyLabel ?? ''}. Deaktivieren Sie sie zuerst, um auf anderem Weg zu aktivieren.`,
    );
    expect(await refusal(core.service.status('nowhere'))).toBe(
      'Die Konfiguration enthält kein Lizenzprofil „nowhere“.',
    );
    expect(await refusal(Promise.reject(new Error('a bug')))).toBe(
      'Im Lizenzmanager ist etwas schiefgelaufen. Bitte melden Sie diesen Fehler.',
    );
  });

  it('a seat that lapsed while nothing sent heartbeats (the CLI) says so', async () => {
    const { sandbox, clock } = await onBabel();
    const { core } = await openInstallation({
      sandbox,
      clock,
      dataDir: tempDir(),
      keepAlive: false,
    });
    cores.push(core);
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    clock.advance(121_000);
    const { seat } = await core.service.status('seats');
    expect(seat.state).toBe('lost');
    expect(seat.lastError?.message).toBe(
      'The seat lapsed because no heartbeat reached the server in time. Request a seat again.',
    );
    expect(de(seat.lastError?.text)).toBe(
      'Die Belegung des Lizenzplatzes ist abgelaufen, weil kein Lebenszeichen rechtzeitig beim Server ankam. Fordern Sie erneut einen Lizenzplatz an.',
    );
  });

  it('a FLECS licence the console revoked keeps its reason in German, also after a restart', async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 23, 9));
    const sandbox: FlecsSandbox = await startFlecsSandbox({ clock });
    closeSandbox = () => sandbox.close();
    const dataDir = tempDir();
    const config = {
      productName: 'Test product',
      productId: 'test-product',
      demo: false,
      allowWeakSecretStore: false,
      profiles: [{ id: 'flecs', kind: 'flecs' as const, label: 'FLECS', baseUrl: sandbox.url }],
    };
    const first = await openInstallation({ clock, dataDir, config, keepAlive: false });
    cores.push(first.core);
    await first.core.service.activate('flecs', { method: 'key', key: flecsDemo().licenseKey });
    await fetch(`${sandbox.url}/__sandbox/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ licenseKey: flecsDemo().licenseKey }),
    });
    const view = await first.core.service.validate('flecs');
    expect(view.status).toBe('invalid');
    expect(view.statusReason).toMatch(/^The FLECS console reports that this device's licence/);
    const expected =
      'Laut FLECS-Konsole ist die Lizenz dieses Geräts ungültig (sie ist womöglich abgelaufen oder wurde widerrufen). Aktivieren Sie das Gerät erneut, oder wenden Sie sich an Ihren Administrator.';
    expect(de(view.statusReasonText)).toBe(expected);

    const again = await openInstallation({
      clock,
      dataDir,
      config,
      keepAlive: false,
      secrets: first.secrets,
    });
    cores.push(again.core);
    expect(de((await again.core.service.status('flecs')).statusReasonText)).toBe(expected);
    expect(await refusal(again.core.service.requestSeat('flecs'))).toBe(
      'Das Lizenzprofil „flecs“ hat keine Floating-Lizenzplätze.',
    );
  });
});
