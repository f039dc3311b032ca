import type { DiagnosticsMessages } from './diagnostics.en';
import { formatNumber, plural } from './messages';

export const diagnosticsDe: DiagnosticsMessages = {
  title: 'Diagnose',
  subtitle: 'Was der Support über diesen Computer und die Verbindungen der App wissen muss.',
  exportBundle: 'Supportpaket exportieren',
  exporting: 'Wird getestet und gepackt …',
  bundleFailed: 'Es wurde kein Supportpaket erstellt',
  bundleSavedTitle: 'Supportpaket gespeichert',
  bundleSaved: (fileName) => `Supportpaket als ${fileName} gespeichert.`,
  bundleSafe:
    'Es enthält keine Schlüssel, Tokens oder Passwörter; lesen Sie es, bevor Sie es versenden.',
  loading: 'Diagnose wird geladen',
  damagedFile: 'Eine gespeicherte Datei war beschädigt',
  startupTitle: 'Autostart',

  connections: {
    title: 'Verbindungen',
    description:
      'Jeder Test prüft der Reihe nach die Namensauflösung (DNS), den Verbindungsaufbau (TCP), den Proxy, die sichere Verbindung (TLS) und die Antwort des Servers (HTTP) und nennt den ersten Schritt, der fehlschlägt.',
    proxy: 'Proxy',
    proxyFrom: 'Quelle: {source}',
    certificates: (count) =>
      plural(count, '(1 Zertifikat)', `(${formatNumber(count)} Zertifikate)`),
    windowsSignIn: (proxy) =>
      `${proxy} hat eine Windows-Anmeldung verlangt: Die App meldet Sie über den Netzwerkdienst von Chromium an.`,
    caBundle: 'CA-Bundle',
    noCaBundle: 'Keines: die üblichen vertrauenswürdigen Zertifizierungsstellen',
    systemStore: (count) =>
      plural(
        count,
        'Ebenfalls vertrauenswürdig: der Zertifikatspeicher dieses Computers (1 Zertifikat)',
        `Ebenfalls vertrauenswürdig: der Zertifikatspeicher dieses Computers (${formatNumber(count)} Zertifikate)`,
      ),
    systemStoreUnused: {
      macos:
        'Der Zertifikatspeicher dieses Computers wird unter macOS nicht verwendet (das Lesen dauert dort Sekunden, auf die die erste Lizenzanfrage warten müsste): Eine Firmen-Zertifizierungsstelle gehört in das CA-Bundle (caFile).',
      unreadable:
        'Der Zertifikatspeicher dieses Computers konnte nicht gelesen werden: Eine Firmen-Zertifizierungsstelle gehört in das CA-Bundle (caFile).',
    },
    test: 'Verbindung testen',
    testing: 'Wird getestet …',
    stateTesting: 'Wird getestet',
    stateNotTested: 'Nicht getestet',
    stateOk: 'Verbindung OK',
    stateFailedAt: (step) => `Fehler bei ${step}`,
    works: (label) => `${label}: Die Verbindung funktioniert.`,
    failed: (label, message) => `${label}: ${message}`,
  },

  result: {
    failedTitle: 'Die Verbindung ist fehlgeschlagen',
    throughProxy: ' über den Proxy {proxy}',
    passedOver:
      'Übersprungen (nicht erreichbar; stattdessen wurde der nächste Eintrag der Proxy-Einstellung getestet):',
    stepsFor: (url) => `Schritte für ${url}`,
    steps: { dns: 'DNS', tcp: 'TCP', proxy: 'Proxy', tls: 'TLS', http: 'HTTP' },
    status: { ok: 'OK', failed: 'Fehlgeschlagen', skipped: 'Nicht ausgeführt' },
    milliseconds: (ms) => `${formatNumber(ms)} ms`,
  },

  computer: {
    title: 'Dieser Computer',
    app: 'Anwendung',
    runtime: 'Laufzeitumgebung',
    os: 'Betriebssystem',
    secretsTitle: 'Wie vertrauliche Daten aufbewahrt werden',
    protection: {
      os: 'Durch das Betriebssystem geschützt',
      weak: 'Schwach geschützt',
      unavailable: 'Kann nicht gespeichert werden',
      memory: 'Nur im Arbeitsspeicher',
    },
    fingerprint: 'Gerätefingerabdruck',
    machineId: 'Maschinen-ID des Betriebssystems',
    hostName: 'Hostname',
  },

  configuration: {
    title: 'Konfiguration',
    description: 'Zugangsdaten werden maskiert angezeigt, wie überall in der App.',
    product: 'Produkt',
    productId: 'Produkt-ID',
    demoMode: 'Demomodus',
    weakSecretStore: 'Schwacher Schlüsselbund erlaubt',
    yes: 'Ja',
    no: 'Nein',
    tableCaption: 'Profile und ihre Einstellungen',
    profile: 'Profil',
    kind: 'Art',
    settings: 'Einstellungen',
  },

  log: {
    title: 'Letzte Ereignisse',
    latest: (shown, total) =>
      `Die neuesten ${formatNumber(shown)} von ${formatNumber(total)}; das Supportpaket enthält alle.`,
    sinceStart: 'Seit dem Start der App; Schlüssel und Tokens sind maskiert.',
    empty: 'Bisher ist nichts geschehen.',
    listLabel: 'Letzte Ereignisse, neueste zuerst',
    levels: { info: 'Info', warn: 'Warnung', error: 'Fehler' },
  },

  startAtLogin: {
    label: 'Beim Anmelden starten',
    unsupported:
      'Nur die installierte Desktop-App kann beim Anmelden starten; ändern Sie diese Einstellung dort.',
    help: 'Öffnet die App, wenn Sie sich an diesem Computer anmelden, sodass Lizenzen und Lizenzplätze betreut werden, ohne dass Sie die App starten müssen.',
    notChanged: 'Die Einstellung wurde nicht geändert',
  },
};
