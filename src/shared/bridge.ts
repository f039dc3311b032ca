import type { EventChannel, EventPayload, IpcChannel, IpcInput, IpcOutput } from './ipc';
import type { Result } from './result';

/**
 * The single object the renderer talks to, whatever hosts it: the Electron preload exposes it as
 * `window.licenseManager`, the browser host provides the same shape over HTTP.
 */
export interface LicenseManagerBridge {
  invoke<C extends IpcChannel>(channel: C, input: IpcInput<C>): Promise<Result<IpcOutput<C>>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const BRIDGE_GLOBAL = 'licenseManager';
