import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The names under which the configuration ships in the app's resources folder. The installers
 * (build/electron-builder.config.ts) copy the vendor's file under VENDOR_CONFIG_FILE and the app
 * finds it through `shippedConfigFile`, so both sides read the names from here.
 */
export const VENDOR_CONFIG_FILE = 'vendor-config.json';
/** The built-in demo configuration, used only when no vendor configuration ships. */
export const DEMO_CONFIG_FILE = 'default-config.json';

/**
 * The base configuration in `resourcesDir`: the vendor's when it ships one, else the demo. A
 * broken vendor file is still returned (and then reported by the loader), never replaced by the
 * demo.
 */
export function shippedConfigFile(resourcesDir: string): string {
  const vendor = join(resourcesDir, VENDOR_CONFIG_FILE);
  return existsSync(vendor) ? vendor : join(resourcesDir, DEMO_CONFIG_FILE);
}
