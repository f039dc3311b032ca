import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { VENDOR_CONFIG_ENV } from '../../build/electron-builder.config';
import { loadVendorConfig } from '../../src/main/config/load-config';
import { shippedConfigFile } from '../../src/main/config/shipped-config';
import { useTempDir } from '../support/temp-dir';
import { VENDOR_PRODUCT, writeVendorFolder } from './installer-vendor';

/**
 * A real `electron-builder --linux --dir` run over the built app. Electron's zip cannot be
 * downloaded here, so `electronDist` points at a stand-in: a folder holding a fake `electron`
 * executable, which electron-builder copies and renames after the product. The stand-in carries
 * Electron's fuse sentinel and an 8-fuse wire in Electron's shipped defaults, so @electron/fuses
 * really flips it and the test reads the result back: the fuse step runs as in a release, only
 * on a file that is not a working Electron. What this cannot show: that Electron honours the
 * fuses, the installers themselves (AppImage, deb, NSIS, dmg need tools downloaded from GitHub),
 * signing, and ASAR integrity, which electron-builder embeds only in Windows and macOS binaries.
 */

const PROJECT_DIR = join(__dirname, '../..');
/** Its CLI script, run with this Node: node_modules/.bin holds a .cmd shim on Windows. */
const BUILDER = join(PROJECT_DIR, 'node_modules/electron-builder/cli.js');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, in FuseV1Options order: every release fuse starts the other way round. */
const ELECTRON_DEFAULT_WIRE = '10110001';

const built = existsSync(join(PROJECT_DIR, 'out/main/index.js'));
if (!built)
  console.log('Installer layout test skipped: the app is not built (`npm test` builds it first).');

function writeStandInElectron(dir: string): string {
  const dist = join(dir, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in for Electron"\n# ${SENTINEL}`),
    // Wire format version 1, then the number of fuses, then one character per fuse.
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(`${ELECTRON_DEFAULT_WIRE}\n`),
  ]);
  writeFileSync(join(dist, 'electron'), wire, { mode: 0o755 });
  return dist;
}

function runElectronBuilder(vendorConfig: string, electronDist: string, output: string) {
  const result = spawnSync(
    process.execPath,
    [
      BUILDER,
      '--linux',
      '--dir',
      '--config',
      'build/electron-builder.config.ts',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      env: { ...process.env, [VENDOR_CONFIG_ENV]: vendorConfig },
      timeout: 55_000,
    },
  );
  return { status: result.status, log: `${result.stdout}${result.stderr}` };
}

type FuseWire = Awaited<ReturnType<typeof getCurrentFuseWire>>;
/** A fuse as the character stored in the binary: '0' off, '1' on. */
const fuse = (wire: FuseWire, option: FuseV1Options): string =>
  String.fromCharCode(Number(wire[option]));

describe.skipIf(!built)(
  'packaged layout (electron-builder --linux --dir, stand-in Electron)',
  () => {
    const tempDir = useTempDir();

    it('packs the bundles, the vendor configuration and its keys where the app reads them, with release fuses', async () => {
      const dir = tempDir();
      const vendorDir = join(dir, 'vendor');
      mkdirSync(vendorDir);
      const vendor = writeVendorFolder(vendorDir);
      const { status, log } = runElectronBuilder(
        vendor.configFile,
        writeStandInElectron(dir),
        join(dir, 'dist'),
      );
      expect(status, log).toBe(0);
      const unpacked = join(dir, 'dist', 'linux-unpacked');
      const resources = join(unpacked, 'resources');

      // The executable is named after the vendor's product, and its fuses are the release ones.
      const executable = join(unpacked, 'acme-licence-centre');
      const wire = await getCurrentFuseWire(executable);
      expect(fuse(wire, FuseV1Options.RunAsNode)).toBe('0');
      expect(fuse(wire, FuseV1Options.EnableCookieEncryption)).toBe('1');
      expect(fuse(wire, FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
      expect(fuse(wire, FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
      expect(fuse(wire, FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
      expect(fuse(wire, FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
      expect(fuse(wire, FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');

      // app.asar: the three bundles and the production dependencies, nothing from the workshop.
      const asar = join(resources, 'app.asar');
      const entries = listPackage(asar, { isPack: false }).map((entry) =>
        entry.replace(/\\/g, '/'),
      );
      for (const bundle of [
        '/out/main/index.js',
        '/out/preload/index.js',
        '/out/renderer/index.html',
      ])
        expect(entries).toContain(bundle);
      for (const dependency of ['axios', 'fflate', 'qrcode', 'node-machine-id'])
        expect(entries).toContain(`/node_modules/${dependency}/package.json`);
      // zod and electron-store are bundled into out/main, so they are not shipped a second time.
      const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
      expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
      expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
      for (const devOnly of [
        'electron',
        'electron-builder',
        'vitest',
        'playwright',
        'typescript',
        'zod',
        'electron-store',
      ])
        expect(entries).not.toContain(`/node_modules/${devOnly}`);

      const manifest = JSON.parse(extractFile(asar, 'package.json').toString()) as unknown;
      expect(manifest).toMatchObject({
        main: './out/main/index.js',
        productName: VENDOR_PRODUCT.productName,
        desktopName: 'acme-licence-centre.desktop',
        name: 'acme-licence-centre',
        author: { name: 'Acme Support', email: 'support@acme.example' },
      });

      // resources/: the vendor's file, byte for byte, found by the app's own lookup, and its logo.
      const shipped = shippedConfigFile(resources);
      expect(shipped).toBe(join(resources, 'vendor-config.json'));
      expect(readFileSync(shipped, 'utf8')).toBe(readFileSync(vendor.configFile, 'utf8'));
      expect(existsSync(join(resources, 'default-config.json'))).toBe(false);
      expect(readFileSync(join(resources, vendor.logo), 'utf8')).toBe(
        readFileSync(join(vendor.configFile, '..', vendor.logo), 'utf8'),
      );
      // Whatever else the app reads from resources/ in development (tray icons...) is there too.
      for (const file of readdirSync(join(PROJECT_DIR, 'resources')))
        if (!file.endsWith('-config.json'))
          expect(readFileSync(join(resources, file)), file).toEqual(
            readFileSync(join(PROJECT_DIR, 'resources', file)),
          );
      const config = await loadVendorConfig({ base: shipped });
      const keys = config.profiles.map((profile) =>
        'publicKey' in profile ? profile.publicKey : '',
      );
      expect(keys).toEqual(vendor.publicKeys);
    }, 60_000);

    it('stops before packaging when the vendor configuration is broken, naming the field', () => {
      const dir = tempDir();
      const broken = join(dir, 'vendor-config.json');
      writeFileSync(broken, JSON.stringify({ ...VENDOR_PRODUCT, productId: 'a b', demo: true }));
      const { status, log } = runElectronBuilder(
        broken,
        writeStandInElectron(dir),
        join(dir, 'dist'),
      );
      expect(status).not.toBe(0);
      expect(log).toContain(`The configuration file ${broken} is not valid:`);
      expect(log).toContain('productId: use letters, digits, . _ - (3 to 100)');
      expect(existsSync(join(dir, 'dist', 'linux-unpacked'))).toBe(false);
    }, 30_000);
  },
);
