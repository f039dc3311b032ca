import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../src/main/config/vendor-config';
import type { Core } from '../../src/main/core';
import { toAppError } from '../../src/main/licensing/licensing-error';
import { appErrorSchema } from '../../src/shared/errors';
import { renderText } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import {
  enirisDemo,
  startEnirisSandbox,
  type EnirisSandbox,
} from '../../src/sandbox/eniris/server';
import { openInstallation } from '../support/core-harness';
import { createManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

const demo = enirisDemo();

/**
 * The Eniris service's refusals as the screens receive them: an AppError the IPC contract
 * accepts, whose text renders in German (real loopback HTTP against the sandbox).
 */
describe('Eniris licences through the core, in German', () => {
  const tempDir = useTempDir();
  let sandbox: EnirisSandbox;
  let core: Core;

  beforeEach(async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 23, 9));
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
    ({ core } = await openInstallation({ clock, dataDir: tempDir(), config, keepAlive: false }));
  });
  afterEach(async () => {
    await core.close(500);
    await sandbox.close();
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
    return {
      ...error,
      german: error.text && renderText(error.text, german, germanFormats('de-DE')),
    };
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
