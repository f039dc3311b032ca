import { join } from 'node:path';
import type { FetchLike } from '../http/fetch-http-client';
import type { SystemStore } from '../net/system-certificates';
import type { CoreHome } from '../../cli/cli-context';
import type { CliHost } from '../../cli/run-cli';
import { store } from '../../shared/texts/store.en';
import { LicensingError } from '../licensing/licensing-error';
import type { VendorConfig } from '../config/vendor-config';
import type { ProxyResolver } from '../net/proxy-route';
import { shippedConfigFile } from '../config/shipped-config';
import {
  createSafeStorageSecretStore,
  type SafeStorageLike,
} from '../store/safe-storage-secret-store';
import { createElectronStores } from './electron-stores';

/** The folders Electron gives the app (app.getPath and the resources folder). */
export interface AppPaths {
  readonly resources: string;
  readonly userData: string;
  readonly logs: string;
}

/** The vendor's shipped configuration and the user's override beside the app's data. */
export const appConfigFiles = (paths: AppPaths) => ({
  base: shippedConfigFile(paths.resources),
  override: join(paths.userData, 'config.json'),
});

export const refusalLogFile = (paths: AppPaths): string => join(paths.logs, 'ipc-refusals.log');

/**
 * The app's licences: state and ciphertexts in userData, secrets sealed by safeStorage. The app
 * and `app --cli` open exactly this, so a licence a silent install activates is the one the app
 * shows. Only the holder of the single-instance lock may open it (one writer).
 */
export async function openAppHome(
  paths: AppPaths,
  safeStorage: SafeStorageLike,
  config: VendorConfig,
): Promise<CoreHome> {
  const stores = createElectronStores(paths.userData);
  return {
    secrets: await createSafeStorageSecretStore(safeStorage, stores.ciphertexts, {
      platform: process.platform,
      allowWeak: config.allowWeakSecretStore,
    }),
    state: stores.state,
    hubInventoryFile: join(paths.userData, 'hubs.json'),
    // The app's own run hands the core its live refusal log instead (src/main/index.ts).
    logFiles: [{ file: refusalLogFile(paths) }],
  };
}

/** The `argv` after `--cli`, when the app was started as a command line; otherwise undefined. */
export function cliArguments(argv: readonly string[]): readonly string[] | undefined {
  const at = argv.indexOf('--cli');
  return at === -1 ? undefined : argv.slice(at + 1);
}

/**
 * `app --cli <command>`: every CLI command, on the app's own configuration and stores. Commands
 * that touch the stores are refused while the app itself runs (`ownsStores` false: another process
 * holds the single-instance lock), rather than two writers racing on one file.
 */
export function appCliHost(options: {
  readonly paths: AppPaths;
  readonly safeStorage: SafeStorageLike;
  readonly ownsStores: boolean;
  readonly rendererDir: string;
  readonly version: string;
  /** Chromium's resolver: the installed app's command line goes out as the app does. */
  readonly systemProxy: ProxyResolver;
  /** Chromium's network stack, for a proxy that asks for Windows sign-in. */
  readonly chromiumFetch: FetchLike;
  /** This computer's trusted CAs, as the app trusts them. */
  readonly systemCertificates: () => Promise<SystemStore>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}): CliHost {
  const { paths, safeStorage, ownsStores, ...io } = options;
  return {
    ...io,
    configFiles: appConfigFiles(paths),
    dataDir: join(paths.userData, 'cli'),
    openHome: async (config) => {
      if (!ownsStores) throw new LicensingError('storage', store.appIsRunning());
      return openAppHome(paths, safeStorage, config);
    },
  };
}
