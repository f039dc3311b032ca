import type { Translation } from '../text';
import type { licensespringEn } from './licensespring.en';
import { licensespringRefusalsDe } from './licensespring-refusals.de';

const SET_CLOCK =
  'Stellen Sie Datum, Uhrzeit und Zeitzone dieses Computers richtig ein (am besten automatisch über das Internet) und versuchen Sie es dann erneut.';

const FILE_CHANGED =
  'Die Datei wurde also nach ihrer Erstellung durch LicenseSpring verändert oder für eine andere Anwendung erstellt. Nichts daraus wurde verwendet. Laden Sie sie erneut aus dem LicenseSpring-Offline-Portal herunter und importieren Sie sie unverändert.';

export const licensespringDe: Translation<typeof licensespringEn> = {
  ...licensespringRefusalsDe,

  webPage: (p) =>
    `Der Server unter ${p.host} hat eine Webseite statt Lizenzdaten gesendet: Womöglich steht ein Captive Portal, ein Proxy oder eine falsche Adresse im Weg. Prüfen Sie die Serveradresse und das Netzwerk.`,
  noData: (p) =>
    `Der Lizenzserver unter ${p.host} hat eine Antwort gesendet, die diese App nicht versteht (keine Daten). Versuchen Sie es erneut; bleibt das Problem, prüfen Sie die Serveradresse.`,
  notConfirmed: (p) =>
    `Der Lizenzserver unter ${p.host} hat etwas Unerwartetes geantwortet, statt zu bestätigen. Versuchen Sie es erneut; bleibt das Problem, prüfen Sie die Serveradresse.`,
  trialWithoutKey: (p) =>
    `Der Lizenzserver unter ${p.host} hat eine Testlizenz gestartet, aber keinen Lizenzschlüssel und kein Konto genannt. Versuchen Sie es erneut; bleibt das Problem, wenden Sie sich an den Anbieter.`,
  oauthRefused: (p) =>
    `Der LicenseSpring-Anmeldedienst unter ${p.host} hat die OAuth-Client-ID oder das Client-Secret dieser Anwendung abgelehnt. Die Konfiguration des Anbieters ist womöglich veraltet.`,

  offsetMinutes: (p, f) => (p.count === 1 ? 'eine Minute' : `${f.number(p.count)} Minuten`),
  offsetHours: (p, f) => `${f.number(p.count)} Stunden`,
  offsetDays: (p, f) => `${f.number(p.count)} Tage`,
  clockBehind: (p) =>
    `LicenseSpring hat die Anfrage abgelehnt, weil die Uhr dieses Computers gegenüber der Zeit des Servers ${p.amount} nachgeht (Anfragen dürfen höchstens 15 Minuten abweichen). ${SET_CLOCK}`,
  clockAhead: (p) =>
    `LicenseSpring hat die Anfrage abgelehnt, weil die Uhr dieses Computers gegenüber der Zeit des Servers ${p.amount} vorgeht (Anfragen dürfen höchstens 15 Minuten abweichen). ${SET_CLOCK}`,
  clockSuspect: () =>
    'LicenseSpring hat die Signatur der Anfrage abgelehnt und dabei ihren Zeitstempel genannt. Prüfen Sie, ob Datum, Uhrzeit und Zeitzone dieses Computers stimmen (am besten automatisch eingestellt), und versuchen Sie es dann erneut; stimmen sie, ist wahrscheinlich der Shared Key in der Konfiguration des Anbieters falsch.',

  unverified: (p) =>
    `Die Antwort des Lizenzservers wurde abgelehnt, weil sich nicht prüfen ließ, dass sie von LicenseSpring stammt (${p.why}). Nichts davon wurde verwendet. Womöglich verändert etwas im Netzwerk den Datenverkehr: Versuchen Sie es erneut, bei anhaltendem Problem in einem anderen Netzwerk, oder wenden Sie sich an den Anbieter.`,
  itsSignature: () => 'ihre Signatur',
  licenceSignature: () => 'die Lizenzsignatur',
  itsV2Signature: () => 'ihre v2-Signatur',
  signatureMissing: (p) => `${p.what} fehlt`,
  signatureDamaged: (p) => `${p.what} ist beschädigt`,
  signatureWrong: (p) => `${p.what} stimmt nicht`,
  validityUnreadable: () => 'das Gültigkeitsdatum der Lizenz ist nicht lesbar',
  licenceSignatureWrong: () =>
    'die Lizenzsignatur passt nicht zu diesem Computer und dieser Lizenz',

  apiKeyUnusable: () =>
    'Der LicenseSpring-API-Schlüssel in der Konfiguration ist leer oder enthält Zeichen, die kein API-Schlüssel hat (Leerzeichen, Anführungszeichen, Zeilenumbrüche). Prüfen Sie die Konfiguration des Anbieters.',
  sharedKeyEmpty: () =>
    'Der LicenseSpring-Shared-Key in der Konfiguration ist leer. Prüfen Sie die Konfiguration des Anbieters.',
  publicKeyUnreadable: () =>
    'Der öffentliche LicenseSpring-Schlüssel in der Konfiguration ist nicht lesbar. Es muss der öffentliche RSA-Schlüssel des Anbieters im PEM-Format sein (-----BEGIN PUBLIC KEY-----).',
  publicKeyNotRsa: (p) =>
    `Der öffentliche LicenseSpring-Schlüssel in der Konfiguration ist ein ${p.type}-Schlüssel; LicenseSpring signiert mit RSA. Prüfen Sie die Konfiguration des Anbieters.`,

  askAccountName: () => 'Geben Sie Ihren LicenseSpring-Kontonamen (E-Mail-Adresse) ein.',
  accountNameInvisible: () =>
    'Der Kontoname enthält unsichtbare Steuerzeichen. Geben Sie ihn erneut ein.',
  accountNameTooLong: (p, f) =>
    `Der Kontoname hat ${f.number(p.length)} Zeichen, mehr als ein echter haben kann (${f.number(p.max)}). Prüfen Sie, was eingefügt wurde.`,
  askFeatureCode: () => 'Nennen Sie die Funktion der Lizenz (ihren Code).',
  featureCodeSpaces: () =>
    'Der Funktionscode enthält Leerzeichen oder unsichtbare Zeichen. Geben Sie ihn erneut ein.',
  featureCodeTooLong: (p, f) =>
    `Der Funktionscode hat ${f.number(p.length)} Zeichen, mehr als ein echter haben kann (${f.number(p.max)}). Prüfen Sie, was eingefügt wurde.`,
  askPassword: () => 'Geben Sie das Passwort Ihres LicenseSpring-Kontos ein.',
  passwordTooLong: (p, f) =>
    `Passwörter haben höchstens ${f.number(p.max)} Zeichen; dieses hat ${f.number(p.length)}. Prüfen Sie, was eingefügt wurde.`,
  amountNotWhole: (p) =>
    `Die zu erfassende Menge muss eine ganze Zahl ungleich 0 sein (erhalten: ${p.amount}).`,
  borrowEndInvalid: () => 'Das Ende der Ausleihe ist kein gültiges Datum.',
  borrowEndPast: (p, f) =>
    `Das Ende der Ausleihe (${f.instant(p.until)}) liegt nicht in der Zukunft. Wählen Sie ein späteres Datum.`,
  emailWrong: () =>
    'Diese E-Mail-Adresse sieht nicht richtig aus. Prüfen Sie sie und versuchen Sie es erneut.',
  activateWithAccount: () =>
    'Dieses Produkt wird aktiviert, indem Sie sich mit Kontonamen und Passwort Ihres LicenseSpring-Kontos anmelden.',
  activateWithKey: () => 'Dieses Produkt wird mit einem Lizenzschlüssel aktiviert.',
  identityMissing: () =>
    'Der Lizenzschlüssel oder das Konto dieser Aktivierung fehlt. Aktivieren Sie die Lizenz erneut.',

  checkedWithServer: () => 'Beim Lizenzserver geprüft.',
  clockMovedBack: (p, f) =>
    `Die Uhr dieses Computers zeigt eine Zeit, die ${p.behind} vor einem Zeitpunkt liegt, den diese App bereits gesehen hat; daher kann die Lizenz hier nicht geprüft werden (der Server hat sie zuletzt am ${f.instant(p.lastCheck)} bestätigt). Stellen Sie Datum und Uhrzeit richtig ein (am besten automatisch) und prüfen Sie die Lizenz dann erneut beim Server.`,
  validForever: () => 'Die Lizenz ist gültig und läuft nicht ab.',
  validUntil: (p, f) => `Die Lizenz ist gültig bis ${f.instant(p.until)}.`,
  inGrace: (p, f) =>
    `Die Laufzeit der Lizenz endete am ${f.instant(p.until)}; der Anbieter lässt sie bis ${f.instant(p.graceUntil)} weiter funktionieren. Verlängern Sie sie vorher beim Anbieter und prüfen Sie sie dann beim Server.`,
  expired: (p, f) =>
    `Die Lizenz ist am ${f.instant(p.until)} abgelaufen. Verlängern Sie sie beim Anbieter und prüfen Sie sie dann beim Server.`,
  expiredAfterGrace: (p, f) =>
    `Die Lizenz ist am ${f.instant(p.until)} abgelaufen, und ihre Kulanzzeit endete am ${f.instant(p.graceUntil)}. Verlängern Sie sie beim Anbieter und prüfen Sie sie dann beim Server.`,
  invalidDisabled: () =>
    'Der Anbieter hat diese Lizenz deaktiviert. Wenden Sie sich an den Anbieter.',
  invalidTrialEnded: () =>
    'Der Testzeitraum dieser Lizenz ist vorbei. Kaufen Sie eine Lizenz, um das Produkt weiter zu nutzen.',
  invalidExpired: () => 'Diese Lizenz ist abgelaufen. Verlängern Sie sie beim Anbieter.',
  invalidNotActive: () =>
    'Diese Lizenz ist nicht aktiv (womöglich hat ihre Laufzeit noch nicht begonnen, oder der Anbieter hat sie pausiert). Wenden Sie sich an den Anbieter.',

  sizeMiB: (p, f) => `${f.number(p.mib)} MiB`,
  sizeKiB: (p, f) => `${f.number(p.kib)} KiB`,
  fileTooLarge: (p) =>
    `Die Datei ist ${p.size} groß, mehr als eine LicenseSpring-Lizenzdatei sein kann (höchstens ${p.max}). Prüfen Sie, ob Sie die Lizenzdatei aus dem LicenseSpring-Offline-Portal gewählt haben.`,
  notALicenceFile: () =>
    'Dies ist keine LicenseSpring-Lizenzdatei. Wählen Sie die Datei, die Ihnen das LicenseSpring-Offline-Portal für diesen Computer gegeben hat.',
  fileCutShort: () =>
    'Die Lizenzdatei ist unvollständig, vermutlich wurde sie beim Herunterladen oder Kopieren abgeschnitten. Laden Sie sie erneut aus dem LicenseSpring-Offline-Portal herunter und importieren Sie die neue Kopie.',
  isRequestFile: () =>
    'Dies ist die Anforderungsdatei, nicht die Lizenzdatei. Laden Sie sie im LicenseSpring-Offline-Portal hoch und importieren Sie dann die Datei, die Sie dort erhalten.',
  fileSignatureMissing: (p) =>
    `Die Lizenzdatei wurde abgelehnt, weil ${p.part} fehlt. ${FILE_CHANGED}`,
  fileSignatureWrong: (p) =>
    `Die Lizenzdatei wurde abgelehnt, weil ${p.part} nicht stimmt. ${FILE_CHANGED}`,
  itsOfflineSignature: () => 'ihre Offline-Signatur',
  itsLicenceSignature: () => 'ihre Lizenzsignatur',
  unknownOfflineRequest: (p) => `Unbekannte Offline-Anforderung „${p.kind}“.`,
  fileForOtherComputer: () =>
    'Diese Lizenzdatei wurde für einen anderen Computer erstellt. Erstellen Sie auf diesem Computer eine Anforderungsdatei, laden Sie sie im LicenseSpring-Offline-Portal hoch und importieren Sie die Lizenzdatei, die Sie dort erhalten.',
  fileForOtherProduct: (p) =>
    `Diese Lizenzdatei gilt für das Produkt „${p.product}“, diese Anwendung ist aber für „${p.expected}“ eingerichtet. Importieren Sie die Lizenzdatei für „${p.expected}“.`,
  fileForOtherAccount: (p) =>
    `Diese Lizenzdatei gilt für ein anderes Konto (${p.file}) als das hier erwartete (${p.expected}). Importieren Sie die Lizenzdatei für ${p.expected}.`,
  fileForOtherKey: (p) =>
    `Diese Lizenzdatei gilt für einen anderen Lizenzschlüssel (${p.file}) als den hier erwarteten (${p.expected}). Importieren Sie die Lizenzdatei für ${p.expected}.`,
  alreadyUsesLicence: (p) =>
    `Dieser Computer verwendet hier bereits die Lizenz${p.label ? ` ${p.label}` : ''}. Deaktivieren Sie sie zuerst.`,

  notActivatedYet: () =>
    'Diese Lizenz ist auf diesem Computer noch nicht aktiviert. Aktivieren Sie sie zuerst mit Ihrem Lizenzschlüssel.',
  trialNeedsAccount: () =>
    'Testlizenzen dieses Produkts sind an ein Konto gebunden: Starten Sie eine auf der Website des Anbieters und melden Sie sich dann hier an.',
  consumptionNotAllowed: () =>
    'Die Konfiguration des Anbieters erlaubt dieser App nicht, Nutzung zu erfassen; das Produkt erfasst sie selbst.',
  cannotKeep: (p) =>
    `Der Lizenzserver hat die Lizenz so beschrieben, dass diese App sie nicht speichern kann (${p.field}). Es wurde nichts geändert.`,
  keyNotStored: () =>
    'Der Lizenzschlüssel dieser Aktivierung fehlt im Schlüsselbund. Deaktivieren Sie die Lizenz und aktivieren Sie sie dann erneut.',
};
