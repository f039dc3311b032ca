import type { SessionVault } from './flecs';

/**
 * A SessionVault that forgets everything when the process ends: for headless one-shot runs (an
 * installer that activates and exits) and for tests. The app itself backs the vault with the OS
 * secret store, because the session id authenticates this device.
 */
export function createMemorySessionVault(initial?: string): SessionVault {
  let sessionId = initial;
  return {
    get: async () => sessionId,
    set: async (id) => {
      sessionId = id;
    },
    clear: async () => {
      sessionId = undefined;
    },
  };
}
