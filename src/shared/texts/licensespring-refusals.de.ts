import type { Translation } from '../text';
import type { FeatureParam as Feature, licensespringRefusalsEn } from './licensespring-refusals.en';

/** "dieser Lizenz" / "der Funktion „X“ dieser Lizenz" (genitive). */
const ofThing = (p: Feature): string =>
  p.feature === undefined ? 'dieser Lizenz' : `der Funktion „${p.feature}“ dieser Lizenz`;
/** "diese Lizenz" / "die Funktion „X“ dieser Lizenz" (nominative and accusative). */
const thing = (p: Feature): string =>
  p.feature === undefined ? 'diese Lizenz' : `die Funktion „${p.feature}“ dieser Lizenz`;
const Thing = (p: Feature): string =>
  p.feature === undefined ? 'Diese Lizenz' : `Die Funktion „${p.feature}“ dieser Lizenz`;

const AGAIN_LATER =
  'Deaktivieren Sie sie auf einem Computer, den Sie nicht mehr verwenden, und versuchen Sie es dann erneut.';

export const licensespringRefusalsDe: Translation<typeof licensespringRefusalsEn> = {
  vendorSetup: (p) =>
    `${p.problem} Die Konfiguration des Anbieters ist womöglich veraltet; wenden Sie sich an den Anbieter.`,
  invalidApiKey: () => 'LicenseSpring hat den API-Schlüssel dieser Anwendung abgelehnt.',
  hmacRequired: () =>
    'LicenseSpring verlangt für dieses Produkt Anfragen, die mit dem API-Schlüssel und dem Shared Key signiert sind, doch die App ist anders eingerichtet.',
  productNotAllowed: (p) =>
    `Der API-Schlüssel dieser Anwendung darf das Produkt „${p.product}“ bei LicenseSpring nicht verwenden.`,
  authHeaders: () =>
    'LicenseSpring konnte die Autorisierung dieser Anfrage nicht lesen; womöglich entfernt ein Proxy Header, oder die App ist falsch eingerichtet.',
  signatureMismatch: () =>
    'LicenseSpring konnte die Signatur der Anfragen dieser Anwendung nicht prüfen: Der Shared Key in der Konfiguration ist wahrscheinlich falsch.',
  unknownProduct: (p) => `LicenseSpring kennt das Produkt „${p.product}“ nicht.`,
  archivedProduct: (p) =>
    `Der Anbieter hat das Produkt „${p.product}“ bei LicenseSpring archiviert.`,
  disabledProduct: (p) =>
    `Der Anbieter hat das Produkt „${p.product}“ bei LicenseSpring deaktiviert.`,
  keyRequired: (p) =>
    `Das Produkt „${p.product}“ wird mit Lizenzschlüsseln aktiviert, die App ist aber für die Anmeldung mit einem Konto eingerichtet.`,
  invalidToken: () =>
    'LicenseSpring hat das Zugriffstoken dieser Anwendung sogar direkt nach seiner Erneuerung abgelehnt. Prüfen Sie, ob die Uhr dieses Computers richtig geht; wenn ja, wenden Sie sich an den Anbieter.',
  refusedCredentials: () =>
    'LicenseSpring hat die Zugangsdaten dieser Anwendung abgelehnt. Die Konfiguration des Anbieters ist womöglich veraltet; wenden Sie sich an den Anbieter.',

  invalidRequest: () => 'LicenseSpring hat die Anfrage als ungültig abgelehnt.',
  methodNotAllowed: (p) =>
    `Der Server unter ${p.host} nimmt diese Art von Anfrage nicht an. Prüfen Sie die Serveradresse in der Konfiguration.`,
  payloadTooLarge: () => 'LicenseSpring hat die Anfrage als zu groß abgelehnt.',
  missingHardwareId: () =>
    'Die Anfrage hat LicenseSpring ohne die Kennung dieses Computers erreicht. Bitte melden Sie diesen Fehler.',
  noSuchFeature: (p) =>
    `Diese Lizenz hat keine Funktion ${p.feature === undefined ? 'mit diesem Code' : `„${p.feature}“`}. Prüfen Sie den Funktionscode.`,
  borrowEndTooLate: (p) =>
    `LicenseSpring hat das Ende der Ausleihe ${ofThing(p)} abgelehnt: Es liegt weiter in der Zukunft, als der Anbieter eine Ausleihe erlaubt. Wählen Sie ein früheres Datum oder leihen Sie so lange wie erlaubt aus.`,
  borrowEndPastLimit: (p, f) =>
    `LicenseSpring hat das Ende der Ausleihe ${ofThing(p)} abgelehnt: Ausleihen ist höchstens ${p.hours === 1 ? 'eine Stunde' : `${f.number(p.hours)} Stunden`} ab jetzt möglich. Wählen Sie ein früheres Datum.`,
  borrowingNotAllowed: (p) => `Der Anbieter erlaubt nicht, ${thing(p)} auszuleihen.`,
  negativeNotAllowed: (p) =>
    `${Thing(p)} nimmt keinen negativen Verbrauch an: Erfassen Sie eine positive Menge.`,
  notConsumption: (p) => `${Thing(p)} zählt keinen Verbrauch.`,
  emailMissing: () => 'Geben Sie eine E-Mail-Adresse ein, um eine Testlizenz zu starten.',
  trialNotAllowed: (p) => `Der Anbieter bietet für das Produkt „${p.product}“ keine Testlizenz an.`,

  noLicenceForAccount: () =>
    'LicenseSpring hat für dieses Konto keine Lizenz dieses Produkts. Prüfen Sie den Kontonamen oder bitten Sie den Anbieter, dem Konto eine Lizenz zuzuweisen.',
  unknownKey: () =>
    'LicenseSpring kennt diesen Lizenzschlüssel für dieses Produkt nicht. Prüfen Sie ihn auf Tippfehler.',
  invalidCredentials: () =>
    'LicenseSpring hat diesen Kontonamen und dieses Passwort nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut.',
  unknownCustomer: () => 'LicenseSpring kennt dieses Kundenkonto nicht. Prüfen Sie den Kontonamen.',
  licenceDisabled: () =>
    'Der Anbieter hat diese Lizenz deaktiviert. Wenden Sie sich an den Anbieter.',
  blacklisted: () =>
    'Der Anbieter hat diesen Computer für diese Lizenz gesperrt. Wenden Sie sich an den Anbieter.',
  licenceNotActive: () =>
    'Diese Lizenz ist nicht aktiv: Womöglich hat ihre Laufzeit noch nicht begonnen, oder der Anbieter hat sie pausiert. Wenden Sie sich an den Anbieter.',
  vmNotAllowed: () =>
    'Diese Lizenz darf nicht in einer virtuellen Maschine verwendet werden. Verwenden Sie sie auf einem physischen Computer.',
  trialEnded: () =>
    'Die Testlizenz dieses Produkts ist abgelaufen. Kaufen Sie eine Lizenz, um es weiter zu nutzen.',
  licenceExpired: () =>
    'Diese Lizenz ist abgelaufen. Verlängern Sie sie beim Anbieter und versuchen Sie es dann erneut.',
  notActivated: () =>
    'Diese Lizenz ist auf diesem Computer nicht aktiviert. Aktivieren Sie sie zuerst.',

  activationsInUse: (p, f) =>
    `Alle ${p.count === undefined ? '' : `${f.number(p.count)} `}Aktivierungen dieser Lizenz sind belegt: ${AGAIN_LATER}`,
  accountActivationsUsed: (p, f) =>
    `Ihr Konto hat alle ${p.count === undefined ? '' : `${f.number(p.count)} `}Aktivierungen dieser Lizenz aufgebraucht: ${AGAIN_LATER}`,
  transfersUsed: (p, f) =>
    `Diese Lizenz wurde bereits so oft wie erlaubt auf einen anderen Computer übertragen${p.count === undefined ? '' : ` (${f.number(p.count)}-mal)`}. Bitten Sie den Anbieter, eine weitere Übertragung zu erlauben.`,
  floatingFull: (p) =>
    `Alle Floating-Lizenzplätze ${ofThing(p)} sind belegt. Versuchen Sie es erneut, sobald ein anderer Computer seinen Lizenzplatz freigibt.`,
  consumptionLimit: (p) =>
    `Damit würde ${thing(p)} ihr Verbrauchslimit überschreiten, daher wurde nichts erfasst.`,

  limitReached: (p) => `LicenseSpring hat dies abgelehnt: Ein Limit ${ofThing(p)} ist erreicht.`,
  saysExpired: () => 'LicenseSpring meldet, dass diese Lizenz abgelaufen ist.',
  accountRefused: () => 'LicenseSpring hat den Kontonamen oder das Passwort nicht akzeptiert.',
  unknownReason: (p) =>
    `LicenseSpring hat die Anfrage mit einem Grund abgelehnt, den diese App nicht kennt (${p.code}).`,
};
