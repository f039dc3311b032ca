import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desktop } from '../../shared/texts/desktop.en';
import { LicensingError } from '../licensing/licensing-error';

/**
 * Registering the app to start when the person logs in. macOS and Windows do it through
 * Electron (`app.setLoginItemSettings`, in the shell); Electron has nothing for Linux, where the
 * freedesktop way is a `.desktop` file in the autostart folder, written here.
 */
export interface LoginItem {
  /** Registers or removes the app; throws a LicensingError when the OS refuses. */
  set(enabled: boolean): void;
}

/** `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart` when the variable is unset or relative. */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const configHome = env.XDG_CONFIG_HOME;
  return configHome?.startsWith('/')
    ? join(configHome, 'autostart')
    : join(home, '.config/autostart');
}

/**
 * One argument of an Exec line (Desktop Entry spec, "The Exec key"): quoted, with `"`, `` ` ``,
 * `$` and `\` escaped inside the quotes, then every `\` doubled again by the string escaping the
 * whole value goes through; `%` is doubled so it is never read as a field code.
 */
export function execArgument(arg: string): string {
  const quoted = `"${arg.replace(/["`$\\]/g, (char) => `\\${char}`)}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** A line break in a value would start a new key: names are kept on one line. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

export function autostartEntry(options: { name: string; command: readonly string[] }): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${oneLine(options.name)}`,
    `Exec=${options.command.map((arg) => oneLine(execArgument(arg))).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The Linux login item: `<dir>/<fileName>.desktop`, written or removed. */
export function xdgAutostartLoginItem(options: {
  dir: string;
  fileName: string;
  name: string;
  command: readonly string[];
}): LoginItem {
  const file = join(options.dir, `${options.fileName}.desktop`);
  return {
    set(enabled) {
      try {
        if (!enabled) return rmSync(file, { force: true });
        mkdirSync(options.dir, { recursive: true });
        writeFileSync(file, autostartEntry(options), { mode: 0o644 });
      } catch (cause) {
        const code = (cause as NodeJS.ErrnoException).code ?? 'error';
        throw new LicensingError('storage', desktop.startAtLoginFailed({ enabled, file, code }), {
          cause,
        });
      }
    },
  };
}
