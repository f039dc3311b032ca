import { arch, release, type } from 'node:os';
import type { DiagnosticsReport } from '../../shared/diagnostics-model';
import type { AppInfo } from '../../shared/model';

/**
 * What this computer is, said honestly for the diagnostics screen and the support bundle: the
 * versions that run, how secrets are kept here (and when that is weak, why), and what the machine
 * fingerprint rests on.
 */

export function runtimeVersions(app: string): DiagnosticsReport['versions'] {
  const { electron, chrome, node } = process.versions;
  return {
    app,
    ...(electron ? { electron } : {}),
    ...(chrome ? { chrome } : {}),
    node,
    os: `${type()} ${release()} (${process.platform}, ${arch()})`,
  };
}

const HUB_SECRETS =
  'MobiusFlow hub passwords and tokens are sealed (AES-256-GCM) in one file whose key is kept the same way.';

const SAFE_STORAGE: Readonly<Record<string, string>> = {
  keychain: 'the macOS Keychain, through Electron safeStorage',
  dpapi: 'Windows DPAPI (tied to your Windows account), through Electron safeStorage',
  gnome_libsecret: 'the Secret Service (GNOME Keyring), through Electron safeStorage',
  kwallet: 'KWallet, through Electron safeStorage',
  kwallet5: 'KWallet 5, through Electron safeStorage',
  kwallet6: 'KWallet 6, through Electron safeStorage',
};

/**
 * How the secret store this app opened keeps licence keys and tokens. `backend` is the store's own
 * name: Electron safeStorage's backends, `os-keyring` (the CLI and the browser host), `memory`.
 */
export function secretProtection(
  store: AppInfo['secretStore'],
  allowWeakSecretStore: boolean,
): DiagnosticsReport['secrets'] {
  const { backend } = store;
  if (backend === 'memory')
    return {
      level: 'memory',
      mechanism: 'This process’s memory',
      backend,
      explanation:
        'Secrets are kept in memory only and never written to disk; they are gone when the app stops.',
    };
  if (backend === 'os-keyring')
    return store.protected
      ? {
          level: 'os',
          mechanism:
            'The OS keyring (macOS Keychain, Windows Credential Manager or the Secret Service)',
          backend,
          explanation: `Licence keys and tokens are kept in the OS keyring of your user account, never in the app’s files. ${HUB_SECRETS}`,
        }
      : {
          level: 'unavailable',
          mechanism: 'No OS keyring could be reached',
          backend,
          explanation:
            store.warning ?? 'The OS keyring is not available, so no licence can be kept.',
        };
  const named = SAFE_STORAGE[backend];
  if (named && store.protected)
    return {
      level: 'os',
      mechanism: named.charAt(0).toUpperCase() + named.slice(1),
      backend,
      explanation: `Licence keys and tokens are encrypted by ${named.split(',')[0]} before they are written beside the app’s state. ${HUB_SECRETS}`,
    };
  const weak =
    'Electron found no OS keyring in this Linux session (no Secret Service, no KWallet), so it can only encrypt with a key built into every copy of Chromium (“basic_text”): anyone who can read your profile folder can decrypt the secrets.';
  return allowWeakSecretStore
    ? {
        level: 'weak',
        mechanism: 'Electron safeStorage with its built-in key (basic_text)',
        backend,
        explanation: `${weak} Your vendor allows this (allowWeakSecretStore). Install and unlock GNOME Keyring or KWallet to protect them properly.`,
      }
    : {
        level: 'unavailable',
        mechanism: 'Only Electron’s weak basic_text fallback, which your vendor does not allow',
        backend,
        explanation: `${weak} Your vendor does not allow that, so no licence is stored. Install and unlock GNOME Keyring or KWallet.`,
      };
}

const MACHINE_ID_SOURCE: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  linux:
    'the OS machine id (/var/lib/dbus/machine-id or /etc/machine-id), created when the system was installed',
  darwin: 'the Mac’s hardware UUID (IOPlatformUUID)',
  win32:
    'Windows’ MachineGuid (HKLM\\SOFTWARE\\Microsoft\\Cryptography), created when Windows was installed',
  freebsd: 'the system UUID (smbios.system.uuid or kern.hostuuid)',
};

/** What the fingerprint is made of and what would change it, in sentences. */
export function fingerprintBasis(
  fingerprint: AppInfo['fingerprint'],
  productId: string,
  hostname: string,
  platform: NodeJS.Platform = process.platform,
): DiagnosticsReport['fingerprint'] {
  const material =
    fingerprint.source === 'machine-id'
      ? `It rests on ${MACHINE_ID_SOURCE[platform] ?? 'the operating system’s machine id'}; reinstalling the operating system changes it, new hardware alone does not.`
      : `This computer has no readable machine id (common in containers), so it rests on the host name “${hostname}”: renaming the computer makes it a new machine to licensing servers.`;
  return {
    label: fingerprint.label,
    source: fingerprint.source,
    basis: [
      material,
      `It is salted with the product id “${productId}”, so another product on this computer has a different fingerprint.`,
      'Only an HMAC-SHA256 hash of it is sent to licensing servers; the raw id never leaves this computer.',
      'MAC addresses, disks, the CPU and your user name are not used.',
    ],
    ...(fingerprint.warning ? { warning: fingerprint.warning } : {}),
  };
}
