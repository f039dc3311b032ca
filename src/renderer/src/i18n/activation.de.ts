import type { ActivationMessages } from './activation.en';
import { plural } from './messages';

export const activationDe: ActivationMessages = {
  methods: {
    key: 'Lizenzschlüssel',
    account: 'Mit Ihrem Konto anmelden',
    serial: 'Seriennummer des Geräts',
  },
  intro: {
    choice:
      'Wählen Sie, wie Sie aktivieren möchten. Jeder Weg braucht eine Verbindung zum Lizenzserver.',
    key: 'Geben Sie den Lizenzschlüssel ein, den Sie beim Kauf der Software erhalten haben. Zum Aktivieren ist eine Verbindung zum Lizenzserver nötig.',
    account:
      'Melden Sie sich mit dem Konto an, mit dem Sie die Software gekauft haben. Zum Aktivieren ist eine Verbindung zum Lizenzserver nötig.',
    serial:
      'Aktivieren Sie über die Seriennummer, die Ihr Anbieter für dieses Gerät registriert hat. Zum Aktivieren ist eine Verbindung zum Lizenzserver nötig.',
  },
  accountErrors: {
    invalidCredentials: 'Kontoname oder Passwort ist falsch',
    seatUnavailable: 'Keine freie Lizenz in diesem Konto',
  },
  consequence: {
    floating:
      'Damit wird die Lizenz von diesem Computer entfernt und ein belegter Lizenzplatz zurückgegeben.',
    flecs:
      'Damit wird die Lizenz nur von diesem Computer entfernt. FLECS ordnet sie weiterhin diesem Gerät zu, und eine aus Ihrem Konto entnommene Lizenz wird nicht zurückgegeben.',
    freesActivation:
      'Damit wird die Aktivierung freigegeben, sodass der Schlüssel auf einem anderen Computer verwendet werden kann.',
    licenceFile:
      'Damit wird die Lizenzdatei von diesem Computer entfernt. Bewahren Sie eine Kopie auf, falls Sie sie noch einmal brauchen.',
  },
  status: {
    active: 'Aktiv',
    inactive: 'Nicht aktiviert',
    expired: 'Abgelaufen',
    revoked: 'Widerrufen',
    invalid: 'Ungültig',
  },
  mode: {
    activation: 'Aktivierung (dieser Computer)',
    floating: 'Floating-Lizenzplätze',
    file: 'Lizenzdatei (offline)',
    unknown: 'Unbekannt',
  },
  keyProblem: {
    empty: 'Geben Sie einen Lizenzschlüssel ein.',
    tooLong: (max) => `Ein Lizenzschlüssel hat höchstens ${max} Zeichen.`,
    notPrintable:
      'Ein Lizenzschlüssel besteht nur aus Buchstaben, Ziffern und Satzzeichen. Prüfen Sie ihn auf überzählige Zeichen.',
  },
  screen: {
    title: 'Aktivierung',
    loading: 'Lizenz wird geladen',
  },
  announce: {
    trialStarting: 'Testlizenz wird gestartet…',
    trialStarted: 'Testlizenz gestartet.',
    activated: 'Lizenz aktiviert.',
    deactivated: 'Lizenz deaktiviert.',
    checked: (state) => `Lizenz geprüft: ${state}.`,
    signingIn: 'Anmeldung läuft…',
    activating: 'Wird aktiviert…',
    deactivating: 'Wird deaktiviert…',
    checking: 'Lizenz wird geprüft…',
  },
  active: {
    floatingTitle: 'Dies ist eine Floating-Lizenz',
    goToSeats: 'Zu den Lizenzplätzen',
    floatingText:
      'Lizenzplätze werden von mehreren Computern gemeinsam genutzt. Belegen Sie auf der Seite „Lizenzplätze“ einen Platz, um mit der Arbeit zu beginnen.',
    checking: 'Wird geprüft…',
    checkTitle: 'Beim Lizenzserver nachfragen, ob diese Lizenz noch gültig ist',
    checkNow: 'Jetzt prüfen',
    checkFailed: 'Die Lizenz konnte nicht geprüft werden',
    invalidTitle: 'Laut Lizenzserver ist diese Lizenz ungültig',
    checkAgain: 'Erneut prüfen',
    noReason: 'Er hat keinen Grund genannt.',
    invalidHint:
      'Prüfen Sie erneut, sobald das Problem behoben ist, oder deaktivieren Sie diesen Computer und aktivieren Sie ihn auf anderem Weg.',
    expiredTitle: 'Diese Lizenz ist abgelaufen',
    revokedTitle: 'Diese Lizenz wurde widerrufen',
    renewHint:
      'Wenden Sie sich zur Verlängerung an Ihren Anbieter, oder deaktivieren Sie diesen Computer und geben Sie einen anderen Schlüssel ein.',
  },
  deactivate: {
    open: 'Deaktivieren…',
    question: 'Diesen Computer deaktivieren?',
    cancel: 'Abbrechen',
    confirm: 'Deaktivieren',
    busy: 'Wird deaktiviert…',
  },
  inactive: {
    title: 'Diesen Computer aktivieren',
    tabs: 'Art der Aktivierung',
  },
  keyForm: {
    label: 'Lizenzschlüssel',
    help: 'Fügen Sie den Schlüssel aus Ihrer Bestellbestätigung ein. Leerzeichen am Anfang und Ende werden entfernt.',
    placeholder: 'XXXXX-XXXXX-XXXXX-XXXXX',
    busy: 'Wird aktiviert…',
    submit: 'Aktivieren',
  },
  accountForm: {
    nameMissing: 'Geben Sie Ihren Kontonamen ein.',
    note: 'Die Anmeldung verwendet **eine Lizenz aus Ihrem Konto** für diesen Computer. Ihr Passwort wird nur für diese Anmeldung an den Lizenzserver gesendet und nie gespeichert.',
    busy: 'Anmeldung läuft…',
    submit: 'Anmelden und aktivieren',
  },
  serial: {
    text: 'Ihr Anbieter hat die Seriennummer dieses Geräts beim Lizenzserver registriert. Der Server ermittelt die zugeordnete Lizenz: Sie brauchen weder Schlüssel noch Anmeldung.',
    busy: 'Wird aktiviert…',
    submit: 'Dieses Gerät aktivieren',
  },
  trial: {
    title: 'Erst ausprobieren',
    description: (productName, trialDays) =>
      `Nutzen Sie ${productName} ${trialDays > 0 ? `${plural(trialDays, 'einen Tag', `${trialDays} Tage`)} lang ` : ''}kostenlos als Testlizenz auf diesem Computer: Sie brauchen keinen Schlüssel. Aktivieren Sie einen Lizenzschlüssel, sobald Sie die Software kaufen.`,
    emailLabel: 'E-Mail-Adresse',
    optional: '(freiwillig)',
    emailHelp:
      'Ihr Anbieter kann Ihnen die Details zur Testlizenz senden. Lassen Sie das Feld leer, um ohne E-Mail-Adresse zu starten.',
    busy: 'Testlizenz wird gestartet…',
    checkEmail: 'Prüfen Sie die E-Mail-Adresse',
    failed: 'Die Testlizenz konnte nicht gestartet werden',
  },
  card: {
    title: 'Lizenz',
    licenceId: 'Lizenz-ID',
    notReported: 'Nicht gemeldet',
    type: 'Art',
    expires: 'Läuft ab',
    neverExpires: 'Läuft nie ab',
    supportUntil: 'Support bis',
    seatsInUse: 'Belegte Lizenzplätze',
    activationsUsed: 'Genutzte Aktivierungen',
    usage: (used, max) => `${used} von ${max}`,
    activated: 'Aktiviert',
    lastChecked: 'Zuletzt geprüft',
  },
  link: {
    keyNoteTitle: 'Schlüssel aus einem Link – prüfen Sie ihn und klicken Sie auf „Aktivieren“',
    keyNoteText:
      'Der Lizenzschlüssel unten stammt aus einem Aktivierungslink. Es wird erst aktiviert, wenn Sie auf „Aktivieren“ klicken.',
    refusedTitle: 'Dieser Link kann nicht verwendet werden',
    notUsedTitle: 'Der Schlüssel aus dem Link wurde nicht verwendet',
    dismiss: 'Schließen',
    alreadyActive:
      'Dieser Computer hat hier bereits eine aktive Lizenz, daher wurde der Schlüssel aus dem Link nicht eingetragen. Um den neuen Schlüssel zu verwenden, deaktivieren Sie zuerst diese Lizenz und öffnen Sie den Link dann erneut.',
  },
};
