import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLicenceFile } from '../../src/main/offline/licence-file';
import { useTempDir } from '../support/temp-dir';

/** `license-manager vendor keygen|sign`, run as the vendor runs it: the built CLI. */

const bin = join(__dirname, '../../bin/license-manager.js');
const built = existsSync(join(__dirname, '../../out/main/cli.js'));
if (!built)
  console.log('Vendor CLI tests skipped: the app is not built (`npm test` builds it first).');

const FINGERPRINT = 'c0ffee'.repeat(10).concat('c0de');

describe.skipIf(!built)('license-manager vendor (built CLI)', () => {
  const tempDir = useTempDir();

  /** Runs the CLI in a fresh data folder; `stdout` may be a file, as `> licence.lic` makes it. */
  const cli = (home: string, args: string[], stdoutFile?: string) => {
    const fd = stdoutFile === undefined ? undefined : openSync(stdoutFile, 'w');
    try {
      const result = spawnSync(process.execPath, [bin, ...args], {
        env: { ...process.env, LICENSE_MANAGER_HOME: home },
        encoding: 'utf8',
        timeout: 15_000,
        stdio: ['ignore', fd ?? 'pipe', 'pipe'],
      });
      return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };

  /** A vendor folder with a key pair and a configuration for the product acme-cad. */
  const vendorDir = () => {
    const dir = tempDir();
    const keys = join(dir, 'keys', 'acme');
    const config = join(dir, 'vendor-config.json');
    writeFileSync(
      config,
      JSON.stringify({ productName: 'Acme CAD', productId: 'acme-cad', demo: true }),
    );
    return { dir, keys, config, privateKey: join(keys, 'private.pem') };
  };

  it('makes a key pair, signs a licence into a file, and the app side verifies it', () => {
    const { dir, keys, config, privateKey } = vendorDir();
    const keygen = cli(dir, ['vendor', 'keygen', '--out', keys, '--json']);
    expect(keygen).toMatchObject({ code: 0, stderr: '' });
    const made = JSON.parse(keygen.stdout) as Record<string, string>;
    expect(made).toEqual({
      privateKey,
      publicKey: join(keys, 'public.pem'),
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(readFileSync(privateKey, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    if (process.platform !== 'win32') expect(statSync(privateKey).mode & 0o777).toBe(0o600);

    const licenceFile = join(dir, 'licence.lic');
    const sign = cli(
      dir,
      [
        ...['--config', config, 'vendor', 'sign', '--key', privateKey],
        ...['--fingerprint', FINGERPRINT, '--expires', '2099-12-31'],
        ...['--feature', 'A', '--feature', 'B', '--licensee', 'Jane Doe'],
      ],
      licenceFile,
    );
    expect(sign).toMatchObject({ code: 0, stderr: '' });

    const licence = verifyLicenceFile(readFileSync(licenceFile, 'utf8'), {
      publicKeyPem: readFileSync(made.publicKey as string, 'utf8'),
      productCode: 'acme-cad',
      fingerprint: FINGERPRINT,
    });
    expect(licence).toMatchObject({
      product: 'acme-cad', // from the configuration: no --product given
      licensee: { name: 'Jane Doe' },
      features: ['A', 'B'],
      fingerprint: FINGERPRINT,
      expiresAt: Date.UTC(2099, 11, 31, 23, 59, 59, 999), // a date: the end of that day, UTC
      keyId: made.keyId,
    });
    expect(Math.abs(licence.issuedAt - Date.now())).toBeLessThan(60_000);
  });

  it('says where the keys are, what to configure and what to keep secret', () => {
    const { dir, keys } = vendorDir();
    const keygen = cli(dir, ['vendor', 'keygen', '--out', keys]);
    expect(keygen.code).toBe(0);
    expect(keygen.stdout).toContain(join(keys, 'private.pem'));
    expect(keygen.stdout).toContain(join(keys, 'public.pem'));
    expect(keygen.stdout).toMatch(/public\.pem in the vendor configuration/);
    expect(keygen.stdout).toMatch(/Keep private\.pem secret/);
  });

  it('refuses to overwrite a private key unless told to with --force', () => {
    const { dir, keys, privateKey } = vendorDir();
    expect(cli(dir, ['vendor', 'keygen', '--out', keys]).code).toBe(0);
    const first = readFileSync(privateKey, 'utf8');

    const again = cli(dir, ['vendor', 'keygen', '--out', keys]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /^error \[invalid_input\]: .*private\.pem already exists\. Replacing it would stop every licence signed with it from verifying.*--force/,
    );
    expect(readFileSync(privateKey, 'utf8')).toBe(first);

    expect(cli(dir, ['vendor', 'keygen', '--out', keys, '--force']).code).toBe(0);
    expect(readFileSync(privateKey, 'utf8')).not.toBe(first);
    if (process.platform !== 'win32') expect(statSync(privateKey).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not a date', 'next-year', /--expires must be a date/],
    ['a day that does not exist', '2099-02-30', /--expires must be a date/],
    ['a time without its zone', '2099-01-01T12:00', /--expires must be a date/],
    ['in the past', '2001-01-01', /--expires 2001-01-01 is not in the future/],
  ])('exits 2 on an --expires that is %s, signing nothing', (_, expires, message) => {
    const { dir, keys, privateKey } = vendorDir();
    expect(cli(dir, ['vendor', 'keygen', '--out', keys]).code).toBe(0);
    const sign = cli(dir, [
      ...['vendor', 'sign', '--key', privateKey, '--product', 'acme-cad'],
      ...['--expires', expires],
    ]);
    expect(sign).toMatchObject({ code: 2, stdout: '' });
    expect(sign.stderr).toMatch(message);
  });

  it('prints the payload and the file with --json', () => {
    const { dir, keys, privateKey } = vendorDir();
    expect(cli(dir, ['vendor', 'keygen', '--out', keys]).code).toBe(0);
    const sign = cli(dir, [
      ...['vendor', 'sign', '--key', privateKey, '--product', 'acme-viewer', '--json'],
      ...['--expires', '2099-06-30T12:00:00+02:00', '--grace-days', '7', '--email', 'it@acme.test'],
    ]);
    expect(sign.code).toBe(0);
    const { licence, file } = JSON.parse(sign.stdout) as { licence: unknown; file: string };
    expect(licence).toEqual({
      id: expect.any(String),
      product: 'acme-viewer',
      licensee: { email: 'it@acme.test' },
      features: [],
      issuedAt: expect.any(String),
      expiresAt: '2099-06-30T10:00:00.000Z',
      graceDays: 7,
    });
    expect(JSON.parse(JSON.parse(file).licence)).toEqual(licence);
  });

  it('names an unreadable --key file, and lists the vendor commands for an unknown one', () => {
    const { dir } = vendorDir();
    const missing = join(dir, 'nowhere.pem');
    const sign = cli(dir, ['vendor', 'sign', '--key', missing, '--product', 'acme-cad']);
    expect(sign.code).toBe(2);
    expect(sign.stderr).toContain(`The --key file ${missing} cannot be read (ENOENT)`);

    const unknown = cli(dir, ['vendor', 'publish']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /Unknown vendor command "publish"\. Use one of: vendor keygen\|sign/,
    );
  });
});
