import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '../../bin/license-manager.js');

/** Runs the built CLI as a user would, in its own data folder; resolves with its first JSON line. */
async function startCli<T>(
  args: readonly string[],
  home: string,
): Promise<{ ready: T; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, ...args, '--json'], {
    env: { ...process.env, LICENSE_MANAGER_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<T>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as T));
    child.once('exit', (code) =>
      reject(new Error(`license-manager ${args[0]} exited with ${code}`)),
    );
  });
  return { ready, child };
}

const stopChild = async (child: ChildProcess): Promise<void> => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};

/**
 * `license-manager serve` exactly as a user starts it: with no configuration it runs the demo
 * (the in-process sandbox); with `config` it talks to the servers that file names. Resolves with
 * the one-time link.
 */
export async function startServe(
  options: { config?: string } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'lm-e2e-'));
  const args = options.config ? ['serve', '--config', options.config] : ['serve'];
  const { ready, child } = await startCli<{ url: string }>(args, home);
  return {
    url: ready.url,
    async stop() {
      await stopChild(child);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface SandboxReady {
  readonly config: string;
  /** The demo vendor's Ed25519 private key, for `vendor sign --key`. */
  readonly vendorKey: string;
  readonly servers: {
    readonly flecs: { readonly url: string };
    readonly licensespring: { readonly url: string };
  };
  readonly demo: {
    readonly flecs: { readonly licenseKey: string };
    readonly licensespring: { readonly consumptionKey: string };
  };
}

/** Runs the built CLI once, as a vendor or an installer would, and answers what it printed. */
export function runCli(args: readonly string[]): { code: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout };
}

/** `license-manager sandbox`: real sandbox servers a test can also reach (fault and admin routes). */
export async function startSandbox(): Promise<{ ready: SandboxReady; stop(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'lm-e2e-sandbox-'));
  const { ready, child } = await startCli<SandboxReady>(['sandbox'], home);
  return {
    ready,
    async stop() {
      await stopChild(child);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
