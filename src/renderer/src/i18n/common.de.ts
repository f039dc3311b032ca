import type { CommonMessages } from './common.en';
import { formatNumber } from './messages';

export const commonDe: CommonMessages = {
  units: { second: 's', minute: 'min', hour: 'h', day: 'T' },
  justNow: 'gerade eben',
  inFuture: (distance) => `in ${distance}`,
  inPast: (distance) => `vor ${distance}`,
  unknownDate: 'unbekanntes Datum',
  unknownTime: 'unbekannte Uhrzeit',
  today: 'heute',
  tomorrow: 'morgen',
  yesterday: 'gestern',
  inDays: (days) => `in ${days} Tagen`,
  daysAgo: (days) => `vor ${days} Tagen`,

  tryAgain: 'Erneut versuchen',
  dismiss: 'Schließen',

  screens: {
    activation: 'Aktivierung',
    licence: 'Lizenz',
    features: 'Funktionen',
    seats: 'Lizenzplätze',
    eniris: 'Eniris',
    hubs: 'Hubs',
    'licence-file': 'Lizenzdatei',
    diagnostics: 'Diagnose',
  },

  shell: {
    sections: 'Bereiche',
    demoMode: 'Demomodus',
    demoModeTitle:
      'Es wurde keine Anbieterkonfiguration gefunden: Die eingebaute Sandbox stellt die Lizenzen bereit.',
    secretsUnprotected: 'Vertrauliche Lizenzdaten sind nicht durch das Betriebssystem geschützt.',
    secretsKeptBy: (backend) =>
      `Sie werden von „${backend}“ aufbewahrt, das sie nicht verschlüsselt.`,
    noProfilesTitle: 'Keine Lizenzprofile',
    noProfilesText:
      'Die Konfiguration nennt kein Lizenz-Backend. Bitten Sie Ihren Softwarehersteller um eine Konfigurationsdatei, oder starten Sie die App ohne Konfiguration, um den Demomodus auszuprobieren.',
    profile: 'Profil',
  },

  startup: {
    loading: 'Der Lizenzmanager wird geladen …',
    failedTitle: 'Der Lizenzmanager konnte nicht starten',
    errorCode: 'Fehlercode:',
  },

  bridge: {
    unreachable: 'Der Hintergrunddienst des Lizenzmanagers ist nicht erreichbar.',
    disconnected:
      'Diese Seite ist nicht mehr mit dem Lizenzmanager verbunden. Öffnen Sie sie erneut über die Befehlszeile.',
    noResult: (status: number) =>
      `Der Hintergrunddienst hat mit HTTP ${status} geantwortet, aber ohne Ergebnis.`,
    requestFailed: (detail: string) => `Die Anfrage ist fehlgeschlagen: ${detail}`,
  },

  statusBar: {
    deviceTitle: 'Identifiziert diesen Computer gegenüber dem Lizenzserver',
    device: 'Gerät',
    hostNameTitle: 'Beruht auf dem Hostnamen, der sich ändern kann.',
    hostNameWarning: 'Gerätefingerabdruck beruht auf dem Hostnamen, der sich ändern kann.',
    secrets: 'Schlüsselbund',
    unprotected: (backend) => `${backend} (ungeschützt)`,
    version: (version) => `v${version}`,
    support: 'Support',
  },

  storageWarning: {
    title: 'Gespeicherte Daten waren beschädigt und wurden beiseitegelegt.',
    dismissLabel: 'Warnung zu beschädigten Daten schließen',
  },

  demoKeys: {
    title: 'Demoschlüssel',
    description:
      'Der Demomodus betreibt eine lokale Lizenz-Sandbox. Diese Schlüssel sind öffentlich und funktionieren nur mit ihr.',
    use: 'Diesen Schlüssel verwenden',
  },

  credentials: {
    accountName: 'Kontoname',
    password: 'Passwort',
    passwordMissing: 'Geben Sie Ihr Passwort ein.',
    tooLong: (max) => `Kontoname und Passwort dürfen höchstens ${max} Zeichen lang sein.`,
  },

  usageOf: (used, max) => `${formatNumber(used)} von ${formatNumber(max)}`,
};
