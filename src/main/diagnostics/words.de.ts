import type { ProxyFailure } from '../net/proxy-dialogue';
import type { DiagnosticsWords } from './words.en';
import { explainProxyFailure } from '../net/proxy-errors';
import { proxyPartsDe } from '../../shared/texts/net.de';
import { sayIn } from '../../shared/texts/say-in';

/**
 * The diagnostics' sentences in German, for the screen when the interface is German. Same entries
 * and parameters as `words.en.ts`; data (hosts, addresses, codes, keys) stays as it came.
 */

/** A proxy's "no" as a step's problem and (lower-case) fix: the same cases as the messages. */
function proxyProblem(failed: ProxyFailure, target: string): { problem: string; fix: string } {
  const { problem, fix } = explainProxyFailure(failed, target, proxyPartsDe);
  return { problem, fix: fix.charAt(0).toLowerCase() + fix.slice(1) };
}

export const diagnosticsWordsDe: DiagnosticsWords = {
  seconds: (value: number) => `${String(value).replace('.', ',')} s`,
  steps: {
    ipAddress: (host: string) => `${host} ist eine IP-Adresse (keine Namensauflösung nötig)`,
    connected: (address: string) => `Verbunden mit ${address}`,
    connectedToProxy: (address: string) => `Verbunden mit ${address} (dem Proxy)`,
    tunnel: (proxy: string, target: string) => `${proxy} hat einen Tunnel zu ${target} geöffnet`,
    proxyTls: (proxy: string) => `Sichere Verbindung mit dem HTTPS-Proxy ${proxy}`,
    certificate: (protocol: string, subject: string, issuer: string, validTo: string) =>
      `${protocol}, Zertifikat für ${subject}, ausgestellt von ${issuer}, gültig bis ${validTo}`,
    unnamed: 'ohne Namen',
    answered: (status: string) => `Antwort auf GET: ${status}`,
    answeredThroughProxy: (status: string, proxy: string) =>
      `Antwort auf GET über den Proxy ${proxy}: ${status}`,
    notRun: 'nicht ausgeführt',
    windowsSignIn: (proxy: string) =>
      `${proxy} verlangt eine Windows-Anmeldung: Die App meldet Sie über den Netzwerkdienst von Chromium an`,
    byChromium: 'übernimmt der Netzwerkdienst von Chromium, mit der Anmeldung beim Proxy',
    aRedirect: 'eine Weiterleitung',
    answeredSignedIn: (status: string, proxy: string) =>
      `Antwort auf GET über den Proxy ${proxy}, angemeldet durch den Netzwerkdienst von Chromium: ${status}`,
    directPassedOver: (failure: string) => `Direkte Verbindung — ${failure}`,
  },
  dns: {
    theProxy: (host: string) => `Proxy ${host}`,
    notFound: (name: string) => `${name} wurde nicht gefunden`,
    noAnswer: (name: string, seconds: string) =>
      `keine Antwort für ${name} innerhalb von ${seconds}`,
    lookupFailed: (name: string, code: string) => `${name} konnte nicht aufgelöst werden (${code})`,
    checkAddress: 'prüfen Sie die Adresse oder Ihr DNS/VPN',
    checkProxySetting:
      'prüfen Sie die Proxy-Einstellung (HTTPS_PROXY / HTTP_PROXY oder die Proxy-Einstellungen dieses Computers)',
    checkNetwork: 'prüfen Sie die Netzwerkverbindung, das DNS oder das VPN dieses Computers',
    checkNetworkAndRetry:
      'prüfen Sie die Netzwerkverbindung, das DNS oder das VPN dieses Computers und versuchen Sie es erneut',
  },
  tcp: {
    refused: (address: string) => `${address} hat die Verbindung abgelehnt`,
    refusedFix: 'prüfen Sie den Port in der Adresse und ob der Server läuft',
    noAnswer: (address: string, seconds: string) =>
      `keine Antwort von ${address} innerhalb von ${seconds}`,
    noAnswerFix:
      'eine Firewall verwirft vielleicht die Verbindung, oder der Server ist nicht in Betrieb',
    noRoute: (address: string) => `keine Netzwerkroute zu ${address}`,
    unreachable: (address: string, code: string) =>
      `${address} konnte nicht erreicht werden (${code})`,
    checkNetwork: 'prüfen Sie das Netzwerk, das VPN oder die Firewall',
  },
  tls: {
    handshakeTimeout: (host: string, seconds: string) =>
      `der Verbindungsaufbau mit ${host} wurde nicht innerhalb von ${seconds} abgeschlossen`,
    handshakeTimeoutFix:
      'der Server ist vielleicht überlastet, oder etwas im Netzwerk hält die Verbindung auf',
    notValidNow: (host: string, code: string) =>
      `das Zertifikat von ${host} ist derzeit nicht gültig (${code})`,
    notValidNowFix:
      'prüfen Sie, ob Datum und Uhrzeit dieses Computers stimmen; andernfalls muss der Administrator des Servers das Zertifikat erneuern',
    wrongName: (host: string, code: string) =>
      `das Zertifikat ist nicht für ${host} ausgestellt (${code})`,
    wrongNameFix:
      'verwenden Sie die Adresse, die das Zertifikat nennt, oder bitten Sie den Administrator um ein passendes Zertifikat',
    notTls: (address: string, code: string) => `${address} spricht kein TLS (${code})`,
    notTlsFix: 'die Adresse braucht vielleicht http:// statt https:// oder einen anderen Port',
    untrusted: (host: string, code: string) =>
      `das Zertifikat von ${host} ist nicht vertrauenswürdig (${code})`,
    untrustedFix:
      'wenn dies der eigene Server Ihres Unternehmens ist, setzen Sie caFile in der Konfiguration auf dessen CA-Bundle; andernfalls fängt etwas im Netzwerk die Verbindung ab',
  },
  http: {
    serverError: (host: string, status: string) => `${host} hat mit ${status} geantwortet`,
    serverErrorFix:
      'der Server hat ein Problem; versuchen Sie es später erneut oder wenden Sie sich an den Anbieter, wenn es bestehen bleibt',
  },
  unexpected: 'die Prüfung ist unerwartet fehlgeschlagen',
  unexpectedFix: 'bitte melden Sie diesen Fehler',
  proxyProblem,
  notes: {
    hubs: 'Jeder Hub hat seine eigene Adresse: Aktualisieren Sie die Hubs auf der Hubs-Seite, dort zeigt jeder seinen eigenen Fehler.',
    licenceFile: 'Lizenzdateien werden auf diesem Computer geprüft; kein Server ist beteiligt.',
  },
  proxySource: {
    system:
      'die Proxy-Einstellungen dieses Computers (System-Proxy, PAC), so wie Chromium sie auswertet',
    environment: 'die Umgebungsvariablen HTTPS_PROXY, HTTP_PROXY und NO_PROXY',
  },
  secrets: {
    memoryMechanism: 'Der Arbeitsspeicher dieses Prozesses',
    memoryExplanation:
      'Geheimnisse werden nur im Arbeitsspeicher gehalten und nie auf die Festplatte geschrieben; sie sind verloren, wenn die App endet.',
    keyringMechanism:
      'Der Schlüsselbund des Betriebssystems (macOS-Schlüsselbund, Windows-Anmeldeinformationsverwaltung oder Secret Service)',
    keyringExplanation: (hubSecrets: string) =>
      `Lizenzschlüssel und Tokens werden im Schlüsselbund Ihres Benutzerkontos aufbewahrt, nie in den Dateien der App. ${hubSecrets}`,
    noKeyringMechanism: 'Kein Schlüsselbund des Betriebssystems erreichbar',
    noKeyringExplanation:
      'Der Schlüsselbund des Betriebssystems ist nicht verfügbar, daher kann keine Lizenz gespeichert werden.',
    hubSecrets:
      'Passwörter und Tokens der MobiusFlow-Hubs werden in einer Datei versiegelt (AES-256-GCM), deren Schlüssel auf dieselbe Weise aufbewahrt wird.',
    safeStorage: {
      keychain: {
        mechanism: 'Der macOS-Schlüsselbund, über Electron safeStorage',
        by: 'dem macOS-Schlüsselbund',
      },
      dpapi: {
        mechanism: 'Windows DPAPI (an Ihr Windows-Konto gebunden), über Electron safeStorage',
        by: 'Windows DPAPI (an Ihr Windows-Konto gebunden)',
      },
      gnome_libsecret: {
        mechanism: 'Der Secret Service (GNOME-Schlüsselbund), über Electron safeStorage',
        by: 'dem Secret Service (GNOME-Schlüsselbund)',
      },
      kwallet: { mechanism: 'KWallet, über Electron safeStorage', by: 'KWallet' },
      kwallet5: { mechanism: 'KWallet 5, über Electron safeStorage', by: 'KWallet 5' },
      kwallet6: { mechanism: 'KWallet 6, über Electron safeStorage', by: 'KWallet 6' },
    },
    encryptedExplanation: (by: string, hubSecrets: string) =>
      `Lizenzschlüssel und Tokens werden mit ${by} verschlüsselt, bevor sie neben dem Zustand der App gespeichert werden. ${hubSecrets}`,
    weakMechanism: 'Electron safeStorage mit seinem eingebauten Schlüssel (basic_text)',
    weak: 'Electron hat in dieser Linux-Sitzung keinen Schlüsselbund gefunden (keinen Secret Service, kein KWallet) und kann daher nur mit einem Schlüssel verschlüsseln, der in jeder Kopie von Chromium steckt („basic_text“): Wer Ihren Profilordner lesen kann, kann die Geheimnisse entschlüsseln.',
    weakAllowed: (weak: string) =>
      `${weak} Ihr Anbieter lässt das zu (allowWeakSecretStore). Installieren und entsperren Sie den GNOME-Schlüsselbund oder KWallet, um sie richtig zu schützen.`,
    weakRefusedMechanism:
      'Nur die schwache basic_text-Ausweichlösung von Electron, die Ihr Anbieter nicht zulässt',
    weakRefused: (weak: string) =>
      `${weak} Ihr Anbieter lässt das nicht zu, daher wird keine Lizenz gespeichert. Installieren und entsperren Sie den GNOME-Schlüsselbund oder KWallet.`,
  },
  fingerprint: {
    machineIdSource: {
      linux:
        'der Maschinen-ID des Betriebssystems (/var/lib/dbus/machine-id oder /etc/machine-id), die bei der Installation des Systems erzeugt wurde',
      darwin: 'der Hardware-UUID des Mac (IOPlatformUUID)',
      win32:
        'der MachineGuid von Windows (HKLM\\SOFTWARE\\Microsoft\\Cryptography), die bei der Installation von Windows erzeugt wurde',
      freebsd: 'der System-UUID (smbios.system.uuid oder kern.hostuuid)',
    },
    anyMachineId: 'der Maschinen-ID des Betriebssystems',
    machineId: (source: string) =>
      `Er beruht auf ${source}; eine Neuinstallation des Betriebssystems ändert ihn, neue Hardware allein nicht.`,
    hostname: (hostname: string) =>
      `Dieser Computer hat keine lesbare Maschinen-ID (üblich in Containern), daher beruht er auf dem Hostnamen „${hostname}“: Wird der Computer umbenannt, gilt er für Lizenzserver als neues Gerät.`,
    salted: (productId: string) =>
      `Er wird mit der Produkt-ID „${productId}“ gesalzen, daher hat ein anderes Produkt auf diesem Computer einen anderen Gerätefingerabdruck.`,
    hashed:
      'An Lizenzserver wird nur ein HMAC-SHA256-Hash davon gesendet; die eigentliche ID verlässt diesen Computer nie.',
    notUsed:
      'MAC-Adressen, Festplatten, der Prozessor und Ihr Benutzername werden nicht verwendet.',
  },
  profileName: (profile) => profile.translations?.de?.label ?? profile.label,
  core: (wording) => sayIn(wording, { locale: 'de', intlTag: 'de' }),
};
