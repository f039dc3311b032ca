import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LsLicenceDetails } from '../../src/shared/licensespring-model';
import { applyLanguage } from '../../src/renderer/src/i18n/messages';
import { toLocalInputValue } from '../../src/renderer/src/lib/borrow-time';
import {
  parseBorrowEnd,
  parseTrialEmail,
  parseUsageAmount,
} from '../../src/renderer/src/lib/licensespring-form-checks';
import {
  actionErrorTitle,
  actionNote,
  actionPending,
  activationsText,
  holdState,
  hoursText,
  licenseTypeText,
  localCheckNotice,
  localCheckPill,
  meterSummary,
  overagesText,
  resetPeriodLabel,
  slotsText,
  transfersText,
  trialButtonLabel,
} from '../../src/renderer/src/lib/licensespring-text';
import { say, sayLang } from '../../src/renderer/src/lib/error-text';
import { licenseSpringLocalCheck } from '../../src/main/licensing/backends/licensespring-local-check';
import { germanFormats } from '../../src/shared/texts/german';
import { details as englishDetails, meter, NOW } from '../support/licensespring-views';

// The LicenseSpring words in German: plurals, numbers grouped the German way, sentence order.
const HOUR = 3_600_000;

/** The English test's licence, with German feature names and numbers worth grouping. */
const GERMAN_NAMES: Readonly<Record<string, string>> = { pool: 'Render-Pool', exports: 'Exporte' };
const details = (change: Partial<LsLicenceDetails> = {}): LsLicenceDetails =>
  englishDetails({
    features: englishDetails().features.map((feature) => ({
      ...feature,
      name: GERMAN_NAMES[feature.code] ?? feature.name,
    })),
    consumption: meter({ total: 1_200, max: 5_000 }),
    localCheck: { state: 'grace', message: '' },
    ...change,
  });

beforeAll(() => applyLanguage({ locale: 'de', intlTag: 'de-DE' }));
afterAll(() => applyLanguage({ locale: 'en', intlTag: 'en' }));

describe('LicenseSpring in German', () => {
  it('names types and periods', () => {
    expect(licenseTypeText('time-limited')).toEqual({
      label: 'Befristet',
      explanation: 'Gültig bis zu einem festgelegten Datum.',
    });
    expect(resetPeriodLabel(undefined)).toBe('Wird nie zurückgesetzt');
    expect(resetPeriodLabel('monthly')).toBe('Wird monatlich zurückgesetzt');
    expect(localCheckPill('grace')).toEqual({ label: 'Kulanzzeit', tone: 'warning' });
  });

  it('counts activations and transfers', () => {
    expect(activationsText({ used: 2, max: 5, unlimited: false })).toBe('2 von 5 genutzt');
    expect(activationsText({ used: 7, max: 0, unlimited: true })).toBe('7 genutzt · kein Limit');
    expect(transfersText({ used: 0, max: 0, allowed: false })).toBe(
      'Nicht erlaubt: Diese Lizenz bleibt auf diesem Computer',
    );
  });

  it('reads meters with German number grouping', () => {
    expect(meterSummary(meter({ total: 4_200, max: 10_000 }))).toBe(
      '4.200 von 10.000 verbraucht · 5.800 übrig',
    );
    expect(meterSummary(meter({ total: 100 }))).toBe('100 von 100 verbraucht · nichts mehr übrig');
    expect(meterSummary(meter({ total: 108, allowOverages: true }))).toBe(
      '108 von 100 verbraucht · 8 über dem Limit',
    );
    expect(meterSummary(meter({ total: 120, allowOverages: true, maxOverages: 20 }))).toBe(
      '120 von 100 verbraucht · 20 darüber, kein weiterer Verbrauch möglich',
    );
    expect(meterSummary(meter({ unlimited: true, total: 9 }))).toBe('9 verbraucht · kein Limit');
    expect(overagesText(meter({ allowOverages: true, maxOverages: 1_500 }))).toBe(
      'Bis zu 1.500 über dem Limit',
    );
  });

  it('checks a usage amount', () => {
    expect(parseUsageAmount('2000000', meter())).toEqual({
      ok: false,
      problem: 'Erfassen Sie höchstens 1.000.000 auf einmal.',
    });
    expect(parseUsageAmount('59', meter({ total: 42 }))).toEqual({
      ok: false,
      problem: 'Es können nur noch 58 erfasst werden.',
    });
    expect(
      parseUsageAmount('16', meter({ total: 95, allowOverages: true, maxOverages: 10 })),
    ).toEqual({
      ok: false,
      problem: 'Es können nur noch 15 erfasst werden, Mehrverbrauch eingeschlossen.',
    });
  });

  it('says one slot and many, and the dative after "von"', () => {
    expect(slotsText({ inUse: 1, max: 1 })).toBe('1 von 1 Lizenzplatz belegt');
    expect(slotsText({ inUse: 2, max: 5 })).toBe('2 von 5 Lizenzplätzen belegt');
    expect(slotsText({ max: 1 })).toBe('1 Lizenzplatz · noch nicht geprüft');
    expect(slotsText({ max: 5 })).toBe('5 Lizenzplätze · noch nicht geprüft');
    expect(holdState({ held: true }, NOW).label).toBe('Von diesem Computer belegt');
  });

  it('words borrow limits in days and hours', () => {
    expect(hoursText(1)).toBe('1 Stunde');
    expect(hoursText(12)).toBe('12 Stunden');
    expect(hoursText(24)).toBe('1 Tag');
    expect(hoursText(72)).toBe('3 Tage');
    expect(hoursText(30)).toBe('1 Tag und 6 Stunden');
    const beyond = parseBorrowEnd(toLocalInputValue(NOW + 73 * HOUR), NOW, 72);
    expect(!beyond.ok && beyond.problem).toMatch(
      /^Sie können höchstens 3 Tage lang ausleihen: bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\.$/,
    );
    expect(parseBorrowEnd(toLocalInputValue(NOW - HOUR), NOW, 72)).toEqual({
      ok: false,
      problem: 'Wählen Sie einen Zeitpunkt in der Zukunft.',
    });
  });

  it('dates the grace period', () => {
    const notice = localCheckNotice(
      { state: 'grace', message: '', graceUntil: NOW },
      () => '12.03.2026',
    );
    expect(notice?.title).toBe('Die Lizenz läuft in der Kulanzzeit bis 12.03.2026');
    expect(notice?.advice).toContain('„Beim Server prüfen“');
  });

  it('says what an action is doing and did, naming the feature', () => {
    const after = details();
    expect(actionPending({ kind: 'feature-check', feature: 'pool' }, after)).toBe(
      '„Render-Pool“ wird geprüft…',
    );
    expect(actionPending({ kind: 'refresh' }, after)).toBe('Die Lizenz wird beim Server geprüft…');
    expect(actionNote({ kind: 'refresh' }, after)).toBe('Beim Server geprüft: in der Kulanzzeit.');
    expect(actionNote({ kind: 'feature-check', feature: 'pool' }, after)).toBe(
      '„Render-Pool“ geprüft: Lizenzplatz belegt · 2 von 5 Lizenzplätzen belegt.',
    );
    expect(actionNote({ kind: 'feature-consume', feature: 'exports', amount: 5 }, after)).toBe(
      '5 für „Exporte“ erfasst: 47 von 100 verbraucht · 53 übrig.',
    );
    expect(actionNote({ kind: 'consume', amount: 1_000 }, after)).toBe(
      '1.000 erfasst: 1.200 von 5.000 verbraucht · 3.800 übrig.',
    );
    expect(actionNote({ kind: 'feature-release', feature: 'gone' }, after)).toBe(
      '„gone“ freigegeben.',
    );
    expect(actionNote({ kind: 'release' }, after)).toBe('Floating-Lizenzplatz freigegeben.');
    expect(actionErrorTitle('borrow', { code: 'seat_unavailable', message: 'Alle belegt.' })).toBe(
      'Alle Floating-Lizenzplätze sind belegt',
    );
  });

  it('shows the verdict main sent about the local check in German, with German dates', () => {
    const check = licenseSpringLocalCheck({
      now: NOW,
      highestSeenAt: NOW,
      validUntil: NOW - HOUR,
      gracePeriodHours: 48,
      lastServerCheckAt: NOW - 2 * HOUR,
    });
    const at = germanFormats('de-DE').instant;
    expect(say(check)).toBe(
      `Die Laufzeit der Lizenz endete am ${at(NOW - HOUR)}; der Anbieter lässt sie bis ${at(NOW + 47 * HOUR)} weiter funktionieren. Verlängern Sie sie vorher beim Anbieter und prüfen Sie sie dann beim Server.`,
    );
    expect(at(NOW)).toMatch(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
    // Translated, so not marked as English for a screen reader.
    expect(sayLang(check)).toBeUndefined();
    // A verdict without its text (an older core) stays English, marked as such.
    expect(say({ message: check.message })).toBe(check.message);
    expect(sayLang({ message: check.message })).toBe('en');
  });

  it('offers a trial', () => {
    expect(trialButtonLabel(14)).toBe('14-tägige Testlizenz starten');
    expect(trialButtonLabel(0)).toBe('Testlizenz starten');
    expect(parseTrialEmail('nope')).toEqual({
      ok: false,
      problem:
        'Geben Sie eine E-Mail-Adresse wie name@example.com ein oder lassen Sie das Feld leer.',
    });
  });
});
