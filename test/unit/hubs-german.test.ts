import { describe, expect, it } from 'vitest';
import { tHubs } from '../../src/renderer/src/i18n/hubs.en';
import { progressText, refreshSummary } from '../../src/renderer/src/lib/hubs/fleet-refresh';
import { filterLabel } from '../../src/renderer/src/lib/hubs/fleet-view';
import { checkHubForm, EMPTY_HUB_FORM } from '../../src/renderer/src/lib/hubs/hub-form';
import {
  activityText,
  hubErrorLabel,
  licenceCodeProblem,
  licenceConcerns,
  licenceSummary,
  sizeText,
  usageDetails,
  usagePercentText,
  usageText,
  validityText,
} from '../../src/renderer/src/lib/hubs/hub-licence-text';
import { importSummary } from '../../src/renderer/src/lib/hubs/inventory-csv';
import { licence } from '../support/hub-views';
import { useGermanScreens } from '../support/german-screens';

// The hubs screen in German: the messages with numbers and plurals, and the checks' sentences.
useGermanScreens();

const nb = '\u00a0';

describe('usage in German', () => {
  it('counts in the licence’s unit, with German digit grouping', () => {
    expect(usageText(licence({ used: 850, size: 1000 }))).toBe('850 von 1.000 Datenpunkten');
    expect(usageText(licence({ used: 97, size: 100, isObjectBased: true }))).toBe(
      '97 von 100 Objekten',
    );
    expect(sizeText(licence({ size: 1, isObjectBased: true }))).toBe('1 Objekt');
    expect(sizeText(licence({ size: 2500 }))).toBe('2.500 Datenpunkte');
    expect(usagePercentText(licence({ used: 9055, size: 10000 }))).toBe(`90,5${nb}%`);
  });

  it('explains the figure with one and many', () => {
    expect(usageDetails(licence({ isObjectBased: true, pointsPerObject: 1 }))).toEqual([
      '1 Datenpunkt pro Objekt',
    ]);
    expect(usageDetails(licence({ objectCount: 1, useCustomPointsMap: true }))).toEqual([
      '1 Objekt',
      'eigene Datenpunktzuordnung',
    ]);
    expect(usageDetails(licence({ objectCount: 1200 }))).toEqual(['1.200 Objekte']);
    expect(tHubs().text.usage.pointCount(5)).toBe('5 Datenpunkte');
  });

  it('names states, concerns, filters and errors', () => {
    expect(validityText(licence({ isValid: false })).label).toBe('Ungültig');
    expect(activityText(undefined).label).toBe('Ungelesen');
    expect(licenceConcerns(licence({ isValid: false, used: 946, size: 25 }))).toEqual([
      { tone: 'danger', text: 'Der Hub meldet diese Lizenz als ungültig.' },
      {
        tone: 'warning',
        text: 'Der Hub nutzt mehr, als die Lizenz erlaubt: 946 von 25 Datenpunkten.',
      },
    ]);
    expect(licenceConcerns(licence({ used: 95, size: 100 }))).toEqual([
      { tone: 'warning', text: 'Über 90 % genutzt: 95 von 100 Datenpunkten.' },
    ]);
    expect(licenceSummary(licence({ size: 1000 }))).toMatch(/, 1\.000 Datenpunkte$/);
    expect(filterLabel('nearlyFull')).toBe('Über 90 % genutzt');
    expect(hubErrorLabel('offline')).toBe('Nicht erreichbar');
    expect(hubErrorLabel('license_revoked')).toBe('Lizenzproblem');
  });
});

describe('progress and summaries in German', () => {
  const run = { running: true, total: 1000, done: 412, failed: 0, startedAt: 1 };

  it('reads the progress of a refresh, one hub and many', () => {
    expect(progressText(run)).toBe('412 von 1.000 Hubs');
    expect(progressText({ ...run, total: 1, done: 0 })).toBe('0 von 1 Hub');
    expect(progressText({ ...run, failed: 3 })).toBe('412 von 1.000 Hubs · 3 fehlgeschlagen');
  });

  it('sums up a finished refresh', () => {
    expect(refreshSummary({ ...run, running: false, total: 12, done: 12, failed: 2 })).toBe(
      '12 Hubs aktualisiert: 10 Antworten, 2 fehlgeschlagen.',
    );
    expect(refreshSummary({ ...run, running: false, total: 1, done: 1, failed: 0 })).toBe(
      '1 Hub aktualisiert: 1 Antwort.',
    );
  });

  it('sums up an import, with the lines it refused', () => {
    expect(importSummary({ added: 1000, updated: 5, rejected: [] })).toBe(
      '1.000 Hubs hinzugefügt und 5 aktualisiert.',
    );
    expect(importSummary({ added: 1, updated: 0, rejected: [{ line: 3, message: 'x' }] })).toBe(
      '1 Hub hinzugefügt und 0 aktualisiert. 1 Zeile wurde nicht importiert.',
    );
    const two = [
      { line: 3, message: 'x' },
      { line: 4, message: 'y' },
    ];
    expect(importSummary({ added: 0, updated: 2, rejected: two })).toBe(
      '0 Hubs hinzugefügt und 2 aktualisiert. 2 Zeilen wurden nicht importiert.',
    );
  });

  it('words the screen’s counts', () => {
    const { fleet } = tHubs();
    expect(fleet.screen.subtitle(1000, 1, 'Haustechnik')).toBe(
      '1.000 Hubs an 1 Standort · Haustechnik',
    );
    expect(fleet.screen.subtitle(1, 3, 'Haustechnik')).toBe('1 Hub an 3 Standorten · Haustechnik');
    expect(fleet.screen.noMatchIn('nord', 'Fehler')).toBe(
      'Keine Hubs passen zu „nord“ in „Fehler“.',
    );
    expect(fleet.announce.refreshing(1)).toBe('1 Hub wird aktualisiert…');
    expect(fleet.announce.refreshing(1000)).toBe('1.000 Hubs werden aktualisiert…');
    expect(fleet.refresh.hintAll(40, 8)).toBe('Liest die Lizenz aller 40 Hubs, 8 gleichzeitig.');
    expect(fleet.feedback.importingFile('hubs.csv', 200, 1000)).toBe(
      'hubs.csv wird importiert: 200 von 1.000 Zeilen…',
    );
    expect(fleet.feedback.rejected(1)).toMatch(/^1 abgelehnte Zeile: /);
    expect(fleet.feedback.rejected(3)).toMatch(/^3 abgelehnte Zeilen: /);
    expect(fleet.table.label(12, 1000)).toBe('Hubs, 12 von 1.000 angezeigt');
    expect(fleet.table.sortBy('Nutzung', 'Nutzung')).toBe('Nutzung, nach Nutzung sortieren');
    expect(tHubs().panel.remove.question('Heizraum')).toBe('Heizraum aus dem Bestand entfernen?');
  });
});

describe('checks in German', () => {
  it('says what is wrong with a licence code', () => {
    expect(licenceCodeProblem('  ')).toBe('Geben Sie den neuen Lizenzcode ein.');
    expect(licenceCodeProblem('xyz-123')).toMatch(/hexadezimaler Ziffern/);
    expect(licenceCodeProblem(`a-${'b'.repeat(1000)}`)).toMatch(/höchstens 1\.000 Zeichen/);
  });

  it('says what is wrong with each field of the hub form, in German, not the schema’s English', () => {
    const check = checkHubForm(
      {
        ...EMPTY_HUB_FORM,
        scheme: 'http',
        host: 'has space',
        port: '70000',
        hid: 'xyz',
        basePath: 'no-slash',
        username: 'x'.repeat(300),
      },
      'add',
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual({
      name: 'Geben Sie dem Hub einen Namen.',
      scheme:
        'Unverschlüsseltes http ist nur für einen Hub im Standort-LAN erlaubt: Aktivieren Sie „Im Standort-LAN“ oder verwenden Sie https.',
      host: 'Ein Host ist ein Name oder eine IP-Adresse, ohne Leerzeichen und ohne Pfad.',
      port: 'Ein Port ist eine ganze Zahl von 1 bis 65535.',
      basePath: 'Ein Basispfad sieht aus wie /hubs/000001 (oder ist leer).',
      hid: 'Eine Hub-ID besteht aus 6 hexadezimalen Zeichen, z. B. 00A1F3.',
      username: 'Höchstens 256 Zeichen.',
      password: 'Geben Sie das Passwort des Hub-Kontos ein.',
    });
    const empty = checkHubForm({ ...EMPTY_HUB_FORM, name: 'A', hid: '00A1F3' }, 'edit');
    expect(!empty.ok && empty.problems).toEqual({
      host: 'Geben Sie den Hostnamen oder die IP-Adresse ein.',
      username: 'Geben Sie den Kontonamen des Hubs ein.',
    });
  });
});
