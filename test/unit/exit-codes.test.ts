import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes';
import { runCli, type CliHost } from '../../src/cli/run-cli';
import { ERROR_CODES } from '../../src/shared/errors';

/**
 * Installers act on the exit code, reading it from the README's table or the silent-install
 * guide's. Each table names the error codes behind every exit code; both must name every code,
 * each in the row of the exit code the CLI gives it.
 */

const ERROR_CODES_COLUMN = 'error codes';

/** Each row's exit code and the error codes it names, from the Markdown table with that column. */
function documentedTable(file: string): [exit: number, codes: string[]][] {
  const lines = readFileSync(join(__dirname, '../..', file), 'utf8').split('\n');
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const header = lines.findIndex(
    (line) => line.startsWith('|') && cells(line)[2]?.startsWith(ERROR_CODES_COLUMN),
  );
  if (header === -1) throw new Error(`${file} has no table with an "${ERROR_CODES_COLUMN}" column`);
  const rows: [number, string[]][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [exit = '', , codes = ''] = cells(line);
    rows.push([Number(exit), [...codes.matchAll(/`([a-z_]+)`/g)].map((match) => match[1] ?? '')]);
  }
  return rows;
}

describe.each(['README.md', 'docs/silent-install.md'])('the exit-code table of %s', (file) => {
  const table = documentedTable(file);

  it('has one row for each exit code the CLI uses', () => {
    expect(table.map(([exit]) => exit).sort()).toEqual(Object.values(EXIT).sort());
  });

  it('names every error code once, in the row of the exit code the CLI gives it', () => {
    const named = table.flatMap(([, codes]) => codes);
    expect(named.sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const row = table.find(([, codes]) => codes.includes(code))?.[0];
      expect({ code, exit: row }).toEqual({ code, exit: exitCodeFor(code) });
    }
  });
});

describe('exit code 1', () => {
  it('is an unexpected failure inside the CLI, said as an internal error', async () => {
    const err: string[] = [];
    const host: CliHost = {
      configFiles: { base: join(__dirname, 'no-vendor-config.json') },
      dataDir: join(__dirname, 'no-data-dir'),
      rendererDir: join(__dirname, 'no-renderer'),
      openHome: () => Promise.reject(new Error('no command here opens the stores')),
      version: '0.0.0-test',
      // The output breaks as nothing in the CLI expects (a closed pipe, a full disk).
      stdout: () => {
        throw new TypeError('stdout is gone');
      },
      stderr: (text) => err.push(text),
    };
    expect(await runCli(['--help'], host)).toBe(1);
    expect(err).toEqual([
      'error [internal]: Something went wrong inside the license manager. Please report this.\n',
    ]);
  });
});
