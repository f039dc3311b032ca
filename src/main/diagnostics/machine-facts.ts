import { arch, release, type } from 'node:os';
import type { DiagnosticsReport } from '../../shared/diagnostics-model';
import type { AppInfo } from '../../shared/model';
import { diagnosticsWordsEn, type DiagnosticsWords } from './words.en';

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

/**
 * How the secret store this app opened keeps licence keys and tokens. `backend` is the store's own
 * name: Electron safeStorage's backends, `os-keyring` (the CLI and the browser host), `memory`.
 * The store's own warning, when it has one, is the core's, said in the words' language.
 */
export function secretProtection(
  store: AppInfo['secretStore'],
  allowWeakSecretStore: boolean,
  words: DiagnosticsWords = diagnosticsWordsEn,
): DiagnosticsReport['secrets'] {
  const w = words.secrets;
  const { backend } = store;
  if (backend === 'memory')
    return {
      level: 'memory',
      mechanism: w.memoryMechanism,
      backend,
      explanation: w.memoryExplanation,
    };
  if (backend === 'os-keyring')
    return store.protected
      ? {
          level: 'os',
          mechanism: w.keyringMechanism,
          backend,
          explanation: w.keyringExplanation(w.hubSecrets),
        }
      : {
          level: 'unavailable',
          mechanism: w.noKeyringMechanism,
          backend,
          explanation: store.warning
            ? words.core({ message: store.warning, text: store.warningText })
            : w.noKeyringExplanation,
        };
  const named = Object.hasOwn(w.safeStorage, backend) ? w.safeStorage[backend] : undefined;
  if (named && store.protected)
    return {
      level: 'os',
      mechanism: named.mechanism,
      backend,
      explanation: w.encryptedExplanation(named.by, w.hubSecrets),
    };
  return allowWeakSecretStore
    ? {
        level: 'weak',
        mechanism: w.weakMechanism,
        backend,
        explanation: w.weakAllowed(w.weak),
      }
    : {
        level: 'unavailable',
        mechanism: w.weakRefusedMechanism,
        backend,
        explanation: w.weakRefused(w.weak),
      };
}

/** What the fingerprint is made of and what would change it, in sentences. */
export function fingerprintBasis(
  fingerprint: AppInfo['fingerprint'],
  productId: string,
  hostname: string,
  platform: NodeJS.Platform = process.platform,
  words: DiagnosticsWords = diagnosticsWordsEn,
): DiagnosticsReport['fingerprint'] {
  const w = words.fingerprint;
  const material =
    fingerprint.source === 'machine-id'
      ? w.machineId(w.machineIdSource[platform] ?? w.anyMachineId)
      : w.hostname(hostname);
  return {
    label: fingerprint.label,
    source: fingerprint.source,
    basis: [material, w.salted(productId), w.hashed, w.notUsed],
    ...(fingerprint.warning
      ? { warning: words.core({ message: fingerprint.warning, text: fingerprint.warningText }) }
      : {}),
  };
}
