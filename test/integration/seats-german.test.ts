import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientIdentity } from '../../src/main/licensing/backend';
import type { LicensingError } from '../../src/main/licensing/licensing-error';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox';
import { demoKeys } from '../../src/sandbox/babel/seed';
import { renderText } from '../../src/shared/text';
import { german, germanFormats } from '../../src/shared/texts/german';
import { createManualClock, type ManualClock } from '../support/manual-clock';
import { expectFailure } from './backend-conformance';
import { identity, seatsBackendOn } from './seats-fixtures';

/**
 * The seats adapter's refusals, from the Babel sandbox over real loopback HTTP, as a German screen
 * shows them: each carries a text, and the English message stays what the CLI and the log print.
 */

const keys = demoKeys();
const inGerman = (error: LicensingError): string | undefined =>
  error.text && renderText(error.text, german, germanFormats('de-DE'));

describe('seats adapter refusals in German', () => {
  const TTL_S = 120;
  let clock: ManualClock;
  let sandbox: BabelSandbox;
  const backendFor = (who: ClientIdentity) => seatsBackendOn(sandbox, who, { clock });

  beforeEach(async () => {
    clock = createManualClock(Date.UTC(2026, 0, 15, 9, 0, 0));
    sandbox = await startBabelSandbox({ clock, floatingTokenTtlSeconds: TTL_S });
  });
  afterEach(() => sandbox.close());

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

    const expired = await expectFailure(backend.seats.request(keys.expiredKey), 'license_expired');
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
