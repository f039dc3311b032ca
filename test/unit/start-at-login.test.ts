import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartDir,
  autostartEntry,
  execArgument,
  xdgAutostartLoginItem,
  type LoginItem,
} from '../../src/main/desktop/login-item';
import { createStartAtLogin } from '../../src/main/desktop/start-at-login';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { useTempDir } from '../support/temp-dir';

/**
 * Start at login: off by default, the person's choice kept in the app's state, the OS entry
 * following it (a freedesktop autostart file on Linux, written here for real in a temp folder).
 */

describe('start at login', () => {
  const tempDir = useTempDir();
  const setup = () => {
    const dir = tempDir();
    const state = createFileStateStore(join(dir, 'state.json'));
    const autostart = join(dir, 'autostart');
    const loginItem = xdgAutostartLoginItem({
      dir: autostart,
      fileName: 'acme-cad',
      name: 'Acme CAD',
      command: ['/opt/Acme CAD/acme-cad'],
    });
    return { state, autostart, file: join(autostart, 'acme-cad.desktop'), loginItem };
  };

  it('is off until turned on, and registers and unregisters the app', () => {
    const { state, file, loginItem } = setup();
    const setting = createStartAtLogin({ state, loginItem });
    expect(setting.view()).toEqual({ enabled: false, supported: true });
    expect(existsSync(file)).toBe(false);

    expect(setting.set(true)).toEqual({ enabled: true, supported: true });
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Acme CAD/acme-cad"');
    // Kept with the state: a new start reads the choice back.
    expect(createStartAtLogin({ state, loginItem }).view().enabled).toBe(true);

    expect(setting.set(false)).toEqual({ enabled: false, supported: true });
    expect(existsSync(file)).toBe(false);
    // Turning off what is off is fine.
    expect(setting.set(false).enabled).toBe(false);
  });

  it('registers again at start only when it is on', () => {
    const { state, file, loginItem } = setup();
    const calls: boolean[] = [];
    const spy: LoginItem = { set: (enabled) => void calls.push(enabled) };
    createStartAtLogin({ state, loginItem: spy }).reapply();
    expect(calls).toEqual([]);
    createStartAtLogin({ state, loginItem }).set(true);
    createStartAtLogin({ state, loginItem: spy }).reapply();
    expect(calls).toEqual([true]);
    expect(existsSync(file)).toBe(true);
  });

  it('keeps the stored choice when the OS refuses, and says what to do', () => {
    const { state, autostart, loginItem } = setup();
    // A file where the folder should be: refused for every user, root included.
    writeFileSync(autostart, 'not a folder');
    const setting = createStartAtLogin({ state, loginItem });
    expect(() => setting.set(true)).toThrow(
      /could not be turned on: .*acme-cad\.desktop could not be written \(E[A-Z]+\)\. Check that the folder/,
    );
    expect(setting.view().enabled).toBe(false);
  });

  it('undoes the OS registration when the choice cannot be stored', () => {
    const { state, loginItem, file } = setup();
    const failing = {
      ...state,
      update: () => {
        throw new LicensingError('storage', 'disk full');
      },
    };
    const setting = createStartAtLogin({ state: failing, loginItem });
    expect(() => setting.set(true)).toThrow('disk full');
    expect(existsSync(file)).toBe(false);
  });

  it('cannot be changed where the host has no login item (browser host, CLI)', () => {
    const { state } = setup();
    const setting = createStartAtLogin({ state });
    expect(setting.view()).toEqual({ enabled: false, supported: false });
    expect(() => setting.set(true)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        message: expect.stringMatching(/installed desktop app/),
      }),
    );
    expect(setting.view().enabled).toBe(false);
  });
});

describe('the freedesktop autostart entry', () => {
  it('quotes and escapes the command as the Desktop Entry spec says', () => {
    expect(execArgument('/opt/app')).toBe('"/opt/app"');
    // `"`, `$` and `\` escaped inside quotes, then every backslash doubled again; % doubled.
    expect(execArgument('/a "b" $c \\d 100%')).toBe('"/a \\\\"b\\\\" \\\\$c \\\\\\\\d 100%%"');
  });

  it('is one application entry, with names kept on one line', () => {
    expect(autostartEntry({ name: 'Acme\nCAD', command: ['/opt/app', '/opt/app dir'] })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Acme CAD',
        'Exec="/opt/app" "/opt/app dir"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('goes to $XDG_CONFIG_HOME/autostart, or ~/.config/autostart', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/autostart');
    expect(autostartDir({}, '/home/u')).toBe('/home/u/.config/autostart');
    // The spec ignores a relative value.
    expect(autostartDir({ XDG_CONFIG_HOME: 'cfg' }, '/home/u')).toBe('/home/u/.config/autostart');
  });
});
