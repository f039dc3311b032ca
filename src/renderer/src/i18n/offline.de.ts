import { plural } from './messages';
import type { OfflineMessages } from './offline.en';

export const offlineDe: OfflineMessages = {
  fileState: {
    valid: 'Gültig',
    expiring: 'Läuft bald ab',
    grace: 'In der Kulanzfrist',
    expired: 'Abgelaufen',
    suspended: 'Gesperrt',
  },
  files: {
    request: {
      save: 'Anforderungsdatei speichern…',
      qr: 'QR-Code der Anforderungsdatei',
      qrPart: (index, total) => `QR-Code ${index} von ${total} der Anforderungsdatei`,
    },
    deactivation: {
      save: 'Deaktivierungsdatei speichern…',
      qr: 'QR-Code der Deaktivierungsdatei',
      qrPart: (index, total) => `QR-Code ${index} von ${total} der Deaktivierungsdatei`,
    },
    portalLicence: {
      drop: 'Ziehen Sie die Lizenzdatei aus dem Portal hierher oder',
      choose: 'Lizenzdatei aus dem Portal auswählen',
    },
    licence: {
      drop: 'Ziehen Sie die Lizenzdatei hierher oder',
      choose: 'Lizenzdatei auswählen',
    },
  },
  drop: {
    choose: 'Datei auswählen…',
    importing: 'Wird importiert…',
    tooLarge: (name, megabytes) =>
      `${name} ist ${megabytes.toFixed(1).replace('.', ',')} MB groß, weit größer als jede Lizenzdatei. Prüfen Sie, ob dies die richtige Datei ist.`,
    unreadable: (name) => `${name} konnte nicht gelesen werden.`,
  },
  qr: {
    part: (index, total) =>
      `Code ${index} von ${total}: Scannen Sie alle, in beliebiger Reihenfolge.`,
    previous: 'Zurück',
    next: 'Weiter',
    single:
      'Scannen Sie den Code mit einem Smartphone, um die Anforderung zu einem Computer mit Internetzugang zu bringen.',
  },
  activation: {
    deactivationTitle: 'Bringen Sie die Deaktivierungsdatei zum Offline-Portal',
    deactivationText:
      'Die Lizenz wurde von diesem Computer entfernt. Ihre Aktivierung wird freigegeben, sobald das Portal diese Datei erhalten hat; bis dahin gilt sie weiterhin als genutzt.',
    title: 'Kein Internet auf diesem Computer?',
    description:
      'Aktivieren Sie mit einer Datei: Bringen Sie eine Anforderung per USB-Stick oder Smartphone zum Offline-Portal des Anbieters und bringen Sie die Lizenzdatei zurück, die Sie dort erhalten.',
    open: 'Offline aktivieren…',
    requestStep: 'Anforderungsdatei erstellen',
    requestHelp:
      'Laden Sie diese Datei auf einem Computer oder Smartphone mit Internetzugang im Offline-Portal des Anbieters hoch (für LicenseSpring-Produkte: offline.licensespring.com). Sie erhalten dort eine Lizenzdatei.',
    startOver: 'Mit einem anderen Schlüssel neu beginnen',
    accountName: 'Kontoname',
    licenceKey: 'Lizenzschlüssel',
    nameMissing: 'Geben Sie Ihren Kontonamen ein.',
    creating: 'Wird erstellt…',
    create: 'Anforderungsdatei erstellen',
    importStep: 'Lizenzdatei importieren',
    notImported: 'Diese Lizenzdatei wurde nicht importiert',
  },
  deactivate: {
    consequence:
      'Kein Internet hier? Deaktivieren Sie mit einer Datei: Dieser Computer vergisst die Lizenz und gibt Ihnen eine Datei für das Offline-Portal des Anbieters, die dort die Aktivierung freigibt.',
    label: 'Offline deaktivieren…',
  },
  fileScreen: {
    title: 'Lizenzdatei',
    loading: 'Lizenzdatei wird geladen',
    imported: 'Lizenzdatei importiert.',
    removed: 'Lizenzdatei entfernt.',
    importing: 'Lizenzdatei wird importiert…',
    cardTitle: (product) => `Lizenz für ${product}`,
    licensee: 'Lizenznehmer',
    notNamed: 'Nicht angegeben',
    email: 'E-Mail',
    features: 'Funktionen',
    none: 'Keine',
    issued: 'Ausgestellt',
    expires: 'Läuft ab',
    never: 'Nie',
    grace: 'Kulanzfrist',
    graceDays: (days) => `${plural(days, 'einen Tag', `${days} Tage`)} nach Ablauf`,
    lockedTo: 'Gebunden an',
    thisComputer: 'Diesen Computer',
    anyComputer: 'Jeden Computer',
    licenceId: 'Lizenz-ID',
    remove: 'Lizenzdatei entfernen…',
    replaceTitle: 'Durch eine verlängerte Lizenzdatei ersetzen',
    importTitle: 'Lizenzdatei importieren',
    replaceText: 'Eine verlängerte Datei des Anbieters ersetzt die obige.',
    importText: 'Der Anbieter schickt sie als .lic-Datei. Sie funktioniert ohne Internet.',
    notImported: 'Diese Lizenzdatei wurde nicht importiert',
    fingerprintLabel: 'Gerätefingerabdruck dieses Computers',
    fingerprintHelp:
      'Eine an diesen Computer gebundene Lizenzdatei nennt diesen Fingerabdruck: Senden Sie ihn bei der Bestellung an den Anbieter.',
  },
};
