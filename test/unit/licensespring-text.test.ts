import { describe, expect, it } from 'vitest';
import { latestBorrowEnd, toLocalInputValue } from '../../src/renderer/src/lib/borrow-time';
import { actionKey, keyOf, type LsAction } from '../../src/renderer/src/lib/licensespring-actions';
import {
  parseBorrowEnd,
  parseTrialEmail,
  parseUsageAmount,
} from '../../src/renderer/src/lib/licensespring-form-checks';
import { readMeter } from '../../src/renderer/src/lib/licensespring-meter';
import {
  actionErrorTitle,
  actionNote,
  actionPending,
  activationsText,
  featureTypeLabel,
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
import type { LsLicenceDetails } from '../../src/shared/licensespring-model';
import { germanFormats } from '../../src/shared/texts/german';
import { useGermanScreens } from '../support/german-screens';
import { details, meter, NOW } from '../support/licensespring-views';

// The LicenseSpring screens' pure helpers: meter maths, borrow limits and the words people read,
// in English and in German (plurals, numbers grouped the German way, sentence order).
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('labels', () => {
  it('names every licence type, feature type and reset period', () => {
    expect(licenseTypeText('perpetual').label).toBe('Perpetual');
    expect(licenseTypeText('time-limited').label).toBe('Time-limited');
    expect(licenseTypeText('subscription').label).toBe('Subscription');
    expect(licenseTypeText('consumption').explanation).toMatch(/usage counts against a limit/);
    expect(featureTypeLabel('consumption')).toBe('Usage-based feature');
    expect(featureTypeLabel('activation')).toBe('On/off feature');
    expect(resetPeriodLabel(undefined)).toBe('Never resets');
    expect(resetPeriodLabel('monthly')).toBe('Resets every month');
    expect(resetPeriodLabel('annually')).toBe('Resets every year');
  });

  it('reads activations and transfers, with no limit said in words', () => {
    expect(activationsText({ used: 2, max: 5, unlimited: false })).toBe('2 of 5 used');
    expect(activationsText({ used: 7, max: 0, unlimited: true })).toBe('7 used · no limit');
    expect(transfersText({ used: 1, max: 3, allowed: true })).toBe('1 of 3 used');
    // LicenseSpring's 0 means no limit on transfers, and -1 none at all.
    expect(transfersText({ used: 4, max: 0, allowed: true })).toBe('4 used · no limit');
    expect(transfersText({ used: 0, max: 0, allowed: false })).toMatch(/^Not allowed/);
  });
});

describe('readMeter', () => {
  it('fills the included amount and says what is left', () => {
    const reading = readMeter(meter({ total: 42 }));
    expect(reading).toMatchObject({ state: 'ok', over: 0, cap: 100, left: 58 });
    expect(reading.bar).toEqual({ included: 0.42, overage: 0, limit: 1, zone: 0 });
  });

  it('turns high from 80 % on, and exhausted at the limit without overages', () => {
    expect(readMeter(meter({ total: 80 })).state).toBe('high');
    expect(readMeter(meter({ total: 79 })).state).toBe('ok');
    expect(readMeter(meter({ total: 100 }))).toMatchObject({ state: 'exhausted', left: 0 });
  });

  it('puts capped overages in their own zone after the limit', () => {
    const capped = meter({ total: 110, allowOverages: true, maxOverages: 20 });
    const reading = readMeter(capped);
    expect(reading).toMatchObject({ state: 'overage', over: 10, cap: 120, left: 10 });
    expect(reading.bar?.included).toBeCloseTo(100 / 120);
    expect(reading.bar?.limit).toBeCloseTo(100 / 120);
    expect(reading.bar?.zone).toBeCloseTo(20 / 120);
    expect(reading.bar?.overage).toBeCloseTo(10 / 120);
    // At the limit with overages still allowed: high, not exhausted.
    expect(readMeter({ ...capped, total: 100 }).state).toBe('high');
    expect(readMeter({ ...capped, total: 120 })).toMatchObject({ state: 'exhausted', left: 0 });
  });

  it('gives uncapped overages an open zone, and never runs out', () => {
    const open = meter({ allowOverages: true, maxOverages: 0 });
    const under = readMeter({ ...open, total: 50 });
    expect(under).toMatchObject({ state: 'ok', cap: undefined, left: undefined });
    expect(under.bar?.zone).toBeGreaterThan(0.2);
    expect(under.bar?.zone).toBeLessThan(0.3);
    const far = readMeter({ ...open, total: 300 });
    expect(far).toMatchObject({ state: 'overage', over: 200, left: undefined });
    // The bar grows to hold the usage: the overage reaches its end.
    expect((far.bar?.limit ?? 0) + (far.bar?.overage ?? 0)).toBeCloseTo(1);
  });

  it('has no bar for an unlimited counter, and never fills below zero', () => {
    expect(readMeter(meter({ unlimited: true, max: 0, total: 9 }))).toMatchObject({
      state: 'unlimited',
      bar: undefined,
      left: undefined,
    });
    expect(readMeter(meter({ total: -5, allowNegative: true })).bar?.included).toBe(0);
    expect(readMeter(meter({ max: 0 }))).toMatchObject({ state: 'exhausted', left: 0 });
  });

  it('says the same in words', () => {
    expect(meterSummary(meter({ total: 42 }))).toBe('42 of 100 used · 58 left');
    expect(meterSummary(meter({ total: 100 }))).toBe('100 of 100 used · none left');
    expect(meterSummary(meter({ total: 108, allowOverages: true }))).toBe(
      '108 of 100 used · 8 over the limit',
    );
    expect(meterSummary(meter({ total: 120, allowOverages: true, maxOverages: 20 }))).toBe(
      '120 of 100 used · 20 over, no more allowed',
    );
    expect(meterSummary(meter({ unlimited: true, max: 0, total: 9 }))).toBe('9 used · no limit');
    expect(overagesText(meter())).toBe('Not allowed');
    expect(overagesText(meter({ allowOverages: true, maxOverages: 20 }))).toBe(
      'Up to 20 over the limit',
    );
    expect(overagesText(meter({ allowOverages: true }))).toBe('Allowed, no cap');
  });
});

describe('parseUsageAmount', () => {
  it.each([
    ['', 'Enter how much was used.'],
    ['  ', 'Enter how much was used.'],
    ['abc', 'Enter a whole number.'],
    ['1.5', 'Enter a whole number.'],
    ['0', 'Enter an amount other than 0.'],
    ['2000000', 'Record at most 1,000,000 at a time.'],
    ['-3', 'This counter only goes up: enter a positive amount.'],
    ['59', 'Only 58 more can be recorded.'],
  ])('refuses %j', (text, problem) => {
    expect(parseUsageAmount(text, meter({ total: 42 }))).toEqual({ ok: false, problem });
  });

  it('accepts a whole amount within what is left, trimmed', () => {
    expect(parseUsageAmount(' 5 ', meter({ total: 42 }))).toEqual({ ok: true, value: 5 });
    expect(parseUsageAmount('58', meter({ total: 42 }))).toEqual({ ok: true, value: 58 });
  });

  it('counts overages into what is left, and lets a counter go down where allowed', () => {
    const capped = meter({ total: 95, allowOverages: true, maxOverages: 10 });
    expect(parseUsageAmount('15', capped)).toEqual({ ok: true, value: 15 });
    expect(parseUsageAmount('16', capped)).toEqual({
      ok: false,
      problem: 'Only 15 more can be recorded, overages included.',
    });
    expect(parseUsageAmount('500', meter({ allowOverages: true }))).toEqual({
      ok: true,
      value: 500,
    });
    expect(parseUsageAmount('-3', meter({ total: 10, allowNegative: true }))).toEqual({
      ok: true,
      value: -3,
    });
    expect(parseUsageAmount('1', meter({ total: 100 }))).toEqual({
      ok: false,
      problem: 'Nothing more can be recorded: the limit is reached.',
    });
  });
});

describe('floating slots', () => {
  it('reads the slots, before and after the first check', () => {
    expect(slotsText({ inUse: 2, max: 5 })).toBe('2 of 5 slots in use');
    expect(slotsText({ inUse: 1, max: 1 })).toBe('1 of 1 slot in use');
    expect(slotsText({ max: 5 })).toBe('5 slots · not checked yet');
  });

  it('says whether this computer has a slot; a borrow that ended counts for nothing', () => {
    expect(holdState({ held: false, borrowedUntil: NOW + HOUR }, NOW)).toMatchObject({
      label: 'Borrowed by this computer',
      releasable: true,
    });
    expect(holdState({ held: true }, NOW)).toMatchObject({
      label: 'Held by this computer',
      tone: 'success',
      releasable: true,
    });
    expect(holdState({ held: false, borrowedUntil: NOW - 1 }, NOW)).toMatchObject({
      label: 'Not held here',
      releasable: false,
    });
  });
});

describe('borrowing', () => {
  it('words a limit in days and hours', () => {
    expect(hoursText(1)).toBe('1 hour');
    expect(hoursText(12)).toBe('12 hours');
    expect(hoursText(24)).toBe('1 day');
    expect(hoursText(30)).toBe('1 day 6 hours');
    expect(hoursText(72)).toBe('3 days');
  });

  it('ends a borrow at most maxBorrowHours from now; 0 means no limit here', () => {
    expect(latestBorrowEnd(NOW, 72)).toBe(NOW + 72 * HOUR);
    expect(latestBorrowEnd(NOW, 0)).toBeUndefined();
    expect(latestBorrowEnd(NOW, undefined)).toBeUndefined();
  });

  it('writes datetime-local values that read back as the same minute', () => {
    const value = toLocalInputValue(NOW + 5 * HOUR + 17_000);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(parseBorrowEnd(value, NOW, 72)).toEqual({
      ok: true,
      value: new Date(NOW + 5 * HOUR).toISOString(),
    });
  });

  it('borrows as long as allowed when the field is empty', () => {
    expect(parseBorrowEnd('', NOW, 72)).toEqual({ ok: true, value: undefined });
  });

  it('refuses a date that is not whole, past, or beyond the limit', () => {
    expect(parseBorrowEnd('2026-03', NOW, 72)).toEqual({
      ok: false,
      problem: 'Enter a full date and time, or leave it empty.',
    });
    expect(parseBorrowEnd(toLocalInputValue(NOW - HOUR), NOW, 72)).toEqual({
      ok: false,
      problem: 'Pick a moment in the future.',
    });
    const beyond = parseBorrowEnd(toLocalInputValue(NOW + 73 * HOUR), NOW, 72);
    expect(beyond.ok).toBe(false);
    expect(!beyond.ok && beyond.problem).toMatch(/^You can borrow for 3 days at most: until /);
    // The limit itself is fine, and with no limit any future date is.
    expect(parseBorrowEnd(toLocalInputValue(NOW + 72 * HOUR), NOW, 72).ok).toBe(true);
    expect(parseBorrowEnd(toLocalInputValue(NOW + 900 * HOUR), NOW, undefined).ok).toBe(true);
  });
});

describe('the local check', () => {
  const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

  it('is quiet while valid', () => {
    expect(localCheckNotice({ state: 'valid', message: 'ok' }, day)).toBeUndefined();
    expect(localCheckPill('valid')).toEqual({ label: 'Valid', tone: 'success' });
  });

  it('gives the grace period its end date and says to check in before then', () => {
    const notice = localCheckNotice(
      { state: 'grace', message: 'Not confirmed for 8 days.', graceUntil: NOW + 48 * HOUR },
      day,
    );
    expect(notice).toMatchObject({
      tone: 'warning',
      title: 'Running on the grace period until 2026-03-12',
    });
    expect(notice?.advice).toMatch(/Check with server before the grace period ends/);
    expect(localCheckPill('grace').tone).toBe('warning');
  });

  it('says what to do when expired or when the clock went back', () => {
    expect(localCheckNotice({ state: 'expired', message: '' }, day)).toMatchObject({
      tone: 'danger',
      title: 'This licence has expired',
    });
    const clock = localCheckNotice({ state: 'clock_moved_back', message: '' }, day);
    expect(clock).toMatchObject({ tone: 'danger', title: "This computer's clock was set back" });
    expect(clock?.advice).toMatch(/Set the correct date and time, then choose Check with server/);
    expect(localCheckPill('clock_moved_back')).toEqual({ label: 'Clock set back', tone: 'danger' });
  });
});

describe('actions', () => {
  it('keeps one outcome per action and feature', () => {
    const keys = [
      keyOf({ kind: 'refresh' }),
      keyOf({ kind: 'borrow', until: '2026-03-11T00:00:00.000Z' }),
      keyOf({ kind: 'consume', amount: 3 }),
      keyOf({ kind: 'feature-check', feature: 'pool' }),
      keyOf({ kind: 'feature-check', feature: 'exports' }),
      keyOf({ kind: 'feature-consume', feature: 'exports', amount: 1 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    // The screens find an outcome by kind and feature, without the action's inputs.
    expect(keyOf({ kind: 'feature-borrow', feature: 'pool', until: 'x' })).toBe(
      actionKey('feature-borrow', 'pool'),
    );
    expect(keyOf({ kind: 'consume', amount: 9 })).toBe(actionKey('consume'));
  });

  it('names the feature while an action runs', () => {
    expect(actionPending({ kind: 'feature-check', feature: 'pool' }, details())).toBe(
      'Checking Render pool…',
    );
    expect(actionPending({ kind: 'feature-release', feature: 'gone' }, details())).toBe(
      'Releasing gone…',
    );
  });

  it('says what an action did, from the details it returned', () => {
    const after = details();
    expect(actionNote({ kind: 'feature-check', feature: 'pool' }, after)).toBe(
      'Render pool checked: slot held · 2 of 5 slots in use.',
    );
    expect(actionNote({ kind: 'feature-consume', feature: 'exports', amount: 5 }, after)).toBe(
      'Recorded 5 on Exports: 47 of 100 used · 53 left.',
    );
    expect(actionNote({ kind: 'consume', amount: 2 }, after)).toBe(
      'Recorded 2: 12 of 50 used · 38 left.',
    );
    expect(actionNote({ kind: 'refresh' }, after)).toBe('Checked with the server: valid.');
    expect(actionNote({ kind: 'feature-check', feature: 'exports' }, after)).toBe(
      'Exports checked: available.',
    );
    expect(actionNote({ kind: 'feature-release', feature: 'pool' }, after)).toBe(
      'Render pool released.',
    );
  });

  it('gives failures a headline that fits the action', () => {
    const full = { code: 'seat_unavailable', message: 'All 5 slots are in use.' } as const;
    expect(actionErrorTitle('feature-check', full)).toBe('Every slot of this feature is in use');
    expect(actionErrorTitle('borrow', full)).toBe('Every floating slot is in use');
    expect(actionErrorTitle('feature-consume', full)).toBe('The usage limit is reached');
    expect(actionErrorTitle('refresh', full)).toBeUndefined();
    const expired = { code: 'license_expired', message: 'Expired.' } as const;
    expect(actionErrorTitle('feature-check', expired)).toBe('This feature has expired');
    expect(actionErrorTitle('refresh', expired)).toBeUndefined();
    expect(actionErrorTitle('consume', { code: 'invalid_input', message: 'x' })).toBe(
      'Check the amount',
    );
  });
});

describe('trials', () => {
  it('words the offer', () => {
    expect(trialButtonLabel(14)).toBe('Start a 14-day trial');
    expect(trialButtonLabel(0)).toBe('Start a trial');
  });

  it('takes an optional email', () => {
    expect(parseTrialEmail('  ')).toEqual({ ok: true, value: undefined });
    expect(parseTrialEmail(' ada@example.com ')).toEqual({ ok: true, value: 'ada@example.com' });
    expect(parseTrialEmail('ada@example').ok).toBe(false);
    expect(parseTrialEmail('ada example.com').ok).toBe(false);
  });
});

/** The licence above, with German feature names and numbers worth grouping. */
const GERMAN_NAMES: Readonly<Record<string, string>> = { pool: 'Render-Pool', exports: 'Exporte' };
const germanDetails = (change: Partial<LsLicenceDetails> = {}): LsLicenceDetails =>
  details({
    features: details().features.map((feature) => ({
      ...feature,
      name: GERMAN_NAMES[feature.code] ?? feature.name,
    })),
    consumption: meter({ total: 1_200, max: 5_000 }),
    localCheck: { state: 'grace', message: '' },
    ...change,
  });

describe('in German', () => {
  useGermanScreens();

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
    const limits: [number, string][] = [
      [1, '1 Stunde'],
      [12, '12 Stunden'],
      [24, '1 Tag'],
      [72, '3 Tage'],
      [30, '1 Tag und 6 Stunden'],
    ];
    for (const [hours, words] of limits) expect(hoursText(hours)).toBe(words);
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
    const after = germanDetails();
    const pending: [LsAction, string][] = [
      [{ kind: 'feature-check', feature: 'pool' }, '„Render-Pool“ wird geprüft…'],
      [{ kind: 'refresh' }, 'Die Lizenz wird beim Server geprüft…'],
    ];
    for (const [action, text] of pending) expect(actionPending(action, after)).toBe(text);
    const done: [LsAction, string][] = [
      [{ kind: 'refresh' }, 'Beim Server geprüft: in der Kulanzzeit.'],
      [
        { kind: 'feature-check', feature: 'pool' },
        '„Render-Pool“ geprüft: Lizenzplatz belegt · 2 von 5 Lizenzplätzen belegt.',
      ],
      [
        { kind: 'feature-consume', feature: 'exports', amount: 5 },
        '5 für „Exporte“ erfasst: 47 von 100 verbraucht · 53 übrig.',
      ],
      [
        { kind: 'consume', amount: 1_000 },
        '1.000 erfasst: 1.200 von 5.000 verbraucht · 3.800 übrig.',
      ],
      [{ kind: 'feature-release', feature: 'gone' }, '„gone“ freigegeben.'],
      [{ kind: 'release' }, 'Floating-Lizenzplatz freigegeben.'],
    ];
    for (const [action, note] of done) expect(actionNote(action, after)).toBe(note);
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
