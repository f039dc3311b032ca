import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import electronBuilderConfig, {
  builderConfig,
  RELEASE_FUSES,
  shippedConfig,
  VENDOR_CONFIG_ENV,
} from '../../build/electron-builder.config';
import { loadVendorConfig } from '../../src/main/config/load-config';
import { productIdentity } from '../../src/main/config/product-identity';
import { shippedConfigFile } from '../../src/main/config/shipped-config';
import { DEEP_LINK_SCHEME } from '../../src/main/desktop/deep-link';
import { licensingFailure } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';
import { VENDOR_PRODUCT, writeVendorFolder } from './installer-vendor';

const PROJECT_DIR = join(__dirname, '../..');
const MAKENSIS = spawnSync('makensis', ['-VERSION']).status === 0;
if (!MAKENSIS)
  console.log(
    'installer.nsh compile check skipped: makensis is not installed (apt-get install nsis).',
  );

/** The configuration electron-builder would load, for the vendor file `file`. */
async function loadedFor(file: string) {
  process.env[VENDOR_CONFIG_ENV] = file;
  return electronBuilderConfig();
}

describe('installer configuration (build/electron-builder.config.ts)', () => {
  const tempDir = useTempDir();
  afterEach(() => {
    delete process.env[VENDOR_CONFIG_ENV];
  });

  it('builds NSIS for Windows, a dmg for macOS, AppImage and deb for Linux', async () => {
    const config = await loadedFor(writeVendorFolder(tempDir()).configFile);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('takes the app id, names and the deep-link scheme from the vendor configuration', async () => {
    const config = await loadedFor(writeVendorFolder(tempDir()).configFile);
    expect(config.appId).toBe('com.acme.licensing');
    expect(config.productName).toBe('Acme Licence Centre');
    expect(config.extraMetadata).toEqual({
      name: 'acme-licence-centre',
      productName: 'Acme Licence Centre',
      desktopName: 'acme-licence-centre.desktop',
      // The deb package's Maintainer and Homepage, the Windows publisher: the support contact.
      author: { name: 'Acme Support', email: 'support@acme.example' },
      homepage: 'https://acme.example/support',
    });
    expect(config.linux?.executableName).toBe('acme-licence-centre');
    expect(config.protocols).toEqual([
      { name: 'Acme Licence Centre activation link', schemes: ['licensemgr'] },
    ]);
  });

  it('ships the vendor configuration as vendor-config.json and its logo beside it', async () => {
    const vendor = writeVendorFolder(tempDir());
    const config = await loadedFor(vendor.configFile);
    expect(config.extraResources).toEqual([
      {
        from: 'resources',
        to: '.',
        filter: ['**/*', '!vendor-config.json', '!default-config.json'],
      },
      { from: vendor.configFile, to: 'vendor-config.json' },
      { from: join(vendor.configFile, '..', vendor.logo), to: vendor.logo },
    ]);
  });

  it('stops the build on a broken vendor file with the loader’s own field-naming error', async () => {
    const file = join(tempDir(), 'vendor-config.json');
    writeFileSync(file, JSON.stringify({ ...VENDOR_PRODUCT, productId: 'a b', profiles: [] }));
    const fromBuild = await licensingFailure(loadedFor(file));
    const fromApp = await licensingFailure(loadVendorConfig({ base: file }));
    expect(fromBuild.code).toBe('config');
    expect(fromBuild.message).toBe(fromApp.message);
    expect(fromBuild.message).toMatch(/productId: use letters, digits/);
    expect(fromBuild.message).toMatch(/profiles: add at least one profile/);
  });

  it('refuses a productId the schema allows but no operating system takes as an app id', () => {
    const refused = /vendor-config.json is not valid:\n {2}- productId: .* reverse-DNS/;
    for (const productId of ['com..acme', '.acme', 'acme.'])
      expect(() =>
        productIdentity({ productName: 'Acme', productId }, 'vendor-config.json'),
      ).toThrow(refused);
    // No Latin letter in either: nothing to name the Linux executable after.
    expect(() =>
      productIdentity({ productName: 'ライセンス', productId: '___' }, 'vendor-config.json'),
    ).toThrow(refused);
  });

  it('derives ids the operating systems accept from any productId and productName', () => {
    const identity = (productName: string, productId: string) =>
      productIdentity({ productName, productId }, 'vendor-config.json');
    expect(identity('License Manager', 'license-manager-demo')).toMatchObject({
      appId: 'com.license-manager.license-manager-demo',
      executableName: 'license-manager',
    });
    // "_" is not allowed in a macOS bundle identifier; accents and symbols not in a file name.
    expect(identity('Café Licences (Pro)', 'com.acme_tools.cad')).toMatchObject({
      appId: 'com.acme-tools.cad',
      executableName: 'cafe-licences-pro',
    });
    expect(identity('ライセンス', 'com.acme.cad').executableName).toBe('com-acme-cad');
  });

  it('names no maintainer without the e-mail address a deb package requires', async () => {
    const vendor = writeVendorFolder(tempDir());
    const config = JSON.parse(readFileSync(vendor.configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      vendor.configFile,
      JSON.stringify({ ...config, supportContact: { url: 'https://acme.example/help' } }),
    );
    const metadata = (await loadedFor(vendor.configFile)).extraMetadata as Record<string, unknown>;
    expect(metadata).not.toHaveProperty('author');
    expect(metadata.homepage).toBe('https://acme.example/help');
  });

  it('flips every release fuse the production build needs', () => {
    expect(RELEASE_FUSES).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const identity = productIdentity(VENDOR_PRODUCT, 'vendor-config.json');
    const config = builderConfig(identity, { file: 'x.json', shippedAs: 'vendor-config.json' });
    expect(config.electronFuses).toBe(RELEASE_FUSES);
  });

  it('registers the same scheme on Windows as the app parses (build/installer.nsh)', async () => {
    const config = await loadedFor(writeVendorFolder(tempDir()).configFile);
    const include = readFileSync(join(PROJECT_DIR, String(config.nsis?.include)), 'utf8');
    expect(include).toContain(`!define DEEP_LINK_SCHEME "${DEEP_LINK_SCHEME}"`);
    expect(include).toMatch(/!macro customInstall[\s\S]*shell\\open\\command[\s\S]*!macroend/);
    expect(include).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey[\s\S]*!macroend/);
  });

  it.skipIf(!MAKENSIS)('build/installer.nsh compiles in an NSIS installer (makensis -WX)', () => {
    const dir = tempDir();
    // The defines electron-builder's installer script provides, and the two places it calls the
    // macros; the installer itself needs NSIS plugins downloaded from GitHub.
    const script = [
      'Unicode true',
      '!define PRODUCT_NAME "Acme Licence Centre"',
      '!define APP_EXECUTABLE_FILENAME "Acme Licence Centre.exe"',
      `!include "${join(PROJECT_DIR, 'build', 'installer.nsh')}"`,
      `OutFile "${join(dir, 'acme-installer.exe')}"`,
      'InstallDir "$LOCALAPPDATA\\Programs\\Acme"',
      'RequestExecutionLevel user',
      'Section "install"',
      '  !insertmacro customInstall',
      '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
      'SectionEnd',
      'Section "un.uninstall"',
      '  !insertmacro customUnInstall',
      'SectionEnd',
    ].join('\n');
    writeFileSync(join(dir, 'check.nsi'), script);
    const result = spawnSync('makensis', ['-WX', '-V2', join(dir, 'check.nsi')], {
      encoding: 'utf8',
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });

  it('ships the demo configuration only when no vendor configuration exists', () => {
    const project = tempDir();
    mkdirSync(join(project, 'resources'));
    expect(shippedConfig(project, undefined)).toEqual({
      file: join(project, 'resources', 'default-config.json'),
      shippedAs: 'default-config.json',
    });
    writeFileSync(join(project, 'resources', 'vendor-config.json'), '{}');
    expect(shippedConfig(project, undefined)).toEqual({
      file: join(project, 'resources', 'vendor-config.json'),
      shippedAs: 'vendor-config.json',
    });
    expect(shippedConfig(project, 'elsewhere/acme.json').file).toBe(
      join(project, 'elsewhere', 'acme.json'),
    );
  });

  it('finds the vendor configuration first at run time, the demo otherwise', () => {
    const resources = tempDir();
    expect(shippedConfigFile(resources)).toBe(join(resources, 'default-config.json'));
    writeFileSync(join(resources, 'vendor-config.json'), '{}');
    expect(shippedConfigFile(resources)).toBe(join(resources, 'vendor-config.json'));
  });
});
