import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox/babel/server';
import {
  startMobiusFlowSandbox,
  type MobiusFlowSandbox,
} from '../../src/sandbox/mobiusflow/server';
import type { ConnectionTest } from '../../src/shared/diagnostics-model';
import { startForwardProxy } from '../support/forward-proxy';
import { refusedUrl } from '../support/refused-url';

/**
 * `license-manager diagnose`, built, as a person or a support script runs it: against a seat
 * server that answers, one that is gone, one that answers 503, and an https server whose CA is
 * trusted only through the configuration's `caFile`; behind HTTPS_PROXY; with `--out` writing the
 * support bundle. The exit codes are the documented ones (0, 2, 4, 5).
 */

const bin = join(__dirname, '../../bin/license-manager.js');
const built = existsSync(join(__dirname, '../../out/main/cli.js'));
if (!built)
  console.log('diagnose CLI tests skipped: the app is not built (`npm test` builds it first).');
const TLS_DIR = join(__dirname, '../fixtures/mobiusflow-tls');

describe.skipIf(!built)('license-manager diagnose (built)', () => {
  let dir: string;
  let seats: BabelSandbox;
  let secure: MobiusFlowSandbox;

  /** Runs the CLI asynchronously: the proxy in this process must keep answering meanwhile. */
  const cli = (args: readonly string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], {
        env: { ...process.env, LICENSE_MANAGER_HOME: join(dir, 'home'), ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  /** A configuration file with one seats profile per server address given. */
  const configWith = (name: string, urls: Record<string, string>, extra: object = {}) => {
    const file = join(dir, `${name}.json`);
    const profiles = Object.entries(urls).map(([id, baseUrl]) => ({
      id,
      kind: 'seats',
      label: `Server ${id}`,
      baseUrl,
      apiKey: seats.apiKey,
    }));
    writeFileSync(
      file,
      JSON.stringify({ productName: 'Acme', productId: 'acme-diag', profiles, ...extra }),
    );
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lm-diagnose-'));
    seats = await startBabelSandbox();
    secure = await startMobiusFlowSandbox({
      hubs: 1,
      tls: {
        certPem: await readFile(join(TLS_DIR, 'hub-a.pem'), 'utf8'),
        keyPem: await readFile(join(TLS_DIR, 'hub-a.key'), 'utf8'),
      },
    });
    copyFileSync(join(TLS_DIR, 'hub-a.pem'), join(dir, 'company-ca.pem'));
  });
  afterAll(async () => {
    await Promise.all([seats.close(), secure.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 when every server answers, and says what it tested', async () => {
    const result = await cli(['--config', configWith('ok', { seats: seats.url }), 'diagnose']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Server seats (seats): OK');
    expect(result.stdout).toMatch(/ok {3}TCP {3}connected to 127\.0\.0\.1:\d+/);
    expect(result.stdout).toContain('Fingerprint ');
  });

  it('exits 4 for a server that is gone, naming the step and the fix', async () => {
    const dead = await refusedUrl();
    const config = configWith('dead', { seats: seats.url, gone: dead });
    const text = await cli(['--config', config, 'diagnose']);
    expect(text.code).toBe(4);
    expect(text.stdout).toContain(
      `FAIL TCP   ${new URL(dead).host} refused the connection — check the port in the address`,
    );
    const json = await cli(['--config', config, '--json', 'diagnose', '--profile', 'gone']);
    expect(json.code).toBe(4);
    const { tests } = JSON.parse(json.stdout) as { tests: ConnectionTest[] };
    expect(tests.map((test) => test.profileId)).toEqual(['gone']);
    expect(tests[0]?.targets[0]?.failure).toMatchObject({ step: 'tcp', code: 'offline' });
  });

  it('exits 5 when the server answers 503', async () => {
    seats.faults.inject({ kind: 'status', status: 503 });
    try {
      const result = await cli(['--config', configWith('busy', { seats: seats.url }), 'diagnose']);
      expect(result.code).toBe(5);
      expect(result.stdout).toContain('answered 503 Service Unavailable');
    } finally {
      seats.faults.clear();
    }
  });

  it('trusts a private CA only through caFile, read beside the configuration', async () => {
    const without = await cli(['--config', configWith('no-ca', { hub: secure.url }), 'diagnose']);
    expect(without.code).toBe(2);
    expect(without.stdout).toContain('FAIL TLS   the certificate of 127.0.0.1 is not trusted');
    const trusted = configWith('ca', { hub: secure.url }, { caFile: 'company-ca.pem' });
    const withCa = await cli(['--config', trusted, 'diagnose']);
    expect(withCa.code).toBe(0);
    expect(withCa.stdout).toContain(`CA bundle: ${join(dir, 'company-ca.pem')}`);
    expect(withCa.stdout).toMatch(/ok {3}TLS {3}TLSv1\.3, certificate for localhost/);
    const missing = configWith('missing-ca', { hub: secure.url }, { caFile: 'nowhere.pem' });
    const refused = await cli(['--config', missing, 'diagnose']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`caFile: ${join(dir, 'nowhere.pem')} does not exist`);
  });

  it('goes through HTTPS_PROXY, and says so', async () => {
    const proxy = await startForwardProxy();
    try {
      const config = configWith('proxied', { hub: secure.url }, { caFile: 'company-ca.pem' });
      const result = await cli(['--config', config, 'diagnose'], { HTTPS_PROXY: proxy.url });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`via proxy ${proxy.address}`);
      expect(result.stdout).toContain(`HTTPS_PROXY=${proxy.url}`);
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(proxy.seen.every((line) => line === `CONNECT ${new URL(secure.url).host}`)).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('writes the support bundle with --out, readable by this user only', async () => {
    const out = join(dir, 'support.zip');
    const result = await cli([
      '--config',
      configWith('bundle', { seats: seats.url }),
      'diagnose',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Support bundle written to ${out}.`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const names = Object.keys(unzipSync(await readFile(out))).map((name) => name.split('/')[1]);
    expect(names).toEqual(expect.arrayContaining(['configuration.json', 'connection-tests.txt']));
    const configuration = Object.entries(unzipSync(await readFile(out))).find(([name]) =>
      name.endsWith('configuration.json'),
    )?.[1];
    expect(strFromU8(configuration ?? new Uint8Array())).not.toContain(seats.apiKey);
  });

  it('exits 2 for a profile that does not exist', async () => {
    const result = await cli([
      '--config',
      configWith('one', { seats: seats.url }),
      'diagnose',
      '--profile',
      'nope',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no profile "nope" to test.');
  });
});
