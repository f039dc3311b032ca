import type { ProxyFailure } from '../net/proxy-dialogue';
import type { Translations } from '../../shared/model';
import type { Wording } from '../../shared/text';

/** What the vendor's configuration calls a profile. */
interface Named {
  readonly label: string;
  readonly translations?: Translations;
}
import { explainProxyFailure } from '../net/proxy-errors';

/**
 * The sentences the diagnostics write for a person, in English: the screen when the interface is
 * English, and always the CLI (`license-manager diagnose`), the support bundle and the recent log,
 * which go to the vendor's support staff. `words.de.ts` has the same entries in German. Host
 * names, addresses, error codes, configuration keys and a server's own words are data: they come
 * in as parameters and are never translated.
 */
export const diagnosticsWordsEn = {
  /** A duration in seconds, one decimal: "0.5 s". */
  seconds: (value: number) => `${value} s`,
  steps: {
    ipAddress: (host: string) => `${host} is an IP address (no lookup needed)`,
    connected: (address: string) => `connected to ${address}`,
    connectedToProxy: (address: string) => `connected to ${address} (the proxy)`,
    tunnel: (proxy: string, target: string) => `${proxy} opened a tunnel to ${target}`,
    proxyTls: (proxy: string) => `secure connection with the HTTPS proxy ${proxy}`,
    certificate: (protocol: string, subject: string, issuer: string, validTo: string) =>
      `${protocol}, certificate for ${subject} issued by ${issuer}, valid until ${validTo}`,
    unnamed: 'unnamed',
    answered: (status: string) => `GET answered ${status}`,
    answeredThroughProxy: (status: string, proxy: string) =>
      `GET answered ${status} through the proxy ${proxy}`,
    notRun: 'not run',
    /** The Electron app: a proxy's 407 asking for Windows sign-in, which Chromium's stack does. */
    windowsSignIn: (proxy: string) =>
      `${proxy} asks for Windows sign-in: the app signs in as you through Chromium’s network stack`,
    byChromium: 'made by Chromium’s network stack, with the proxy’s sign-in',
    /** What Chromium's stack says of a redirect it would not follow (it gives no status). */
    aRedirect: 'a redirect',
    answeredSignedIn: (status: string, proxy: string) =>
      `GET answered ${status} through the proxy ${proxy}, signed in by Chromium’s network stack`,
    /** A DIRECT entry of the proxy setting passed over: its failure, said as the direct way's. */
    directPassedOver: (failure: string) => `Going direct — ${failure}`,
  },
  dns: {
    theProxy: (host: string) => `the proxy ${host}`,
    notFound: (name: string) => `${name} not found`,
    noAnswer: (name: string, seconds: string) => `no answer for ${name} within ${seconds}`,
    lookupFailed: (name: string, code: string) => `${name} could not be looked up (${code})`,
    checkAddress: 'check the address or your DNS/VPN',
    checkProxySetting:
      'check the proxy setting (HTTPS_PROXY / HTTP_PROXY, or this computer’s proxy settings)',
    checkNetwork: 'check this computer’s network connection, DNS or VPN',
    checkNetworkAndRetry: 'check this computer’s network connection, DNS or VPN, and try again',
  },
  tcp: {
    refused: (address: string) => `${address} refused the connection`,
    refusedFix: 'check the port in the address and that the server is running',
    noAnswer: (address: string, seconds: string) => `no answer from ${address} within ${seconds}`,
    noAnswerFix: 'a firewall may be dropping the connection, or the server is down',
    noRoute: (address: string) => `no network route to ${address}`,
    unreachable: (address: string, code: string) => `${address} could not be reached (${code})`,
    checkNetwork: 'check the network, VPN or firewall',
  },
  tls: {
    handshakeTimeout: (host: string, seconds: string) =>
      `the handshake with ${host} did not finish within ${seconds}`,
    handshakeTimeoutFix:
      'the server may be overloaded, or something on the network holds the connection',
    notValidNow: (host: string, code: string) =>
      `the certificate of ${host} is not valid now (${code})`,
    notValidNowFix:
      'check that this computer’s date and time are right; otherwise the server’s administrator must renew the certificate',
    wrongName: (host: string, code: string) =>
      `the certificate is not issued for ${host} (${code})`,
    wrongNameFix:
      'use the address the certificate names, or ask the administrator for a matching certificate',
    notTls: (address: string, code: string) => `${address} does not speak TLS (${code})`,
    notTlsFix: 'the address may need http:// instead of https://, or another port',
    untrusted: (host: string, code: string) =>
      `the certificate of ${host} is not trusted (${code})`,
    untrustedFix:
      'if this is your company’s own server, set caFile in the configuration to its CA bundle; otherwise something on the network is intercepting the connection',
  },
  http: {
    serverError: (host: string, status: string) => `${host} answered ${status}`,
    serverErrorFix:
      'the server has a problem; try again later, or contact the vendor if it persists',
  },
  unexpected: 'the check failed unexpectedly',
  unexpectedFix: 'please report this',
  /** A proxy's "no" as a step's problem and (lower-case) fix. */
  proxyProblem: (failed: ProxyFailure, target: string): { problem: string; fix: string } => {
    const { problem, fix } = explainProxyFailure(failed, target);
    return { problem, fix: fix.charAt(0).toLowerCase() + fix.slice(1) };
  },
  notes: {
    hubs: 'Each hub has its own address: refresh the hubs on the Hubs screen, where each one shows its own error.',
    licenceFile: 'Licence files are checked on this computer; no server is involved.',
  },
  proxySource: {
    system: 'this computer’s proxy settings (system proxy, PAC), as Chromium resolves them',
    environment: 'the HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables',
  },
  secrets: {
    memoryMechanism: 'This process’s memory',
    memoryExplanation:
      'Secrets are kept in memory only and never written to disk; they are gone when the app stops.',
    keyringMechanism:
      'The OS keyring (macOS Keychain, Windows Credential Manager or the Secret Service)',
    keyringExplanation: (hubSecrets: string) =>
      `Licence keys and tokens are kept in the OS keyring of your user account, never in the app’s files. ${hubSecrets}`,
    noKeyringMechanism: 'No OS keyring could be reached',
    noKeyringExplanation: 'The OS keyring is not available, so no licence can be kept.',
    hubSecrets:
      'MobiusFlow hub passwords and tokens are sealed (AES-256-GCM) in one file whose key is kept the same way.',
    /** Electron safeStorage's backends: the mechanism's name, and what encrypts. */
    safeStorage: {
      keychain: {
        mechanism: 'The macOS Keychain, through Electron safeStorage',
        by: 'the macOS Keychain',
      },
      dpapi: {
        mechanism: 'Windows DPAPI (tied to your Windows account), through Electron safeStorage',
        by: 'Windows DPAPI (tied to your Windows account)',
      },
      gnome_libsecret: {
        mechanism: 'The Secret Service (GNOME Keyring), through Electron safeStorage',
        by: 'the Secret Service (GNOME Keyring)',
      },
      kwallet: { mechanism: 'KWallet, through Electron safeStorage', by: 'KWallet' },
      kwallet5: { mechanism: 'KWallet 5, through Electron safeStorage', by: 'KWallet 5' },
      kwallet6: { mechanism: 'KWallet 6, through Electron safeStorage', by: 'KWallet 6' },
    } as Readonly<Record<string, { readonly mechanism: string; readonly by: string }>>,
    encryptedExplanation: (by: string, hubSecrets: string) =>
      `Licence keys and tokens are encrypted by ${by} before they are written beside the app’s state. ${hubSecrets}`,
    weakMechanism: 'Electron safeStorage with its built-in key (basic_text)',
    weak: 'Electron found no OS keyring in this Linux session (no Secret Service, no KWallet), so it can only encrypt with a key built into every copy of Chromium (“basic_text”): anyone who can read your profile folder can decrypt the secrets.',
    weakAllowed: (weak: string) =>
      `${weak} Your vendor allows this (allowWeakSecretStore). Install and unlock GNOME Keyring or KWallet to protect them properly.`,
    weakRefusedMechanism:
      'Only Electron’s weak basic_text fallback, which your vendor does not allow',
    weakRefused: (weak: string) =>
      `${weak} Your vendor does not allow that, so no licence is stored. Install and unlock GNOME Keyring or KWallet.`,
  },
  fingerprint: {
    machineIdSource: {
      linux:
        'the OS machine id (/var/lib/dbus/machine-id or /etc/machine-id), created when the system was installed',
      darwin: 'the Mac’s hardware UUID (IOPlatformUUID)',
      win32:
        'Windows’ MachineGuid (HKLM\\SOFTWARE\\Microsoft\\Cryptography), created when Windows was installed',
      freebsd: 'the system UUID (smbios.system.uuid or kern.hostuuid)',
    } as Readonly<Partial<Record<NodeJS.Platform, string>>>,
    anyMachineId: 'the operating system’s machine id',
    machineId: (source: string) =>
      `It rests on ${source}; reinstalling the operating system changes it, new hardware alone does not.`,
    hostname: (hostname: string) =>
      `This computer has no readable machine id (common in containers), so it rests on the host name “${hostname}”: renaming the computer makes it a new machine to licensing servers.`,
    salted: (productId: string) =>
      `It is salted with the product id “${productId}”, so another product on this computer has a different fingerprint.`,
    hashed:
      'Only an HMAC-SHA256 hash of it is sent to licensing servers; the raw id never leaves this computer.',
    notUsed: 'MAC addresses, disks, the CPU and your user name are not used.',
  },
  /** A profile's name, as the vendor gave it in this language. */
  profileName: (profile: Named): string => profile.label,
  /** What another part of the core said (a store's warning), in this language. */
  core: (wording: Wording): string => wording.message,
};

export type DiagnosticsWords = typeof diagnosticsWordsEn;
