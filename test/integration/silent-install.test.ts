import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox';
import { demoKeys } from '../../src/sandbox/babel/seed';
import { appErrorSchema } from '../../src/shared/errors';
import {
  licenceViewSchema,
  seatHolderViewSchema,
  seatPoolViewSchema,
  seatViewSchema,
} from '../../src/shared/model';
import { keyringUnavailable } from '../support/keyring';
import { useTempDir } from '../support/temp-dir';

/**
 * A silent installation as docs/silent-install.md describes it: the built CLI with `--quiet`
 * against the Babel sandbox over loopback, its exit codes, its `--json` shapes, and the Linux
 * recipe run exactly as the document prints it.
 */

const root = join(__dirname, '../..');
const bin = join(root, 'bin/license-manager.js');
const built = existsSync(join(root, 'out/main/cli.js'));
const skipWhy = !built
  ? 'the app is not built (`npm test` builds it first)'
  : await keyringUnavailable();
if (skipWhy) console.log(`Silent installation tests skipped: ${skipWhy}.`);

/**
 * The `--json` values docs/silent-install.md documents, strict at every level: a field the
 * documented shape does not name (a token, say) fails the parse.
 */
const documented = {
  licence: licenceViewSchema.extend({ seat: seatViewSchema.strict() }).strict(),
  seatPool: seatPoolViewSchema.extend({ holders: z.array(seatHolderViewSchema.strict()) }).strict(),
  // Not an IPC view (the screens show AppInfo's label): the shape is the one the document gives.
  fingerprint: z
    .object({
      id: z.string(),
      source: z.enum(['machine-id', 'hostname']),
      warning: z.string().optional(),
    })
    .strict(),
  failure: z.object({ ok: z.literal(false), error: appErrorSchema.strict() }).strict(),
};

/** The recipe between the marker comment and the end of the next ```sh block. */
function linuxRecipe(): string {
  const doc = readFileSync(join(root, 'docs/silent-install.md'), 'utf8');
  const match = /<!-- recipe: activate-licence\.sh[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error('docs/silent-install.md lost its activate-licence.sh recipe');
  return match[1];
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Asynchronous: the sandbox answers from this very process, so it must not be blocked. */
const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string) =>
  new Promise<Run>((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });

// Each CLI start takes a second or two on a busy two-core machine; a test runs up to six.
describe.skipIf(skipWhy !== undefined)(
  'silent installation (built CLI, --quiet)',
  { timeout: 60_000 },
  () => {
    const tempDir = useTempDir();
    const keys = demoKeys();
    let sandbox: BabelSandbox;
    beforeAll(async () => {
      sandbox = await startBabelSandbox({ host: '127.0.0.1', port: 0 });
    });
    afterAll(async () => sandbox?.close());
    afterEach(() => sandbox.faults.clear());

    /** One computer: its own CLI data folder and the vendor's configuration. */
    const computer = (baseUrl = sandbox.url) => {
      const home = tempDir();
      const config = join(home, 'vendor-config.json');
      writeFileSync(
        config,
        JSON.stringify({
          productName: 'Acme CAD',
          productId: 'silent-install-test',
          profiles: [
            { id: 'seats', kind: 'seats', label: 'Seats', baseUrl, apiKey: sandbox.apiKey },
          ],
        }),
      );
      const keyFile = (key: string) => {
        const file = join(home, 'licence-key');
        writeFileSync(file, `${key}\n`, { mode: 0o600 });
        return file;
      };
      const cli = (args: readonly string[], input?: string) =>
        run(
          process.execPath,
          [bin, '--config', config, ...args],
          { LICENSE_MANAGER_HOME: home },
          input,
        );
      const status = async () =>
        licenceViewSchema.parse(
          JSON.parse((await cli(['status', '--profile', 'seats', '--json'])).stdout),
        );
      return { home, config, keyFile, cli, status };
    };

    it('activates from a key file with --quiet: exit 0 and not a byte of output', async () => {
      const { keyFile, cli, status } = computer();
      const file = keyFile(keys.activationKey);
      const result = await cli(['activate', '--profile', 'seats', '--key-file', file, '--quiet']);
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await status()).toMatchObject({ status: 'active', mode: 'activation' });

      // An installer run twice (repair, upgrade) with the same key: still 0, still silent.
      const again = await cli(['activate', '--key-file', file, '--quiet']);
      expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
      // Another key where one is active is refused, so no activation is stranded on the server.
      const other = await cli(['activate', '--key', keys.floatingKey, '--quiet']);
      expect(other.code).toBe(2);
      expect(other.stdout).toBe('');
      expect(other.stderr).toMatch(/^error \[invalid_input\]: .*Deactivate it first/);
    });

    it('reads the key from standard input with --key -, silently', async () => {
      const { cli, status } = computer();
      const result = await cli(['activate', '--key', '-', '--quiet'], `${keys.floatingKey}\r\n`);
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await status()).toMatchObject({ status: 'active', mode: 'floating' });
    });

    /** A failed activation under --quiet: the exit code, one `error [code]` line, empty stdout. */
    const expectFailure = (result: Run, code: number, error: string) => {
      expect(result.code, result.stderr).toBe(code);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^error \\[${error}\\]: .+\\n$`));
    };

    it.each([
      ['an unknown key', 'WRONG-WRONG-WRONG-WRONG', 'invalid_key'],
      ['a revoked key', keys.revokedKey, 'license_revoked'],
      ['an expired key', keys.expiredKey, 'license_expired'],
    ])(
      'exits 3 for %s, with the reason on stderr and nothing activated',
      async (_what, key, error) => {
        const { keyFile, cli, status } = computer();
        expectFailure(await cli(['activate', '--key-file', keyFile(key), '--quiet']), 3, error);
        expect((await status()).status).toBe('inactive');
      },
    );

    it('exits 2 for a key file that cannot be read', async () => {
      const { cli, home } = computer();
      const result = await cli(['activate', '--key-file', join(home, 'absent'), '--quiet']);
      expectFailure(result, 2, 'invalid_input');
    });

    it('exits 4 when the licensing server cannot be reached', async () => {
      const { cli } = computer('http://127.0.0.1:9');
      const result = await cli(['activate', '--key', '-', '--quiet'], keys.activationKey);
      expectFailure(result, 4, 'offline');
    });

    it('exits 5 when the licensing server fails (503)', async () => {
      const { keyFile, cli, status } = computer();
      sandbox.faults.inject({ kind: 'status', status: 503 });
      const result = await cli(['activate', '--key-file', keyFile(keys.activationKey), '--quiet']);
      sandbox.faults.clear();
      expectFailure(result, 5, 'server_error');
      expect((await status()).status).toBe('inactive');
    });

    it('prints the documented --json shapes, strictly: a licence, or {ok: false, error}', async () => {
      const { cli } = computer();
      const done = await cli(['activate', '--key', '-', '--json'], keys.activationKey);
      expect(done.code).toBe(0);
      expect(done.stdout.trimEnd().split('\n')).toHaveLength(1);
      const licence = documented.licence.parse(JSON.parse(done.stdout));
      expect(licence).toMatchObject({ profileId: 'seats', status: 'active' });
      expect(done.stdout).not.toContain(keys.activationKey);

      const refused = await cli(['deactivate', '--json']);
      expect(refused.code).toBe(0);
      const failed = await cli(['activate', '--key', '-', '--json'], 'WRONG-WRONG-WRONG-WRONG');
      expect(failed.code).toBe(3);
      expect(documented.failure.parse(JSON.parse(failed.stdout))).toMatchObject({
        error: { code: 'invalid_key' },
      });
      // --json --quiet: silent on success, the JSON error line on failure.
      expect(
        await cli(['activate', '--key', '-', '--json', '--quiet'], keys.activationKey),
      ).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
    });

    it('prints status (an array, one per profile), seat info and fingerprint as documented, strictly', async () => {
      const { cli } = computer();
      /** One JSON line on stdout and exit 0. */
      const json = async (args: readonly string[], input?: string): Promise<unknown> => {
        const result = await cli([...args, '--json'], input);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
        return JSON.parse(result.stdout);
      };
      await json(['activate', '--key', '-'], keys.floatingKey);
      await json(['seat', 'request']);

      const statuses = z.array(documented.licence).parse(await json(['status']));
      expect(statuses).toEqual([
        expect.objectContaining({ profileId: 'seats', mode: 'floating', seat: expect.anything() }),
      ]);
      expect(statuses[0]?.seat.state).toBe('held');

      const pool = documented.seatPool.parse(await json(['seat', 'info']));
      expect(pool.holders.filter((holder) => holder.isThisClient)).toHaveLength(1);

      // Its screen text (warningText) is left out with the others; the English warning stays.
      const fingerprint = documented.fingerprint.parse(await json(['fingerprint']));
      expect(fingerprint.id).toMatch(/^[0-9a-f]{64}$/);
      expect(fingerprint.warning === undefined).toBe(fingerprint.source === 'machine-id');
      await json(['seat', 'release']);
    });

    describe('the Linux recipe in docs/silent-install.md', () => {
      const recipe = (config: string, keyFile: string, home: string) =>
        run(
          'sh',
          ['-c', `${linuxRecipe()}\nactivate_licence "$1" seats "$2"`, 'recipe', config, keyFile],
          {
            LICENSE_MANAGER: `${process.execPath} ${bin}`,
            LICENSE_MANAGER_HOME: home,
          },
        );

      it('activates, prints nothing and removes the key file', async () => {
        const { config, keyFile, home, status } = computer();
        const file = keyFile(keys.activationKey);
        expect(await recipe(config, file, home)).toEqual({ code: 0, stdout: '', stderr: '' });
        expect(existsSync(file)).toBe(false);
        expect(await status()).toMatchObject({ status: 'active' });
      });

      it('returns 3 and removes the key file for a refused key', async () => {
        const { config, keyFile, home } = computer();
        const file = keyFile(keys.revokedKey);
        const result = await recipe(config, file, home);
        expect(result.code).toBe(3);
        expect(result.stderr).toMatch(
          /error \[license_revoked\][\s\S]*the licence key was refused/,
        );
        expect(existsSync(file)).toBe(false);
      });

      it('returns 4 and keeps the key file for a later try when the server is unreachable', async () => {
        const { config, keyFile, home } = computer('http://127.0.0.1:9');
        const file = keyFile(keys.activationKey);
        const result = await recipe(config, file, home);
        expect(result.code).toBe(4);
        expect(result.stderr).toMatch(/cannot be reached; try again later/);
        expect(readFileSync(file, 'utf8')).toBe(`${keys.activationKey}\n`);
      });

      it('returns 2 without running the CLI when there is no key file', async () => {
        const { config, home } = computer();
        const result = await recipe(config, join(home, 'absent'), home);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/no key file at/);
      });
    });
  },
);
