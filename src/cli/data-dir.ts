import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the CLI keeps its state file. `LICENSE_MANAGER_HOME` overrides it (tests, portable
 * installs); otherwise the platform's per-user configuration folder.
 */
export function cliDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.LICENSE_MANAGER_HOME) return env.LICENSE_MANAGER_HOME;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'license-manager', 'cli');
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'license-manager', 'cli');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'license-manager', 'cli');
}
