import { describe, expect, it } from 'vitest';
import { tCommon } from '../../src/renderer/src/i18n/common.en';
import { tDiagnostics } from '../../src/renderer/src/i18n/diagnostics.en';
import { tErrors } from '../../src/renderer/src/i18n/errors.en';
import { applyLanguage } from '../../src/renderer/src/i18n/messages';
import { descriptionOf, labelLang, labelOf } from '../../src/renderer/src/lib/vendor-words';
import {
  dataLang,
  errorHint,
  errorTitle,
  isLocalError,
  localError,
} from '../../src/renderer/src/lib/error-text';
import { useGermanScreens } from '../support/german-screens';

// The shell, the error callouts and the diagnostics screen in German: the messages with values.
const nb = (text: string): string => text.replace(/ (?=(s|min|h|T)\b)/g, '\u00a0');

describe('in German', () => {
  useGermanScreens();

  it('titles errors and hints what to do next', () => {
    expect(errorTitle('offline')).toBe('Der Lizenzserver ist nicht erreichbar');
    expect(errorTitle('seat_unavailable')).toBe('Derzeit ist kein Lizenzplatz frei');
    expect(errorHint({ code: 'rate_limited', message: 'x', retryAfterSeconds: 130 })).toBe(
      nb('Versuchen Sie es in 2 min 10 s erneut.'),
    );
    expect(errorHint({ code: 'offline', message: 'x', retryable: true })).toBe(
      'Das ist meist vorübergehend. Versuchen Sie es gleich noch einmal.',
    );
    expect(errorHint({ code: 'invalid_key', message: 'x' })).toBeUndefined();
    expect(tErrors().contactNamed('Acme Support')).toBe('Wenden Sie sich an Acme Support:');
  });

  it("marks main's English as English, and not what the renderer wrote itself", () => {
    expect(dataLang()).toBe('en');
    const local = localError('invalid_input', tCommon().credentials.passwordMissing);
    expect(local).toEqual({ code: 'invalid_input', message: 'Geben Sie Ihr Passwort ein.' });
    expect(isLocalError(local)).toBe(true);
    expect(isLocalError({ code: 'invalid_input', message: 'Enter your password.' })).toBe(false);
  });

  it('words the shell around its values', () => {
    const t = tCommon();
    expect(t.screens.diagnostics).toBe('Diagnose');
    expect(t.shell.secretsKeptBy('basic_text')).toBe(
      'Sie werden von „basic_text“ aufbewahrt, das sie nicht verschlüsselt.',
    );
    expect(t.statusBar.unprotected('basic_text')).toBe('basic_text (ungeschützt)');
    expect(t.credentials.tooLong(256)).toBe(
      'Kontoname und Passwort dürfen höchstens 256 Zeichen lang sein.',
    );
    expect(t.usageOf(1200, 2000)).toBe('1.200 von 2.000');
  });

  it('words connection tests, the support bundle and the log', () => {
    const t = tDiagnostics();
    expect(t.connections.certificates(1)).toBe('(1 Zertifikat)');
    expect(t.connections.certificates(3)).toBe('(3 Zertifikate)');
    expect(t.connections.stateFailedAt('TCP')).toBe('Fehler bei TCP');
    expect(t.connections.works('Floating seats')).toBe(
      'Floating seats: Die Verbindung funktioniert.',
    );
    expect(t.connections.failed('Dead', 'TCP: refused')).toBe('Dead: TCP: refused');
    expect(t.bundleSaved('support.zip')).toBe('Supportpaket als support.zip gespeichert.');
    expect(t.result.milliseconds(1234)).toBe('1.234 ms');
    expect(t.result.stepsFor('https://a.example')).toBe('Schritte für https://a.example');
    expect(t.log.latest(50, 1200)).toBe(
      'Die neuesten 50 von 1.200; das Supportpaket enthält alle.',
    );
  });
});

describe('in English', () => {
  it('keeps the English and marks nothing', () => {
    expect(dataLang()).toBeUndefined();
    expect(tDiagnostics().connections.certificates(1)).toBe('(1 certificate)');
    expect(tDiagnostics().connections.certificates(2)).toBe('(2 certificates)');
    expect(tCommon().usageOf(1200, 2000)).toBe('1200 of 2000');
  });
});

describe("the vendor's own words", () => {
  const profile = {
    label: 'Floating seats',
    description: 'Seats for Acme CAD',
    translations: { de: { label: 'Floating-Lizenzplätze' } },
  };
  const untranslated = { label: 'Acme CAD' };

  it('are shown in German where the configuration gives German, marked English where not', async () => {
    await applyLanguage({ locale: 'de', intlTag: 'de-AT' });
    expect(labelOf(profile)).toBe('Floating-Lizenzplätze');
    expect(labelLang(profile)).toBeUndefined();
    expect(descriptionOf(profile)).toBe('Seats for Acme CAD');
    expect(labelOf(untranslated)).toBe('Acme CAD');
    expect(labelLang(untranslated)).toBe('en');
    await applyLanguage({ locale: 'en', intlTag: 'en' });
    expect(labelOf(profile)).toBe('Floating seats');
    expect(labelLang(untranslated)).toBeUndefined();
  });
});
