import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { loadVendorConfig } from '../src/main/config/load-config';
import type { VendorConfig } from '../src/main/config/vendor-config';
import { productIdentity, type ProductIdentity } from '../src/main/config/product-identity';
import { DEMO_CONFIG_FILE, VENDOR_CONFIG_FILE } from '../src/main/config/shipped-config';

/**
 * electron-builder configuration for the release installers: NSIS (Windows), dmg (macOS),
 * AppImage and deb (Linux). electron-builder loads this file itself (`npm run dist`); the app id,
 * product name, Linux executable name and deep-link scheme come from the vendor configuration,
 * which is validated by the app's own loader first, so a broken vendor file stops the build with
 * the same "field: fix" message the app would show at start.
 */

/** Set to ship a vendor configuration kept outside the repository (a CI secret file, say). */
export const VENDOR_CONFIG_ENV = 'LICENSE_MANAGER_VENDOR_CONFIG';

const PROJECT_DIR = resolve(__dirname, '..');

type ElectronFuses = NonNullable<Configuration['electronFuses']>;

/**
 * Fuses are flipped in the packaged Electron binary, so they hold even for someone who can set
 * environment variables or pass arguments to the installed app. They apply to these installers
 * only: `npm run dev` and any Playwright run against Electron use node_modules' unfused binary
 * (Playwright's Electron launcher needs the inspect arguments this build turns off).
 */
export const RELEASE_FUSES: ElectronFuses = {
  // ELECTRON_RUN_AS_NODE=1 would turn the signed binary into a plain Node that runs any script.
  runAsNode: false,
  // Chromium's cookie store is encrypted with the OS key like Chrome's, never plain SQLite.
  enableCookieEncryption: true,
  // NODE_OPTIONS (--require, --inspect...) and NODE_EXTRA_CA_CERTS could inject code or trust.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger onto the main process and its secrets.
  enableNodeCliInspectArguments: false,
  // With the next fuse, only an app.asar matching the hash electron-builder embeds in the
  // binary is loaded (Info.plist on macOS, a resource on Windows; Linux has no such check).
  enableEmbeddedAsarIntegrityValidation: true,
  // No fallback to a loose resources/app folder next to app.asar, which would skip the check.
  onlyLoadAppFromAsar: true,
  // The renderer is served from app://, never file://: file pages need no extra privileges.
  grantFileProtocolExtraPrivileges: false,
};

export interface ShippedConfig {
  /** The file copied into the installers' resources. */
  readonly file: string;
  /** Its name there: the app looks for the vendor's file first, then the demo's. */
  readonly shippedAs: typeof VENDOR_CONFIG_FILE | typeof DEMO_CONFIG_FILE;
  /** The `logo` path, relative to the configuration: it ships beside it under the same path. */
  readonly logo?: string;
}

/**
 * Which configuration the installers carry: the file named by LICENSE_MANAGER_VENDOR_CONFIG, else
 * resources/vendor-config.json, else the demo configuration (an installer that shows the demo).
 */
export function shippedConfig(projectDir: string, explicitFile: string | undefined): ShippedConfig {
  if (explicitFile)
    return { file: resolve(projectDir, explicitFile), shippedAs: VENDOR_CONFIG_FILE };
  const vendorFile = join(projectDir, 'resources', VENDOR_CONFIG_FILE);
  if (existsSync(vendorFile)) return { file: vendorFile, shippedAs: VENDOR_CONFIG_FILE };
  return { file: join(projectDir, 'resources', DEMO_CONFIG_FILE), shippedAs: DEMO_CONFIG_FILE };
}

const CONFIG_FILES = [VENDOR_CONFIG_FILE, DEMO_CONFIG_FILE];

/**
 * What the installers say about the vendor, from its support contact: the deb package's
 * Maintainer (which must have an e-mail address) and Homepage, the Windows publisher.
 */
export interface VendorMetadata {
  readonly author?: { readonly name: string; readonly email: string };
  readonly homepage?: string;
}

export function vendorMetadataOf(config: VendorConfig): VendorMetadata {
  const contact = config.supportContact;
  return {
    ...(contact?.email && {
      author: { name: contact.name ?? config.productName, email: contact.email },
    }),
    ...(contact?.url && { homepage: contact.url }),
  };
}

/** The configuration for one product; kept apart from the file reading so tests can call it. */
export function builderConfig(
  identity: ProductIdentity,
  shipped: ShippedConfig,
  vendor: VendorMetadata = {},
): Configuration {
  const { appId, productName, executableName, deepLinkScheme } = identity;
  return {
    appId,
    productName,
    // The packaged package.json: Electron names the data folder and the Linux window class after
    // it, electron-builder the deb package and its file, so two vendors' products never collide.
    extraMetadata: {
      name: executableName,
      productName,
      desktopName: `${executableName}.desktop`,
      ...vendor,
    },
    directories: { output: 'dist', buildResources: 'build' },
    // Only the bundles: sources, tests, docs, sandbox data and the CLI shim stay out of app.asar.
    // Production dependencies are added by electron-builder itself.
    files: ['out/**/*', 'package.json', '!**/*.map'],
    extraResources: [
      // The app reads resources/ from the project in development and from process.resourcesPath
      // when packaged: the same files (tray icons...) land there, the configurations excepted.
      { from: 'resources', to: '.', filter: ['**/*', ...CONFIG_FILES.map((name) => `!${name}`)] },
      // Then the one configuration this installer is for. Vendor public keys are the profiles'
      // `publicKey` PEM fields, so they travel in this file.
      { from: shipped.file, to: shipped.shippedAs },
      ...(shipped.logo
        ? [{ from: join(dirname(shipped.file), shipped.logo), to: shipped.logo }]
        : []),
    ],
    asar: true,
    // The only native module (@napi-rs/keyring) is N-API with prebuilt binaries: nothing to
    // rebuild, and a rebuild would download Electron's headers.
    npmRebuild: false,
    electronFuses: RELEASE_FUSES,
    protocols: [{ name: `${productName} activation link`, schemes: [deepLinkScheme] }],
    // Publishing is the vendor's release step, not a side effect of building.
    publish: null,
    win: { target: ['nsis'] },
    nsis: {
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      // electron-builder registers `protocols` on macOS and Linux only; this adds Windows.
      include: 'build/installer.nsh',
    },
    mac: { target: ['dmg'], category: 'public.app-category.business' },
    linux: {
      target: ['AppImage', 'deb'],
      executableName,
      category: 'Office',
      syncDesktopName: true,
    },
  };
}

/** What electron-builder calls: reads and validates the vendor configuration, then builds on it. */
export default async function electronBuilderConfig(): Promise<Configuration> {
  const shipped = shippedConfig(PROJECT_DIR, process.env[VENDOR_CONFIG_ENV]);
  const vendorConfig = await loadVendorConfig({ base: shipped.file });
  return builderConfig(
    productIdentity(vendorConfig, shipped.file),
    { ...shipped, logo: vendorConfig.logo },
    vendorMetadataOf(vendorConfig),
  );
}
