import type { Translation } from '../text';
import type { mobiusflowEn } from './mobiusflow.en';

/** User name = Kontoname, licence code = Lizenzcode, hub id = Hub-ID, as on the hubs screen. */
export const mobiusflowDe: Translation<typeof mobiusflowEn> = {
  accountRefused: (p) =>
    `Der Hub ${p.hub} hat das Konto „${p.username}“ abgelehnt: Prüfen Sie den Kontonamen und das Passwort, die für diesen Hub gespeichert sind.`,
  hubTrouble: (p) =>
    `Beim Hub ${p.hub} ist ein interner Fehler aufgetreten (HTTP ${p.status}). Versuchen Sie es in einigen Minuten erneut; bleibt der Fehler, starten Sie die MobiusFlow-Engine auf dem Hub neu.`,
  signInMalformed: (p) =>
    `Der Hub ${p.hub} hat die Anmeldung von „${p.username}“ als fehlerhaft abgelehnt.`,
  refusedReading: (p) => `Der Hub ${p.hub} hat das Lesen seiner Lizenz abgelehnt.`,
  refusedNewCode: (p) => `Der Hub ${p.hub} hat den neuen Lizenzcode abgelehnt.`,
  mayNotRead: (p) =>
    `Der Hub ${p.hub} erlaubt dem Konto „${p.username}“ nicht, die Lizenz zu lesen: Verwenden Sie ein Konto mit Lizenzrechten.`,
  mayNotChange: (p) =>
    `Der Hub ${p.hub} erlaubt dem Konto „${p.username}“ nicht, die Lizenz zu ändern: Verwenden Sie ein Konto mit Lizenzrechten.`,
  noPasswordSaved: (p) =>
    `Für den Hub ${p.hub} ist kein Passwort gespeichert. Bearbeiten Sie den Hub und geben Sie das Passwort seines Kontos ein.`,
  answeredForOtherHub: (p) =>
    `Der Hub unter ${p.host} hat für den Hub „${p.uri}“ statt für ${p.hid} geantwortet. Prüfen Sie die Hub-ID und die für diesen Hub gespeicherte Adresse (Basispfad).`,
  unknownAccount: () => '(unbekannt)',
  hubIdFormat: () =>
    'Eine Hub-ID besteht aus 6 Hexadezimalzeichen, z. B. 00A1F3. Prüfen Sie die Hub-ID.',
  licenceCodeFormat: () =>
    'Ein MobiusFlow-Lizenzcode besteht aus Gruppen von Hexadezimalziffern, verbunden durch „-“, z. B. 38782095-410e7ab5-…. Prüfen Sie den Code.',
};
