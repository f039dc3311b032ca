import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everythingOnDisk } from '../support/core-harness';
import { useTempDir } from '../support/temp-dir';
import { keyringUnavailable } from '../support/keyring';

const bin = join(__dirname, '../../bin/license-manager.js');
const built = existsSync(join(__dirname, '../../out/main/cli.js'));
const skipWhy = !built
  ? 'the app is not built (`npm test` builds it first)'
  : await keyringUnavailable();
if (skipWhy) console.log(`CLI tests skipped: ${skipWhy}.`);

describe.skipIf(skipWhy !== undefined)(
  'license-manager CLI (built, against `license-manager sandbox`)',
  () => {
    const tempDir = useTempDir();
    let home: string;
    let sandbox: ReturnType<typeof spawn>;
    let ready: {
      config: string;
      demo: {
        seats: { floatingKey: string; activationKey: string; revokedKey: string };
        flecs: { username: string; password: string; licenseKey: string };
        eniris: {
          username: string;
          password: string;
          freeKey: string;
          nodeId: string;
          customerId: string;
        };
        licensespring: {
          floatingKey: string;
          nodeLockedKey: string;
          features: { floating: string; consumption: string };
        };
      };
    };

    const cli = (...args: string[]) => cliWithInput(undefined, ...args);
    const cliWithInput = (input: string | undefined, ...args: string[]) => {
      const result = spawnSync(process.execPath, [bin, ...args], {
        input,
        env: { ...process.env, LICENSE_MANAGER_HOME: home },
        encoding: 'utf8',
        timeout: 15_000,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), 'lm-cli-'));
      sandbox = spawn(process.execPath, [bin, 'sandbox', '--json'], {
        env: { ...process.env, LICENSE_MANAGER_HOME: home },
      });
      const line = await new Promise<string>((resolve, reject) => {
        sandbox.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString()));
        sandbox.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
      });
      ready = JSON.parse(line);
    });
    afterAll(() => {
      sandbox?.kill('SIGTERM');
      rmSync(home, { recursive: true, force: true });
    });

    it('prints one JSON line naming a configuration that works', () => {
      expect(existsSync(ready.config)).toBe(true);
      expect(JSON.parse(readFileSync(ready.config, 'utf8')).profiles[0]).toMatchObject({
        id: 'seats',
        kind: 'seats',
      });
    });

    it('activates, takes a seat, lists it and releases it, with global options anywhere', () => {
      const { floatingKey } = ready.demo.seats;
      const activate = cli(
        '--config',
        ready.config,
        'activate',
        '--profile',
        'seats',
        '--key',
        floatingKey,
      );
      expect(activate.code).toBe(0);
      expect(activate.stdout).toMatch(/seats: active \(floating licence/);
      expect(activate.stdout).not.toContain(floatingKey);

      const request = cli('seat', 'request', '--config', ready.config, '--json');
      expect(request.code).toBe(0);
      expect(JSON.parse(request.stdout)).toMatchObject({
        status: 'active',
        seat: { state: 'held' },
      });

      const info = cli('--json', 'seat', 'info', '--config', ready.config);
      expect(info.code).toBe(0);
      const pool = JSON.parse(info.stdout);
      expect(
        pool.holders.filter((holder: { isThisClient: boolean }) => holder.isThisClient),
      ).toHaveLength(1);
      expect(info.stdout).not.toMatch(/fltk_[a-z0-9]{12}/);

      expect(cli('--config', ready.config, 'seat', 'heartbeat').code).toBe(0);
      const release = cli('--config', ready.config, 'seat', 'release', '--quiet');
      expect(release).toMatchObject({ code: 0, stdout: '' });
      expect(
        JSON.parse(cli('--config', ready.config, 'status', '--profile', 'seats', '--json').stdout)
          .seat.state,
      ).toBe('none');
      expect(everythingOnDisk(home).replace(readFileSync(ready.config, 'utf8'), '')).not.toContain(
        floatingKey,
      );
      const deactivated = cli(
        '--config',
        ready.config,
        'deactivate',
        '--profile',
        'seats',
        '--json',
      );
      expect(deactivated.code).toBe(0);
      expect(JSON.parse(deactivated.stdout)).toMatchObject({ status: 'inactive' });
    });

    it('exits 3 with a readable message for a wrong or revoked key', () => {
      const wrong = cli(
        '--config',
        ready.config,
        'activate',
        '--profile',
        'seats',
        '--key',
        'WRONG-WRONG-WRONG-WRONG',
      );
      expect(wrong.code).toBe(3);
      expect(wrong.stderr).toMatch(/^error \[invalid_key\]: .*not known/);
      const revoked = cli(
        '--config',
        ready.config,
        '--json',
        'activate',
        '--profile',
        'seats',
        '--key',
        ready.demo.seats.revokedKey,
      );
      expect(revoked.code).toBe(3);
      const refusal = JSON.parse(revoked.stdout) as { ok: false; error: Record<string, unknown> };
      expect(refusal).toMatchObject({ ok: false, error: { code: 'license_revoked' } });
      // Scripts get the English message; the text the screens translate is left out.
      expect(Object.keys(refusal.error).sort()).toEqual(['code', 'message', 'retryable']);
    });

    it('exits 2 for usage and configuration errors', () => {
      expect(cli('frobnicate').code).toBe(2);
      expect(cli('--config', ready.config, 'activate', '--profile', 'seats').stderr).toMatch(
        /--key/,
      );
      expect(cli('--config', '/nonexistent/config.json', 'status').code).toBe(2);
      expect(cli('--port', 'abc', 'serve').code).toBe(2);
      expect(cli('status').stderr).toMatch(/No licensing profiles/);
    });

    it('exits 4 when the backend is unreachable', () => {
      const config = JSON.parse(readFileSync(ready.config, 'utf8'));
      const deadConfig = join(tempDir(), 'dead.json');
      config.profiles[0].baseUrl = 'http://127.0.0.1:9';
      writeFileSync(deadConfig, JSON.stringify(config));
      const result = cli(
        '--config',
        deadConfig,
        'activate',
        '--profile',
        'seats',
        '--key',
        ready.demo.seats.floatingKey,
      );
      expect(result.code).toBe(4);
      expect(result.stderr).toMatch(/error \[offline\]: Cannot reach 127\.0\.0\.1:9/);
    });

    it('reads the key from a file or standard input, so it stays out of the process list', () => {
      const { activationKey } = ready.demo.seats;
      const keyFile = join(home, 'key.txt');
      writeFileSync(keyFile, `${activationKey}\n`);
      const fromFile = cli(
        '--config',
        ready.config,
        'activate',
        '--profile',
        'seats',
        '--key-file',
        keyFile,
        '--json',
      );
      expect(fromFile.code).toBe(0);
      expect(JSON.parse(fromFile.stdout)).toMatchObject({ status: 'active', mode: 'activation' });
      expect(
        cli('--config', ready.config, 'deactivate', '--profile', 'seats', '--quiet').code,
      ).toBe(0);
      const fromStdin = cliWithInput(
        `${activationKey}\n`,
        '--config',
        ready.config,
        'activate',
        '--profile',
        'seats',
        '--key',
        '-',
        '--json',
      );
      expect(fromStdin.code).toBe(0);
      expect(JSON.parse(fromStdin.stdout)).toMatchObject({ status: 'active', mode: 'activation' });
      expect(
        cli('--config', ready.config, 'deactivate', '--profile', 'seats', '--quiet').code,
      ).toBe(0);
      expect(
        cli(
          '--config',
          ready.config,
          'activate',
          '--profile',
          'seats',
          '--key-file',
          join(home, 'absent.txt'),
        ).code,
      ).toBe(2);
    });

    it('exits 2 with a clear message when the serve port is taken', () => {
      const port = new URL(JSON.parse(readFileSync(ready.config, 'utf8')).profiles[0].baseUrl).port;
      const result = cli('--config', ready.config, 'serve', '--port', port);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /error \[config\]: The browser host cannot start: port \d+ is already in use/,
      );
    });

    it('activates a FLECS device with the account, the password read from standard input', () => {
      const { username, password } = ready.demo.flecs;
      const inline = cli(
        '--config',
        ready.config,
        'activate',
        '--profile',
        'flecs',
        '--username',
        username,
        '--password',
        password,
      );
      expect(inline.code).toBe(2); // a password on the command line would show in `ps`
      expect(inline.stderr).toMatch(/never on the command line/);
      const wrong = cliWithInput(
        'wrong\n',
        '--config',
        ready.config,
        'activate',
        '--profile',
        'flecs',
        '--username',
        username,
        '--password',
        '-',
      );
      expect(wrong.code).toBe(3);
      expect(wrong.stderr).toMatch(/^error \[invalid_credentials\]/);
      const signedIn = cliWithInput(
        `${password}\n`,
        '--config',
        ready.config,
        'activate',
        '--profile',
        'flecs',
        '--username',
        username,
        '--password',
        '-',
        '--json',
      );
      expect(signedIn.code).toBe(0);
      expect(JSON.parse(signedIn.stdout)).toMatchObject({ profileId: 'flecs', status: 'active' });
      expect(signedIn.stdout).not.toContain(password);
      const online = cli(
        '--config',
        ready.config,
        'status',
        '--profile',
        'flecs',
        '--online',
        '--json',
      );
      expect(online.code).toBe(0);
      expect(JSON.parse(online.stdout)).toMatchObject({ status: 'active' });
      expect(
        cli('--config', ready.config, 'deactivate', '--profile', 'flecs', '--quiet').code,
      ).toBe(0);
    });

    it('manages Eniris licences from the command line: sign in, list, activate, claim, sign out', () => {
      const { username, password, freeKey, nodeId, customerId } = ready.demo.eniris;
      const run = (...args: string[]) =>
        cli('--config', ready.config, 'eniris', '--profile', 'eniris', ...args);
      expect(run('licences', '--node', nodeId).stderr).toMatch(
        /error \[invalid_credentials\]: Sign in to Eniris first/,
      );
      const wrong = cliWithInput(
        'wrong\n',
        '--config',
        ready.config,
        'eniris',
        'login',
        '--username',
        username,
        '--password',
        '-',
      );
      expect(wrong.code).toBe(3);
      const login = cliWithInput(
        `${password}\n`,
        '--config',
        ready.config,
        'eniris',
        'login',
        '--username',
        username,
        '--password',
        '-',
        '--json',
      );
      expect(login.code).toBe(0);
      expect(JSON.parse(login.stdout)).toMatchObject({ signedIn: true, username });
      expect(
        JSON.parse(cli('--config', ready.config, 'status', '--profile', 'eniris', '--json').stdout),
      ).toMatchObject({ signedIn: true });
      const activated = cli(
        '--config',
        ready.config,
        'activate',
        '--profile',
        'eniris',
        '--key',
        freeKey,
        '--json',
      );
      expect(activated.code).toBe(0);
      expect(JSON.parse(activated.stdout)).toMatchObject({ state: 'active' });
      expect(activated.stdout).not.toContain(freeKey);
      const claimed = run('claim', '--node', nodeId, '--key', freeKey, '--json');
      expect(claimed.code).toBe(0);
      const listed = run('licences', '--customer', customerId);
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/active\s+residential/);
      expect(run('licences', '--node', nodeId, '--customer', customerId).code).toBe(2);
      expect(JSON.parse(run('logout', '--json').stdout)).toMatchObject({ signedIn: false });
    });

    it('works a LicenseSpring licence: activate, check a floating feature, consume, borrow, release', () => {
      const { nodeLockedKey, features } = ready.demo.licensespring;
      const run = (...args: string[]) =>
        cli('--config', ready.config, '--profile', 'licensespring', ...args);
      /** One feature of the licence details a `--json` command printed. */
      const featureIn = (stdout: string, code: string) =>
        (
          JSON.parse(stdout) as {
            features: {
              code: string;
              floating: { inUse: number };
              consumption: { total: number };
            }[];
          }
        ).features.find((feature) => feature.code === code) ?? expect.fail(`no feature ${code}`);
      expect(run('activate', '--key', nodeLockedKey).code).toBe(0);

      const checked = run('feature', 'check', features.floating, '--json');
      expect(checked.code).toBe(0);
      expect(featureIn(checked.stdout, features.floating).floating.inUse).toBe(1);
      // The one slot is ours: a second check from here refreshes it rather than being refused.
      expect(run('feature', 'check', features.floating).code).toBe(0);

      const consumed = run('consume', '3', '--feature', features.consumption, '--json');
      expect(consumed.code).toBe(0);
      expect(featureIn(consumed.stdout, features.consumption).consumption.total).toBe(3);
      expect(run('consume', '0').code).toBe(2);
      expect(run('consume', '100000', '--feature', features.consumption).code).toBe(3);

      const released = run('feature', 'release', features.floating, '--json');
      expect(released.code).toBe(0);
      expect(featureIn(released.stdout, features.floating).floating.inUse).toBe(0);
      const details = run('licence');
      expect(details.code).toBe(0);
      expect(details.stdout).toContain('local check: valid');
      expect(details.stdout).not.toContain(nodeLockedKey);
      expect(run('borrow', '--until', 'tomorrow').code).toBe(2);
      expect(run('deactivate').code).toBe(0);
    });

    it('prints a fingerprint without any configuration', () => {
      const result = cli('fingerprint', '--json');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).id).toMatch(/^[0-9a-f]{64}$/);
    });

    it('writes what `serve` refuses to logs/ipc-refusals.log in its data folder', async () => {
      const serve = spawn(process.execPath, [bin, '--config', ready.config, 'serve', '--json'], {
        env: { ...process.env, LICENSE_MANAGER_HOME: home },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => serve.once('exit', resolve));
      let url = '';
      try {
        const line = await new Promise<string>((resolve, reject) => {
          serve.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString()));
          serve.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
        });
        ({ url } = JSON.parse(line) as { url: string });
        expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
        // The link again (someone else opening it) and a page without the session.
        expect((await fetch(url, { redirect: 'manual' })).status).toBe(403);
        expect((await fetch(new URL('/ipc/app:info', url), { method: 'POST' })).status).toBe(401);
      } finally {
        serve.kill('SIGTERM');
        await exited;
      }
      const logged = readFileSync(join(home, 'logs', 'ipc-refusals.log'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((entry) => JSON.parse(entry) as unknown);
      expect(logged).toEqual([
        expect.objectContaining({ code: 'unauthorized', reason: 'wrong or used link token' }),
        expect.objectContaining({ channel: 'app:info', reason: 'no session' }),
      ]);
      expect(JSON.stringify(logged)).not.toContain(new URL(url).searchParams.get('token'));
    });
  },
);
