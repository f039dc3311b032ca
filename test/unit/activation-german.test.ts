import { describe, expect, it } from 'vitest';
import { tActivation } from '../../src/renderer/src/i18n/activation.en';
import { tOffline } from '../../src/renderer/src/i18n/offline.en';
import { tSeats } from '../../src/renderer/src/i18n/seats.en';
import {
  accountErrorTitle,
  activateIntro,
  deactivateConsequence,
  methodLabel,
} from '../../src/renderer/src/lib/activation-text';
import { keyProblem } from '../../src/renderer/src/lib/licence-key';
import { modeLabel, seatStateText, statusLabel } from '../../src/renderer/src/lib/licence-text';
import { fileStateLabel } from '../../src/renderer/src/lib/offline-text';
import { useGermanScreens } from '../support/german-screens';

describe('activation, seats and offline in German', () => {
  useGermanScreens();

  it('names the ways of activating and what deactivating gives up', () => {
    expect(methodLabel('key')).toBe('Lizenzschlüssel');
    expect(methodLabel('account')).toBe('Mit Ihrem Konto anmelden');
    expect(activateIntro('choice')).toMatch(/^Wählen Sie, wie Sie aktivieren möchten/);
    expect(activateIntro('serial')).toContain('Seriennummer');
    expect(accountErrorTitle({ code: 'invalid_credentials', message: '' })).toBe(
      'Kontoname oder Passwort ist falsch',
    );
    expect(deactivateConsequence('seats', { mode: 'floating' })).toContain('Lizenzplatz');
    expect(deactivateConsequence('licence-file', { mode: 'file' })).toContain('Lizenzdatei');
  });

  it('says the licence, seat and file states in German', () => {
    expect(statusLabel('active')).toEqual({ label: 'Aktiv', tone: 'success' });
    expect(statusLabel('revoked').label).toBe('Widerrufen');
    expect(modeLabel('floating')).toBe('Floating-Lizenzplätze');
    expect(seatStateText('held')).toMatchObject({ label: 'Lizenzplatz belegt', tone: 'success' });
    expect(fileStateLabel('grace')).toEqual({ label: 'In der Kulanzfrist', tone: 'warning' });
  });

  it('checks licence keys in German, with the limit in the sentence', () => {
    expect(keyProblem('')).toBe('Geben Sie einen Lizenzschlüssel ein.');
    expect(keyProblem('A'.repeat(300))).toBe('Ein Lizenzschlüssel hat höchstens 256 Zeichen.');
    expect(keyProblem('KEY-ÄÖÜ')).toMatch(/^Ein Lizenzschlüssel besteht nur aus/);
  });

  it('fills in values where German puts them', () => {
    const a = tActivation();
    expect(a.announce.checked('aktiv')).toBe('Lizenz geprüft: aktiv.');
    expect(a.card.usage('3', '1.000')).toBe('3 von 1.000');
    expect(a.trial.description('Render Pro', 14)).toBe(
      'Nutzen Sie Render Pro 14 Tage lang kostenlos als Testlizenz auf diesem Computer: Sie brauchen keinen Schlüssel. Aktivieren Sie einen Lizenzschlüssel, sobald Sie die Software kaufen.',
    );
    expect(a.trial.description('Render Pro', 1)).toMatch(/^Nutzen Sie Render Pro einen Tag lang/);
    expect(a.trial.description('Render Pro', 0)).toMatch(/^Nutzen Sie Render Pro kostenlos als/);

    const s = tSeats();
    expect(s.pool.inUse('2', '5')).toBe('**2** von **5** Lizenzplätzen belegt');
    expect(s.pool.free('3')).toBe('3 frei');
    expect(s.pool.checked('vor 5\u00a0s')).toBe('Stand: vor 5\u00a0s');
    expect(s.seat.in('2\u00a0min')).toBe('in 2\u00a0min');
    expect(s.seat.lastFailed('Server nicht erreichbar')).toBe(
      'Letztes Lebenszeichen fehlgeschlagen: Server nicht erreichbar',
    );

    const o = tOffline();
    expect(o.files.request.qrPart(2, 3)).toBe('QR-Code 2 von 3 der Anforderungsdatei');
    expect(o.qr.part(1, 4)).toBe('Code 1 von 4: Scannen Sie alle, in beliebiger Reihenfolge.');
    expect(o.fileScreen.cardTitle('CAD-PRO')).toBe('Lizenz für CAD-PRO');
    expect(o.drop.tooLarge('gross.lic', 5.25)).toMatch(/^gross\.lic ist 5,3 MB groß/);
    expect(o.drop.unreadable('a.lic')).toBe('a.lic konnte nicht gelesen werden.');
  });

  it('tells one day from several', () => {
    const o = tOffline();
    expect(o.fileScreen.graceDays(1)).toBe('einen Tag nach Ablauf');
    expect(o.fileScreen.graceDays(14)).toBe('14 Tage nach Ablauf');
  });
});

describe('the same messages in English', () => {
  it('keep their English wording', () => {
    expect(tActivation().trial.description('Render Pro', 14)).toBe(
      'Run Render Pro as a free trial on this computer for 14 days: no key needed. Activate a key whenever you buy it.',
    );
    expect(tSeats().pool.inUse('2', '5')).toBe('**2** of **5** seats in use');
    expect(tOffline().files.deactivation.qr).toBe('QR code of the deactivation file');
    expect(tOffline().drop.tooLarge('big.lic', 5)).toMatch(/^big\.lic is 5\.0 MB, far larger/);
    expect(keyProblem('A'.repeat(300))).toBe('A licence key is at most 256 characters.');
  });
});
