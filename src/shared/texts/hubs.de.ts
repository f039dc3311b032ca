import type { Translation } from '../text';
import { MAX_LISTED_PROBLEMS, type hubsEn } from './hubs.en';
import { problemsIn } from './numbered-problems';

export const hubsDe: Translation<typeof hubsEn> = {
  hubName: (p) => `„${p.name}“`,
  hubNameAt: (p) => `„${p.name}“ (${p.site})`,
  hubSaid: (p) => `Hub ${p.hub} – ${p.message}`,

  hubTimedOut: (p, f) =>
    `Hub ${p.hub} ist nicht innerhalb von ${f.duration(p.seconds)} fertig geworden. Er ist vielleicht ausgelastet oder das Netzwerk langsam; die anderen Hubs wurden nicht aufgehalten.`,
  refreshRunning: (p, f) =>
    `Eine Aktualisierung von ${f.number(p.total)} Hubs läuft (${f.number(p.done)} erledigt). Warten Sie, bis sie abgeschlossen ist, und aktualisieren Sie dann diese Hubs.`,

  serviceClosed: () => 'Der Hub-Dienst ist beendet.',
  hidAmbiguous: (p, f) =>
    `Die Hub-ID ${p.hid} bezeichnet ${f.number(p.count)} Hubs (${p.hubs}). Verwenden Sie stattdessen die Bestands-ID (siehe \`hub list --json\`).`,
  noHub: (p) => `Im Bestand gibt es keinen Hub ${p.ref}.`,
  noHubWithId: (p) => `Im Bestand gibt es keinen Hub mit der ID ${p.id}.`,
  removedElsewhere: () =>
    'Dieser Hub wurde inzwischen entfernt (in einem anderen Fenster oder über die CLI).',
  removedMeanwhile: () => 'Dieser Hub wurde inzwischen entfernt.',
  passwordRequired: () => 'Geben Sie das Passwort des Hub-Kontos ein: Ein neuer Hub braucht eines.',
  alreadyInInventory: (p) =>
    `Hub ${p.hid} unter ${p.host} ist bereits als ${p.twin} im Bestand. Bearbeiten Sie stattdessen diesen Hub.`,
  httpOffLan: (p) =>
    `Hub ${p.hub} ist auf unverschlüsseltes http eingestellt, aber nicht als „Im Standort-LAN“ markiert. Bearbeiten Sie den Hub: Verwenden Sie https oder aktivieren Sie „Im Standort-LAN“.`,

  problems: (p, f) =>
    problemsIn(p, MAX_LISTED_PROBLEMS)
      .map(({ field, problem }) => `${field ? `„${field}“` : 'Hub'}: ${problem}`)
      .concat(p.more ? [`und ${f.number(p.more)} weitere`] : [])
      .join('; '),
  nameMissing: () => 'Geben Sie dem Hub einen Namen',
  hostMissing: () => 'Geben Sie den Hostnamen oder die IP-Adresse ein',
  hostShape: () => 'Ein Host ist ein Name oder eine IP-Adresse, ohne Leerzeichen und ohne Pfad',
  basePathShape: () => 'Ein Basispfad sieht aus wie /hubs/000001 (oder ist leer)',
  hidShape: () => 'Eine Hub-ID besteht aus 6 hexadezimalen Zeichen, z. B. 00A1F3',
  usernameMissing: () => 'Geben Sie den Kontonamen des Hubs ein',
  httpOnlyOnLan: () =>
    'Unverschlüsseltes http ist nur für einen Hub erlaubt, der als „Im Standort-LAN“ markiert ist',

  csvQuoteOpen: () => 'Ein Feld in Anführungszeichen ist nicht geschlossen (ein " fehlt)',
  csvEmpty: () => 'Die Datei ist leer: Die erste Zeile muss die Spalten benennen',
  csvUnknownColumns: (p) => `Unbekannte Spalte ${p.columns}; die Spalten sind ${p.known}`,
  csvColumnTwice: (p) => `Die Spalte „${p.column}“ kommt zweimal vor`,
  csvMissingColumns: (p) =>
    `In der Kopfzeile ${p.count > 1 ? 'fehlen die Spalten' : 'fehlt die Spalte'} ${p.columns}`,
  csvTooManyFields: (p, f) =>
    `Die Zeile hat ${f.number(p.fields)} Felder, die Kopfzeile nennt aber nur ${f.number(p.columns)}; setzen Sie ein Feld, das ein Komma enthält, in Anführungszeichen`,
  csvNotAPort: (p) => `port: „${p.value}“ ist keine Portnummer`,
  csvLanYesNo: (p) => `lan: Schreiben Sie „yes“ oder „no“, nicht „${p.value}“`,
  csvDuplicateLine: (p, f) =>
    `Hub ${p.hid} unter ${p.host} steht bereits in Zeile ${f.number(p.line)}`,
  csvNewHubPassword: () =>
    'password: Ein Hub, der noch nicht im Bestand ist, braucht sein Passwort',

  certificateReadCancelled: (p) => `Das Lesen des Zertifikats von ${p.where} wurde abgebrochen.`,
  noCertificate: (p) => `${p.where} hat kein Zertifikat vorgelegt.`,
  notHttps: (p) =>
    `${p.where} spricht kein https. Prüfen Sie den Port oder ob dieser Hub im LAN unverschlüsseltes http verwendet.`,
  certificateChanged: (p) =>
    `Das Zertifikat von Hub ${p.hub} hat sich geändert, seit Sie ihm vertraut haben (vorher ${p.pinned}, jetzt ${p.presented}). Wurde der Hub ersetzt, prüfen Sie das neue Zertifikat und vertrauen Sie ihm; andernfalls fängt möglicherweise jemand im Netzwerk die Verbindung ab.`,
  untrustedCertificate: (p) =>
    `Hub ${p.hub} zeigt ein Zertifikat, dem dieser Computer nicht vertraut (Hubs haben meist ein selbstsigniertes). Prüfen Sie das Zertifikat des Hubs und vertrauen Sie ihm, wenn es mit dem auf dem Hub angezeigten übereinstimmt.`,
  plainHttpNoCertificate: (p) =>
    `Hub ${p.hub} verwendet im LAN unverschlüsseltes http: Er hat kein Zertifikat, dem Sie vertrauen könnten.`,
  fingerprintShape: () =>
    'Ein Zertifikats-Fingerabdruck besteht aus 32 Paaren hexadezimaler Ziffern (SHA-256), z. B. 3A:F1:…',
  certificateNotReviewed: (p) =>
    `Hub ${p.hub} zeigt jetzt das Zertifikat ${p.presented}, nicht das von Ihnen geprüfte (${p.reviewed}). Prüfen Sie das Zertifikat erneut, bevor Sie ihm vertrauen.`,
};
