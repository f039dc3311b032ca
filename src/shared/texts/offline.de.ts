import type { Translation } from '../text';
import { fileIssues, type offlineEn } from './offline.en';

const keygen = 'Erstellen Sie ein Schlüsselpaar mit `license-manager vendor keygen`.';

export const offlineDe: Translation<typeof offlineEn> = {
  clockAgrees: (p, f) =>
    `Die Uhr dieses Computers stimmt mit der spätesten Zeit überein, die er bisher angezeigt hat (${f.instant(p.latest)}).`,
  clockBehind: (p, f) =>
    `Die Uhr dieses Computers liegt ${p.behind} hinter der spätesten Zeit, die er bereits angezeigt hat (${f.instant(p.latest)}). Offline-Lizenzen sind gesperrt, bis die Uhr richtig gestellt ist. Ist sie das bereits, verbinden Sie sich einmal mit dem Lizenzserver.`,
  clockRecordAltered: () =>
    'Die Aufzeichnung der spätesten Zeit, die dieser Computer angezeigt hat, wurde verändert. Offline-Lizenzen sind gesperrt: Verbinden Sie sich einmal mit dem Lizenzserver oder importieren Sie die Lizenzdatei erneut.',
  behindDays: (p, f) => `${f.number(p.count)} ${p.count === 1 ? 'Tag' : 'Tage'}`,
  behindHours: (p, f) => `${f.number(p.count)} ${p.count === 1 ? 'Stunde' : 'Stunden'}`,
  behindMinutes: (p, f) => `${f.number(p.count)} ${p.count === 1 ? 'Minute' : 'Minuten'}`,
  behindUnderAMinute: () => 'weniger als eine Minute',

  dateBeforeIssue: (p, f) =>
    `Das Datum dieses Computers (${f.day(p.now)}) liegt vor dem Ausstellungsdatum dieser Lizenz (${f.day(p.issuedAt)}). Stellen Sie Datum und Uhrzeit richtig ein.`,
  neverExpires: () => 'Diese Lizenz läuft nicht ab.',
  expired: (p, f) =>
    `Diese Lizenz ist am ${f.day(p.expiresAt)} abgelaufen. Fordern Sie beim Anbieter eine verlängerte Lizenzdatei an und importieren Sie sie hier.`,
  inGrace: (p, f) =>
    `Diese Lizenz ist am ${f.day(p.expiresAt)} abgelaufen; dank ihrer Kulanzfrist funktioniert sie noch bis zum ${f.day(p.graceEnds)}. Fordern Sie beim Anbieter eine verlängerte Lizenzdatei an.`,
  expiring: (p, f) =>
    `Diese Lizenz läuft am ${f.day(p.expiresAt)} ab, in ${f.number(p.daysLeft)} ${p.daysLeft === 1 ? 'Tag' : 'Tagen'}. Fordern Sie rechtzeitig eine verlängerte Lizenzdatei beim Anbieter an.`,
  validUntil: (p, f) => `Gültig bis ${f.day(p.expiresAt)}.`,
  issuedAfterToday: (p, f) =>
    `Diese Lizenzdatei wurde am ${f.day(p.issuedAt)} ausgestellt, also nach dem Datum dieses Computers (${f.day(p.now)}). Stellen Sie Datum und Uhrzeit richtig ein und importieren Sie sie dann erneut.`,
  fileExpired: (p, f) =>
    `Diese Lizenzdatei ist am ${f.day(p.expiresAt)} abgelaufen. Fordern Sie beim Anbieter eine verlängerte an.`,
  nothingToRemove: () => 'Hier ist keine Lizenzdatei importiert, es gibt also nichts zu entfernen.',

  keyIdShape: () => 'muss aus 16 Hexadezimalziffern bestehen',
  termsInstant: () => 'muss ein UTC-Zeitpunkt in der Form 2026-12-31T23:59:59.999Z sein',
  termsPrintable: () => 'muss druckbarer Text ohne Leerzeichen am Anfang und Ende sein',
  termsEmail: () => 'muss eine E-Mail-Adresse sein',
  termsProduct: () => 'nur Buchstaben, Ziffern und . _ - (3 bis 100 Zeichen)',
  termsFeature: () =>
    'nur Buchstaben, Ziffern und . _ - (höchstens 64 Zeichen, am Anfang ein Buchstabe oder eine Ziffer)',
  termsFeatureOnce: () => 'jeder Funktionscode darf nur einmal vorkommen',
  termsFingerprint: () => 'muss aus 64 Hexadezimalziffern in Kleinbuchstaben bestehen',
  termsExpiresAfterIssue: () => 'muss nach issuedAt liegen',
  termsGraceNeedsExpiry: () => 'nur eine Lizenz mit Ablaufdatum hat Kulanztage',
  cannotSign: (p) =>
    `Diese Lizenzbedingungen können nicht signiert werden: ${fileIssues(p, '(oberste Ebene)')}.`,
  otherVendorKey: (p) =>
    `Diese Lizenzdatei wurde mit einem anderen Anbieterschlüssel (${p.fileKey}) signiert als dem, dem diese App vertraut (${p.trustedKey}). Fordern Sie beim Anbieter eine Lizenz an, die mit dem Schlüssel aus der Konfiguration dieser App signiert ist.`,
  alteredAfterSigning: () =>
    'Diese Lizenzdatei wurde nach dem Signieren verändert: Ihre Signatur passt nicht zu ihrem Inhalt. Fordern Sie beim Anbieter eine neue Kopie an und bearbeiten Sie die Datei nicht.',
  wrongProduct: (p) =>
    `Diese Lizenz gilt für das Produkt „${p.product}“, nicht für „${p.expected}“ (diese App). Fordern Sie beim Anbieter eine Lizenz für ${p.expected} an.`,
  otherComputer: (p) =>
    `Diese Lizenz wurde für einen anderen Computer ausgestellt. Senden Sie dem Anbieter den Gerätefingerabdruck dieses Computers (${p.fingerprint}), um eine Lizenz für ihn zu erhalten.`,
  fileTooBig: (p, f) =>
    `Diese Datei ist ${f.number(p.bytes)} Byte groß; eine Lizenzdatei hat höchstens ${f.number(p.max)} Byte (64 KiB), es ist also keine. Wählen Sie die Lizenzdatei, die der Anbieter geschickt hat.`,
  fileEmpty: () => 'Die Lizenzdatei ist leer. Bitten Sie den Anbieter, sie erneut zu senden.',
  fileCutShort: () =>
    'Die Lizenzdatei ist unvollständig (abgeschnitten): Sie endet vor ihrer letzten Zeile. Kopieren oder laden Sie sie erneut herunter.',
  notALicenceFile: (p) => `Dies ist keine Lizenzdatei: ${p.why}`,
  binaryFile: () =>
    'Die Datei ist eine Binärdatei (ein Bild oder ein Programm?), nicht die Textdatei, die der Anbieter geschickt hat.',
  looksLikeLicenseSpring: () =>
    'Die Datei sieht aus wie eine LicenseSpring-Lizenz (Base64-Text). Importieren Sie sie stattdessen im LicenseSpring-Profil.',
  notJson: () =>
    'Die Datei ist kein JSON-Text. Wählen Sie die Lizenzdatei, die der Anbieter geschickt hat.',
  otherJson: (p) =>
    `Dies ist keine Lizenzdatei: Sie enthält JSON, aber keine License-Manager-Lizenz (es fehlt "format": "${p.format}").`,
  newerVersion: (p, f) =>
    `Diese Lizenzdatei hat die Formatversion ${f.number(p.version)}; diese App liest nur Version ${f.number(p.supported)}. Aktualisieren Sie die App.`,
  versionMissing: () =>
    'Die Lizenzdatei ist beschädigt: Ihre Angabe "version" fehlt oder ist keine Zahl. Bitten Sie den Anbieter, sie erneut zu senden.',
  fileDamaged: (p) =>
    `Die Lizenzdatei ist beschädigt (${fileIssues(p, '(oberste Ebene)')}). Bitten Sie den Anbieter, sie erneut zu senden.`,
  contentsNotJson: () =>
    'Die Lizenzdatei ist signiert, aber ihr Inhalt ist kein JSON. Bitten Sie den Anbieter, sie neu auszustellen.',
  contentsInvalid: (p) =>
    `Die Lizenzdatei ist signiert, aber ihr Inhalt ist ungültig (${fileIssues(p, '(oberste Ebene)')}). Bitten Sie den Anbieter, sie neu auszustellen.`,

  publicKeyIsPrivate: () =>
    'Der öffentliche Lizenzschlüssel in der Anbieterkonfiguration ist ein PRIVATER Schlüssel: Jeder mit dieser Konfiguration kann Lizenzen ausstellen. Tragen Sie dort public.pem ein und erstellen Sie ein neues Schlüsselpaar.',
  publicKeyNotPem: () =>
    'Der öffentliche Lizenzschlüssel in der Anbieterkonfiguration ist kein öffentlicher Schlüssel im PEM-Format (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----).',
  publicKeyNotEd25519: (p) =>
    `Der öffentliche Lizenzschlüssel in der Anbieterkonfiguration ist ein Schlüssel vom Typ „${p.type}“; Lizenzdateien werden mit einem Ed25519-Schlüssel geprüft. ${keygen}`,
  signingKeyIsPublic: () =>
    'Der Signaturschlüssel ist ein öffentlicher Schlüssel; signieren Sie mit dem privaten Schlüssel (private.pem).',
  signingKeyNotPem: () =>
    `Der Signaturschlüssel ist kein unverschlüsselter privater Schlüssel im PEM-Format (-----BEGIN PRIVATE KEY-----). ${keygen}`,
  signingKeyNotEd25519: (p) =>
    `Der Signaturschlüssel ist ein Schlüssel vom Typ „${p.type}“; Lizenzdateien werden mit einem Ed25519-Schlüssel signiert. ${keygen}`,
  unknownKeyType: () => 'unbekannt',

  qrCapacity: (p, f) =>
    `Ein QR-Code fasst hier zwischen ${f.number(p.min)} und ${f.number(p.max)} Zeichen, nicht ${f.number(p.given)}.`,
  nothingToEncode: () => 'Es gibt nichts zu codieren.',
  tooManyQrCodes: (p, f) =>
    `Dieser Text bräuchte ${f.number(p.count)} QR-Codes, mehr als die ${f.number(p.max)}, die ein Smartphone sinnvoll aufnehmen kann. Verwenden Sie stattdessen eine Datei.`,
  noQrScanned: () => 'Es wurde kein QR-Code gescannt.',
  qrNotOneText: () =>
    'Diese QR-Codes sind nicht Teile eines einzigen Textes: Scannen Sie nur die Codes einer Anforderung.',
  qrHeaderDamaged: () =>
    'Ein gescannter QR-Code ist kein Teil, den dieses Programm erstellt hat: Sein Kopf ist beschädigt.',
  qrDifferentTexts: () =>
    'Diese QR-Codes gehören zu verschiedenen Texten: Scannen Sie nur die Codes einer Anforderung.',
  qrPartTwice: (p, f) =>
    `Teil ${f.number(p.index)} wurde zweimal mit unterschiedlichem Inhalt gescannt: Scannen Sie ihn erneut.`,
  qrPartsMissing: (p, f) =>
    `Nicht alle Codes wurden gescannt: ${p.count === 1 ? 'Es fehlt' : 'Es fehlen'} ${p.missing} von ${f.number(p.total)}.`,
  qrDoNotAddUp: () =>
    'Die gescannten QR-Codes ergeben nicht den Text, aus dem sie erstellt wurden: Scannen Sie erneut.',
};
