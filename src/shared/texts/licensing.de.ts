import type { Translation } from '../text';
import type { licensingEn } from './licensing.en';

export const licensingDe: Translation<typeof licensingEn> = {
  enterKey: () => 'Geben Sie einen Lizenzschlüssel ein.',
  keyControlCharacters: () =>
    'Der Lizenzschlüssel enthält unsichtbare Steuerzeichen. Fügen Sie ihn erneut ein oder tippen Sie ihn von Hand ein.',
  keyTooLong: (p, f) =>
    `Dieser Lizenzschlüssel ist ${f.number(p.length)} Zeichen lang, mehr als jeder echte Schlüssel (${f.number(p.max)}). Prüfen Sie, was eingefügt wurde.`,

  notActivatedUseKey: () =>
    'Diese Lizenz ist auf diesem Computer noch nicht aktiviert. Aktivieren Sie sie zuerst mit Ihrem Lizenzschlüssel.',
  notActivatedYet: () => 'Diese Lizenz ist auf diesem Computer noch nicht aktiviert.',
  nothingToDeactivate: () => 'Hier ist nichts aktiviert, daher gibt es nichts zu deaktivieren.',
  otherLicenceHere: (p) =>
    `Dieser Computer verwendet hier bereits die Lizenz ${p.keyLabel}. Deaktivieren Sie sie zuerst, um auf anderem Weg zu aktivieren.`,
  serverSaysNotValid: () => 'Laut Lizenzserver ist diese Lizenz ungültig.',
  closing: () => 'Der Lizenzmanager wird beendet; es wird kein neuer Lizenzplatz belegt.',
  superseded: () => 'Diese Lizenz wurde deaktiviert, während sie geprüft wurde.',
  releasedElsewhere: () =>
    'Dieser Lizenzplatz wurde in einem anderen Fenster oder über die Kommandozeile zurückgegeben.',
  noSeatHeld: () =>
    'Dieser Computer belegt keinen Floating-Lizenzplatz. Fordern Sie zuerst einen Lizenzplatz an.',
  seatLapsed: () =>
    'Die Belegung des Lizenzplatzes ist abgelaufen, weil kein Lebenszeichen rechtzeitig beim Server ankam. Fordern Sie erneut einen Lizenzplatz an.',
  heartbeatNoLease: () =>
    'Das Lebenszeichen hat keine Belegung zurückgegeben. Bitte melden Sie diesen Fehler.',
  heartbeatFailed: () =>
    'Das Lebenszeichen ist unerwartet fehlgeschlagen. Bitte melden Sie diesen Fehler.',
  internal: () => 'Im Lizenzmanager ist etwas schiefgelaufen. Bitte melden Sie diesen Fehler.',

  unknownProfile: (p) => `Die Konfiguration enthält kein Lizenzprofil „${p.profileId}“.`,
  noFloatingSeats: (p) => `Das Lizenzprofil „${p.profileId}“ hat keine Floating-Lizenzplätze.`,
  enirisNotHere: () =>
    'Eniris-Lizenzen gehören zu Ihrem Eniris-Konto, nicht zu diesem Computer: Verwenden Sie die Seite „Eniris“ oder `license-manager eniris`.',
  licenceFileNotHere: () =>
    'Dieses Produkt wird über eine Lizenzdatei des Anbieters lizenziert: Importieren Sie sie auf der Seite „Aktivierung“ oder mit `license-manager offline import DATEI`.',
  mobiusflowNotHere: () =>
    'MobiusFlow-Lizenzen gehören zu den Hubs, nicht zu diesem Computer: Verwenden Sie die Seite „Hubs“ oder `license-manager hub`.',
};
