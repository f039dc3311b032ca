import type { Formats, Translation } from '../text';
import type { enirisEn } from './eniris.en';

const retryWhen = (seconds: number | undefined, f: Formats): string =>
  seconds === undefined
    ? 'Warten Sie eine Minute und versuchen Sie es dann erneut.'
    : `Versuchen Sie es in ${f.duration(seconds)} erneut.`;

/** Node id = Controller-ID and username = Kontoname, as on the Eniris screen; claim = zuordnen. */
export const enirisDe: Translation<typeof enirisEn> = {
  sessionExpired: () => 'Ihre Eniris-Sitzung ist abgelaufen. Melden Sie sich erneut an.',
  notSignedIn: () => 'Melden Sie sich zuerst bei Eniris an.',
  refusedAfterRenewal: () =>
    'Eniris hat diese Anfrage sogar mit einem soeben ausgestellten Zugriffstoken abgelehnt. Melden Sie sich erneut an; geschieht das wiederholt, prüfen Sie, ob die Uhr dieses Computers richtig geht.',

  tooManyFailedSignIns: (p, f) =>
    `Für dieses Eniris-Konto gab es zu viele fehlgeschlagene Anmeldeversuche. ${retryWhen(p.seconds, f)}`,
  tooManyRequests: (p, f) =>
    `Eniris erhält zu viele Anfragen von diesem Computer. ${retryWhen(p.seconds, f)}`,
  serverTrouble: (p) =>
    `Bei Eniris ist ein Problem aufgetreten (HTTP ${p.status}). Versuchen Sie es in einigen Minuten erneut.`,

  signInMalformed: () => 'Eniris hat die Anmeldedaten als fehlerhaft abgelehnt.',
  wrongCredentials: () =>
    'Eniris hat diesen Kontonamen und dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut.',
  noPassword: () =>
    'Für dieses Konto ist bei Eniris kein Passwort hinterlegt. Prüfen Sie den Kontonamen; stimmt er, legen Sie zuerst im Eniris-Portal ein Passwort fest.',

  noRights: (p) =>
    `Ihr Eniris-Konto hat keine Berechtigung für ${p.target}. Bitten Sie Ihren Eniris-Administrator um Zugriff.`,
  targetLicence: () => 'diese Lizenz',
  targetLicenceOrController: (p) => `diese Lizenz oder den Controller „${p.nodeId}“`,
  targetController: (p) => `den Controller „${p.nodeId}“`,
  targetCustomer: (p) => `den Kunden ${p.customerId}`,
  unknownKey: () => 'Eniris kennt diesen Lizenzschlüssel nicht. Prüfen Sie ihn auf Tippfehler.',
  unknownNode: (p) =>
    `Eniris kennt keinen Controller mit der Controller-ID „${p.nodeId}“. Prüfen Sie die Controller-ID.`,
  unknownKeyOrNode: (p) =>
    `Eniris kennt diesen Lizenzschlüssel oder den Controller „${p.nodeId}“ nicht. Prüfen Sie beide auf Tippfehler.`,
  unknownCustomer: (p) =>
    `Eniris kennt keinen Kunden mit der ID ${p.customerId}. Prüfen Sie die Kunden-ID.`,
  alreadyLinked: () =>
    'Diese Lizenz ist bereits einem anderen Controller zugeordnet. Verwenden Sie eine andere Lizenz oder heben Sie die Zuordnung dort zuerst auf.',
  requestInvalid: () => 'Eniris hat die Anfrage als ungültig abgelehnt.',

  tokenReplyWrong: (p) =>
    `Der Eniris-Anmeldedienst unter ${p.host} hat ${p.reply} gesendet, wo ${p.expected} erwartet wurde. Versuchen Sie es erneut; bleibt der Fehler, prüfen Sie die Eniris-Adressen in der Konfiguration.`,
  tokenReplyEmpty: () => 'eine leere Antwort',
  tokenReplyJson: () => 'Daten (JSON)',
  tokenReplyWebPage: () =>
    'eine Webseite (ein Captive Portal, ein Proxy oder eine falsche Adresse steht womöglich im Weg)',
  tokenReplyNotToken: () => 'Text, der kein Token ist',
  expectedRefreshToken: () => 'ein Anmeldetoken',
  expectedNewRefreshToken: () => 'ein neues Anmeldetoken',
  expectedAccessToken: () => 'ein Zugriffstoken',

  enterUsername: () => 'Geben Sie den Namen Ihres Eniris-Kontos ein.',
  enterPassword: () => 'Geben Sie Ihr Eniris-Passwort ein.',
  usernameControlCharacters: () =>
    'Der Kontoname enthält unsichtbare Steuerzeichen. Geben Sie ihn erneut ein.',
  credentialsTooLong: (p, f) =>
    `Kontonamen und Passwörter bei Eniris haben höchstens ${f.number(p.max)} Zeichen. Prüfen Sie, was eingefügt wurde.`,
  keyTooLong: (p, f) =>
    `Ein Eniris-Lizenzschlüssel hat höchstens ${f.number(p.max)} Zeichen; dieser hat ${f.number(p.length)}. Prüfen Sie, was eingefügt wurde.`,
  enterNodeId: () => 'Geben Sie die Controller-ID ein.',
  nodeIdControlCharacters: () =>
    'Die Controller-ID enthält unsichtbare Steuerzeichen. Geben Sie sie erneut ein.',
  nodeIdTooLong: (p, f) =>
    `Eine Controller-ID hat höchstens ${f.number(p.max)} Zeichen; diese hat ${f.number(p.length)}.`,
  customerIdNotUuid: () =>
    'Eine Eniris-Kunden-ID ist eine UUID wie 497f6eca-6276-4993-bfeb-53cbbbba6f08. Prüfen Sie die Eingabe.',
  activationTimeFormat: () =>
    'Der Aktivierungszeitpunkt muss ein ISO-8601-Datum mit Uhrzeit und Zeitzone sein, etwa 2026-01-15T09:00:00Z.',

  notEnirisProfile: (p) => `„${p.profileId}“ ist kein Eniris-Profil in der Konfiguration.`,
  giveControllerOrCustomer: () => 'Geben Sie eine Controller-ID oder eine Kunden-ID an.',
};
