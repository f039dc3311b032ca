import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyringUnavailable } from '../support/keyring';
import { useTempDir } from '../support/temp-dir';

/**
 * `license-manager serve --config FILE` as a vendor runs it to preview their configuration: it says
 * which file it shows and what of it, before the link; a configuration with a mistake is refused
 * with the field and the fix, before anything is served.
 */

const root = join(__dirname, '../..');
const bin = join(root, 'bin/license-manager.js');
const EXAMPLE = join(root, 'docs/vendor-config.example.json');
const built = existsSync(join(root, 'out/main/cli.js'));
const skipWhy = !built
  ? 'the app is not built (`npm test` builds it first)'
  : await keyringUnavailable();
if (skipWhy) console.log(`Vendor preview tests skipped: ${skipWhy}.`);

/** Starts `serve` and answers what it printed up to the link (or everything, if it exits). */
function serve(home: string, ...args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: { ...process.env, LICENSE_MANAGER_HOME: home },
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Ready: stop it the way a person does (Ctrl+C), after it has said everything.
      if (/Press Ctrl\+C to stop\.|"url"/.test(stdout)) child.kill('SIGINT');
    });
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(skipWhy !== undefined)(
  'serve --config: a vendor previews their configuration',
  () => {
    const tempDir = useTempDir();

    it('says which file it previews and what of it the page shows, then the link', async () => {
      const { stdout } = await serve(tempDir(), '--config', EXAMPLE);
      const [preview] = stdout.split('Open this link');
      expect(preview).toBe(
        [
          `Previewing the vendor configuration ${EXAMPLE}`,
          '  product:   Acme CAD (com.acme.cad)',
          '  profiles:  seats (seats: Acme floating licences), offline (licence-file: Acme licence file)',
          '  screens:   activation, licence-file; the others are hidden',
          '  logo:      vendor-config-logo.svg',
          '  accent:    #0f766e (white text on it)',
          '  support:   Acme Support, support@acme.example, https://acme.example/support',
          '  updates:   off, telemetry: off (this release has neither; the switches are only shown)',
          '',
        ].join('\n'),
      );
      expect(stdout).toMatch(
        /in your browser \(it works once\):\n {2}http:\/\/127\.0\.0\.1:\d+\/\?token=/,
      );
    });

    it('gives the same facts as JSON, beside the link', async () => {
      const { stdout } = await serve(tempDir(), '--config', EXAMPLE, '--json');
      const ready = JSON.parse(stdout.split('\n')[0] ?? '') as { url: string; preview: unknown };
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(ready.preview).toEqual({
        config: EXAMPLE,
        productName: 'Acme CAD',
        productId: 'com.acme.cad',
        demo: false,
        profiles: [
          { id: 'seats', kind: 'seats', label: 'Acme floating licences' },
          { id: 'offline', kind: 'licence-file', label: 'Acme licence file' },
        ],
        screens: ['activation', 'licence-file'],
        logo: 'vendor-config-logo.svg',
        accentColor: '#0f766e',
        supportContact: {
          name: 'Acme Support',
          email: 'support@acme.example',
          url: 'https://acme.example/support',
        },
        updates: false,
        telemetry: false,
      });
    });

    it('refuses a configuration with a mistake, naming the field and the fix, and serves nothing', async () => {
      const dir = tempDir();
      const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
      const badColour = join(dir, 'colour.json');
      writeFileSync(badColour, JSON.stringify({ ...example, accentColor: 'teal' }));
      const colour = await serve(dir, '--config', badColour);
      expect(colour.code).toBe(2);
      expect(colour.stdout).toBe('');
      expect(colour.stderr).toContain(
        `error [config]: The configuration file ${badColour} is not valid:\n  - accentColor: must be a colour written #rrggbb, such as "#0a7d5a"`,
      );

      // The example's logo is not copied beside this one.
      const noLogo = join(dir, 'no-logo.json');
      writeFileSync(noLogo, JSON.stringify(example));
      const logo = await serve(dir, '--config', noLogo);
      expect(logo.code).toBe(2);
      expect(logo.stderr).toContain(
        `  - logo: the file ${join(dir, 'vendor-config-logo.svg')} cannot be read`,
      );
      copyFileSync(join(root, 'docs/vendor-config-logo.svg'), join(dir, 'vendor-config-logo.svg'));
      expect((await serve(dir, '--config', noLogo)).stdout).toContain(
        'Previewing the vendor configuration',
      );
    });
  },
);
