import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyringUnavailable } from '../support/keyring';
import { useTempDir } from '../support/temp-dir';

const bin = join(__dirname, '../../bin/license-manager.js');
const built = existsSync(join(__dirname, '../../out/main/cli.js'));
const skipWhy = !built
  ? 'the app is not built (`npm test` builds it first)'
  : await keyringUnavailable();
if (skipWhy) console.log(`CLI storage warning tests skipped: ${skipWhy}.`);

const PRODUCT = 'storage-warning-test';
/** `status` of a licence never activated reads only local state: no server is needed. */
const CONFIG = {
  productName: 'Storage warning test',
  productId: PRODUCT,
  profiles: [
    { id: 'seats', kind: 'seats', label: 'Seats', baseUrl: 'http://127.0.0.1:9', apiKey: 'k' },
  ],
};

describe.skipIf(skipWhy !== undefined)('the CLI reports damaged saved files', () => {
  const tempDir = useTempDir();

  const setUp = () => {
    const home = tempDir();
    const config = join(home, 'config.json');
    writeFileSync(config, JSON.stringify(CONFIG));
    const damage = () => {
      writeFileSync(join(home, `${PRODUCT}.state.json`), '{"version":1,"clientId":');
      writeFileSync(join(home, `${PRODUCT}.hubs.json`), '[]');
    };
    const cli = (...args: string[]) => {
      const result = spawnSync(process.execPath, [bin, '--config', config, ...args], {
        env: { ...process.env, LICENSE_MANAGER_HOME: home },
        encoding: 'utf8',
        timeout: 15_000,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const keptAside = () => readdirSync(home).filter((name) => name.includes('.corrupt-'));
    return { home, damage, cli, keptAside };
  };

  it('warns on stderr, naming each damaged copy, with stdout and the exit code as usual', () => {
    const { home, damage, cli, keptAside } = setUp();
    const clean = cli('status', '--json');
    expect(clean).toMatchObject({ code: 0, stderr: '' });

    damage();
    const damaged = cli('status', '--json');
    expect(damaged.code).toBe(clean.code);
    // stdout stays one parseable JSON document, the same as without damage.
    expect(JSON.parse(damaged.stdout)).toEqual(JSON.parse(clean.stdout));
    const lines = damaged.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^warning: The saved .* was damaged/);
    const aside = keptAside().sort();
    expect(aside).toEqual([
      expect.stringMatching(new RegExp(`^${PRODUCT}\\.hubs\\.json\\.corrupt-\\d+$`)),
      expect.stringMatching(new RegExp(`^${PRODUCT}\\.state\\.json\\.corrupt-\\d+$`)),
    ]);
    for (const name of aside) expect(damaged.stderr).toContain(join(home, name));

    // Said once: the next command finds fresh files and the copies still aside.
    expect(cli('status', '--json')).toMatchObject({ code: 0, stderr: '' });
    expect(keptAside()).toHaveLength(2);
  });

  it('still warns with --quiet, which silences only the success output', () => {
    const { damage, cli } = setUp();
    damage();
    const quiet = cli('status', '--quiet');
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
    expect(quiet.stderr).toMatch(/^warning: The saved licence state was damaged/m);
    expect(quiet.stderr).toMatch(/^warning: The saved hub inventory was damaged/m);
  });
});
