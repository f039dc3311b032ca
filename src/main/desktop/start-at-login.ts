import type { StartAtLoginView } from '../../shared/desktop-model';
import { desktop } from '../../shared/texts/desktop.en';
import { LicensingError } from '../licensing/licensing-error';
import type { StateStore } from '../store/persisted-state';
import { desktopStateOf } from './desktop-state';
import type { LoginItem } from './login-item';

/**
 * The start-at-login setting: off until the person turns it on. Their choice is kept with the
 * app's other state, and the OS registration follows it; a host without a login item (browser
 * host, CLI) shows the setting but cannot change it.
 */
export function createStartAtLogin(options: { state: StateStore; loginItem?: LoginItem }) {
  const { state, loginItem } = options;
  const view = (): StartAtLoginView => ({
    enabled: desktopStateOf(state.load()).startAtLogin,
    supported: loginItem !== undefined,
  });
  const store = (enabled: boolean): void =>
    void state.update((current) => {
      current.desktop = { ...desktopStateOf(current), startAtLogin: enabled };
    });

  return {
    view,
    /** The OS first: if it refuses, the stored choice stays as it was. */
    set(enabled: boolean): StartAtLoginView {
      if (!loginItem) throw new LicensingError('invalid_input', desktop.startAtLoginNotHere());
      loginItem.set(enabled);
      try {
        store(enabled);
      } catch (error) {
        // Keep the OS and the stored choice in step: undo what could not be remembered.
        loginItem.set(!enabled);
        throw error;
      }
      return view();
    },
    /**
     * At start, a choice that is on is registered again, so the entry names this copy of the app
     * (an update or a move changes its path). Off touches nothing: nothing was registered.
     */
    reapply(): void {
      if (loginItem && view().enabled) loginItem.set(true);
    },
  };
}

export type StartAtLogin = ReturnType<typeof createStartAtLogin>;
