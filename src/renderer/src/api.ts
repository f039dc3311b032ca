import { BRIDGE_GLOBAL, type LicenseManagerBridge } from '../../shared/bridge';
import type { EventChannel, EventPayload, IpcChannel, IpcInput, IpcOutput } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import { createHttpBridge } from './http-bridge';
import { localError } from './lib/error-text';
import { tCommon } from './i18n/common.en';

/**
 * The only door to the core. Electron's preload provides the bridge; the browser host does not, so
 * the page builds the HTTP one. Stores call `call`, never the bridge, so a bridge that throws
 * (a bug in a host) still turns into an error value the screens know how to show.
 */
const bridge: LicenseManagerBridge = window[BRIDGE_GLOBAL] ?? createHttpBridge();

export async function call<C extends IpcChannel>(
  channel: C,
  input: IpcInput<C>,
): Promise<Result<IpcOutput<C>>> {
  try {
    return await bridge.invoke(channel, input);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: localError('internal', tCommon().bridge.requestFailed(detail)) };
  }
}

export function subscribe<E extends EventChannel>(
  channel: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return bridge.on(channel, listener);
}
