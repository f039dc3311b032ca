import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoConfigFor } from '../../src/main/demo-mode';
import { startSandboxes, type SandboxSet } from '../../src/sandbox';
import { offlineRequestSchema, qrCodeSchema } from '../../src/shared/offline-model';
import { keyringUnavailable } from '../support/keyring';
import { useTempDir } from '../support/temp-dir';

/**
 * `license-manager offline …` as an installer or an engineer runs it: the built CLI, its exit
 * codes, and the LicenseSpring round trip through the sandbox's activate_offline (the portal).
 */

const bin = join(__dirname, '../../bin/license-manager.js');
const built = existsSync(join(__dirname, '../../out/main/cli.js'));
const skipWhy = !built
  ? 'the app is not built (`npm test` builds it first)'
  : await keyringUnavailable();
if (skipWhy) console.log(`Offline CLI tests skipped: ${skipWhy}.`);

describe.skipIf(skipWhy !== undefined)('license-manager offline (built CLI)', () => {
  const tempDir = useTempDir();
  let set: SandboxSet;
  beforeAll(async () => {
    set = await startSandboxes({ host: '127.0.0.1', port: 0, hubs: 1 });
  });
  afterAll(async () => set.close());

  /** One installation: its own data folder, the sandbox configuration and the vendor key. */
  const install = () => {
    const dir = tempDir();
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify(demoConfigFor(set, { productName: 'Offline', productId: 'offline-test' })),
    );
    const vendorKey = join(dir, 'vendor.pem');
    writeFileSync(vendorKey, set.demo.licenceFile.privateKeyPem);
    // Asynchronous: the sandbox answers from this very process, so it must not be blocked.
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, '--config', config, ...args], {
          env: { ...process.env, LICENSE_MANAGER_HOME: dir },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout }));
      });
    const sign = async (name: string, ...extra: string[]) => {
      const fingerprint = (await cli('fingerprint')).stdout.split('\n')[0] ?? '';
      const signed = await cli(
        ...['vendor', 'sign', '--key', vendorKey, '--fingerprint', fingerprint, ...extra],
      );
      expect(signed.code).toBe(0);
      const file = join(dir, name);
      writeFileSync(file, signed.stdout);
      return file;
    };
    return { dir, cli, sign };
  };

  it('imports a vendor-signed file (exit 0), refuses a bad one (exit 3) and keeps the first', async () => {
    const { cli, sign, dir } = install();
    const good = await sign('good.lic', '--feature', 'export', '--expires', '2099-01-01');
    const imported = await cli('offline', 'import', good, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      profileId: 'licence-file',
      licence: { features: ['export'], nodeLocked: true, state: 'valid' },
    });

    const tampered = join(dir, 'tampered.lic');
    writeFileSync(tampered, readFileSync(good, 'utf8').replace('export', 'exporT'));
    const refused = await cli('offline', 'import', tampered, '--json');
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'tampered' } });

    const notALicence = join(dir, 'notes.txt');
    writeFileSync(notALicence, '{"shopping":["milk"]}');
    expect((await cli('offline', 'import', notALicence, '--profile', 'licence-file')).code).toBe(3);

    const status = await cli('status', '--profile', 'licence-file', '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({ licence: { features: ['export'] } });
  });

  it('--public-key verifies with that key instead of the configured one', async () => {
    const { cli, sign, dir } = install();
    const good = await sign('good.lic');
    const otherKey = join(dir, 'other');
    expect((await cli('vendor', 'keygen', '--out', otherKey)).code).toBe(0);
    const refused = await cli(
      ...['offline', 'import', good, '--public-key', join(otherKey, 'public.pem'), '--json'],
    );
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.stdout).error.message).toMatch(/different vendor key/);
  });

  it('LicenseSpring: --json without --out prints the request file itself, as documented', async () => {
    const { cli } = install();
    const key = set.demo.licensespring.consumptionKey;
    const printed = await cli(
      'offline',
      'request',
      '--profile',
      'licensespring',
      '--key',
      key,
      '--json',
    );
    expect(printed.code).toBe(0);
    // docs/silent-install.md: fileName, text (the file), qrCodes; nothing else.
    const request = offlineRequestSchema
      .extend({ qrCodes: z.array(qrCodeSchema.strict()) })
      .strict()
      .parse(JSON.parse(printed.stdout));
    // The file the portal reads names the key (which is why --out writes it for this user only).
    expect(Buffer.from(request.text, 'base64').toString('utf8')).toContain(key);
  });

  it('LicenseSpring: request file, the portal answer imported, then the deactivation file', async () => {
    const { cli, dir } = install();
    const requestFile = join(dir, 'request.req');
    const request = await cli(
      ...['offline', 'request', '--profile', 'licensespring'],
      ...['--key', set.demo.licensespring.consumptionKey, '--out', requestFile],
    );
    expect(request.code).toBe(0);
    expect(request.stdout).toContain(requestFile);

    const portal = await fetch(`${set.servers.licensespring.url}/api/v4/activate_offline`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: readFileSync(requestFile, 'utf8').trim(),
    });
    expect(portal.status).toBe(200);
    const licenceFile = join(dir, 'license.lic');
    writeFileSync(licenceFile, await portal.text());

    // A request file given where the licence file belongs is named as such.
    const mixedUp = await cli(
      'offline',
      'import',
      requestFile,
      '--profile',
      'licensespring',
      '--json',
    );
    expect(mixedUp.code).toBe(3);
    expect(JSON.parse(mixedUp.stdout).error.message).toMatch(/request file/);

    const imported = await cli('offline', 'import', licenceFile, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      profileId: 'licensespring',
      status: 'active',
    });
    const local = JSON.parse((await cli('status', '--profile', 'licensespring', '--json')).stdout);
    expect(local.details.activatedOffline).toBe(true);

    // A deactivation file that cannot be written changes nothing: the licence stays.
    const unwritable = await cli(
      ...['offline', 'deactivate', '--profile', 'licensespring'],
      ...['--out', join(dir, 'no-such-folder', 'deactivate.req')],
    );
    expect(unwritable.code).toBe(2);
    const still = JSON.parse((await cli('status', '--profile', 'licensespring', '--json')).stdout);
    expect(still.status).toBe('active');

    const deactivation = join(dir, 'deactivate.req');
    const out = await cli(
      'offline',
      'deactivate',
      '--profile',
      'licensespring',
      '--out',
      deactivation,
    );
    expect(out.code).toBe(0);
    const status = JSON.parse((await cli('status', '--profile', 'licensespring', '--json')).stdout);
    expect(status.status).toBe('inactive');
    const freed = await fetch(`${set.servers.licensespring.url}/api/v4/deactivate_offline`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: readFileSync(deactivation, 'utf8').trim(),
    });
    expect(await freed.text()).toBe('"license_deactivated"');
  });
});
