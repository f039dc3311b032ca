import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts `license-manager serve` exactly as a user would (built CLI, default configuration, so
 * demo mode with the in-process sandbox) in its own data folder, and returns the one-time link.
 */
export async function startServe(): Promise<{ url: string; stop(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'lm-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, '../../bin/license-manager.js'), 'serve', '--json'],
    {
      env: { ...process.env, LICENSE_MANAGER_HOME: home },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) =>
      resolve((JSON.parse(chunk.toString()) as { url: string }).url),
    );
    child.once('exit', (code) => reject(new Error(`license-manager serve exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
