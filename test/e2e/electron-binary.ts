import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron binary, if this machine has one, found without loading the `electron` package
 * (loading it would try to download the binary, which fails offline).
 */
export function electronBinary(): { path?: string; why?: string } {
  const root = join(__dirname, '../../node_modules/electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(root, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(root, 'dist', relative)
      : undefined;
  if (candidate && existsSync(candidate)) return { path: candidate };
  return {
    why:
      'the Electron binary is not installed on this machine (it is downloaded on first use, and this ' +
      'machine has no network beyond the npm registry); the same flows run in Chromium through the browser host',
  };
}
