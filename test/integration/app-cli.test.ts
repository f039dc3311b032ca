import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { loadVendorConfig } from '../../src/main/config/load-config';
import { createCore } from '../../src/main/core';
import { demoConfigFor } from '../../src/main/demo-mode';
import { startSandboxes, type SandboxSet } from '../../src/sandbox';
import { systemProxyResolver } from '../../src/main/shell/system-proxy';
import { basicTextSafeStorage } from '../support/every-backend';
import { startForwardProxy } from '../support/forward-proxy';
import { useTempDir } from '../support/temp-dir';

// electron-store needs the module to load, nothing from it (as in electron-stores.test.ts).
vi.mock('electron', () => ({ default: {} }));
const { appCliHost, appConfigFiles, cliArguments, openAppHome } =
  await import('../../src/main/shell/app-home');

/**
 * A silent install runs the installed app as a command line (`LicenseManager --cli activate ...`)
 * and the user then opens the app: it must show that very licence. Here both sides run on the
 * app's own layout (vendor configuration in resources, electron-store state and safeStorage
 * ciphertexts in userData) against the sandbox seat server over loopback HTTP; only Electron's
 * process glue (src/main/shell/app-cli.ts) is left to the Electron end-to-end test.
 */
describe('the app as a command line (--cli)', () => {
  const tempDir = useTempDir();
  let set: SandboxSet;
  beforeAll(async () => {
    set = await startSandboxes({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => set.close());

  /** The app installed with the vendor's configuration; `proxy`: what Chromium's resolver answers. */
  function installation(proxy = 'DIRECT') {
    const root = tempDir();
    const paths = {
      resources: join(root, 'resources'),
      userData: join(root, 'userData'),
      logs: join(root, 'userData', 'logs'),
    };
    mkdirSync(paths.resources, { recursive: true });
    const config = {
      ...demoConfigFor(set, { productName: 'Acme Studio', productId: 'acme-studio' }),
      // A vendor's configuration, naming the sandbox's servers: not the app's built-in demo.
      demo: false,
      // This machine has no keychain: safeStorage's basic_text, which the vendor must allow.
      allowWeakSecretStore: true,
    };
    writeFileSync(join(paths.resources, 'vendor-config.json'), JSON.stringify(config));
    const out: string[] = [];
    const err: string[] = [];
    const run = (argv: string[], ownsStores = true) =>
      runCli(
        argv,
        appCliHost({
          paths,
          safeStorage: basicTextSafeStorage(),
          ownsStores,
          rendererDir: join(root, 'renderer'),
          version: '1.2.3',
          systemProxy: systemProxyResolver({ resolveProxy: async () => proxy }),
          chromiumFetch: (url, init) => fetch(url, init),
          systemCertificates: async () => ({ certificates: [] }),
          stdout: (text) => out.push(text),
          stderr: (text) => err.push(text),
        }),
      );
    /** The app starting afterwards, exactly as src/main/index.ts opens its core. */
    const openApp = async () => {
      const loaded = await loadVendorConfig(appConfigFiles(paths));
      return createCore({
        config: loaded,
        version: '1.2.3',
        ...(await openAppHome(paths, basicTextSafeStorage(), loaded)),
        keepAlive: false,
        allowInProcessDemo: true,
      });
    };
    return { paths, out, err, run, openApp };
  }

  it('activates quietly, and the app then shows that licence', async () => {
    const install = installation();
    const key = set.demo.seats.activationKey;
    const code = await install.run(['activate', '--profile', 'seats', '--key', key, '--quiet']);
    expect({ code, out: install.out.join(''), err: install.err.join('') }).toEqual({
      code: 0,
      out: '',
      err: '',
    });

    const app = await install.openApp();
    try {
      const view = await app.service.status('seats');
      expect(view.status).toBe('active');
    } finally {
      await app.close();
    }
    // The key is a secret: sealed by safeStorage, not in the app's state file in plaintext.
    expect(readFileSync(join(install.paths.userData, 'state.json'), 'utf8')).not.toContain(key);
  });

  it("goes out through this computer's proxy setting, as the app does", async () => {
    const proxy = await startForwardProxy();
    try {
      const install = installation(`PROXY ${proxy.address}`);
      const key = set.demo.seats.activationKey;
      expect(await install.run(['activate', '--profile', 'seats', '--key', key, '--quiet'])).toBe(
        0,
      );
      const seats = new URL(set.servers.seats.url);
      expect(proxy.seen).toEqual([expect.stringMatching(`^POST http://${seats.host}/`)]);
    } finally {
      await proxy.close();
    }
  });

  it("an installer's HTTP_PROXY wins over the system's setting: it can carry credentials", async () => {
    const proxy = await startForwardProxy({ credentials: 'installer:s3cret' });
    vi.stubEnv('HTTP_PROXY', `http://installer:s3cret@${proxy.address}`);
    try {
      const install = installation('PROXY 127.0.0.1:9');
      const key = set.demo.seats.activationKey;
      expect(await install.run(['activate', '--profile', 'seats', '--key', key, '--quiet'])).toBe(
        0,
      );
      expect(proxy.seen).toEqual([expect.stringMatching(/^POST http:/)]);
    } finally {
      vi.unstubAllEnvs();
      await proxy.close();
    }
  });

  it('prints one JSON line with --json and the documented exit code on a refusal', async () => {
    const install = installation();
    const code = await install.run([
      'activate',
      '--profile',
      'seats',
      '--key',
      set.demo.seats.revokedKey,
      '--json',
    ]);
    expect(code).toBe(3);
    const reply = JSON.parse(install.out.join('')) as { ok: boolean; error: { code: string } };
    expect(reply).toMatchObject({ ok: false, error: { code: 'license_revoked' } });
  });

  it('refuses to touch the licences while the app itself runs, and leaves them intact', async () => {
    const install = installation();
    expect(
      await install.run(['activate', '--profile', 'seats', '--key', set.demo.seats.activationKey]),
    ).toBe(0);
    const before = readFileSync(join(install.paths.userData, 'state.json'), 'utf8');

    const code = await install.run(['deactivate', '--profile', 'seats'], false);
    expect(code).toBe(2);
    expect(install.err.join('')).toMatch(/error \[storage\]: The app is open on this computer/);
    expect(readFileSync(join(install.paths.userData, 'state.json'), 'utf8')).toBe(before);
  });

  it('finds the command after --cli, wherever Electron put its own arguments', () => {
    expect(cliArguments(['/opt/Acme/acme', '--cli', 'activate', '--key', 'K'])).toEqual([
      'activate',
      '--key',
      'K',
    ]);
    expect(cliArguments(['electron', '.', '--cli', '--help'])).toEqual(['--help']);
    expect(cliArguments(['/opt/Acme/acme', 'licensemgr://activate?key=K'])).toBeUndefined();
  });
});
