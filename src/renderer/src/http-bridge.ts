import type { LicenseManagerBridge } from '../../shared/bridge';
import type { AppError } from '../../shared/errors';
import type { EventChannel, IpcChannel, IpcInput, IpcOutput } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import { tCommon } from './i18n/common.en';
import { localError } from './lib/error-text';

/**
 * The bridge for the browser host (`serve`), which has no preload: the same contract over HTTP on
 * the page's own origin. The host validates inputs and outputs with the contract's schemas, so this
 * side only checks that an answer has the shape of a Result before trusting it.
 */

/** Written here, in the interface language: the core could not be asked. */
const unreachable = (): AppError =>
  localError('offline', tCommon().bridge.unreachable, { retryable: true });

type Listener = (payload: unknown) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isAppError(value: unknown): value is AppError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && isAppError(value.error);
}

/** What to say when the host answered, but not with a Result (a proxy page, an expired session). */
function errorForStatus(status: number): AppError {
  const t = tCommon().bridge;
  if (status === 401 || status === 403) return localError('unauthorized', t.disconnected);
  return localError('protocol', t.noResult(status));
}

async function post(channel: IpcChannel, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: unreachable() };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: errorForStatus(response.status) };
  }
  return isResult(body) ? body : { ok: false, error: errorForStatus(response.status) };
}

export function createHttpBridge(): LicenseManagerBridge {
  const listeners = new Map<EventChannel, Set<Listener>>();
  let source: EventSource | null = null;

  // One EventSource for every subscription; it reconnects by itself after the host restarts.
  const connect = (): void => {
    if (source) return;
    source = new EventSource('/events', { withCredentials: false });
    source.addEventListener('message', (event: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!isRecord(data) || typeof data.channel !== 'string') return;
      const set = listeners.get(data.channel as EventChannel);
      set?.forEach((listener) => listener(data.payload));
    });
  };

  const disconnectIfIdle = (): void => {
    for (const set of listeners.values()) if (set.size > 0) return;
    source?.close();
    source = null;
  };

  return {
    async invoke<C extends IpcChannel>(
      channel: C,
      input: IpcInput<C>,
    ): Promise<Result<IpcOutput<C>>> {
      // The host parsed the value with the channel's output schema before sending it.
      return (await post(channel, input)) as Result<IpcOutput<C>>;
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      // Payloads for a channel are checked against its schema by the host before they are pushed.
      const untyped = listener as Listener;
      set.add(untyped);
      connect();
      return () => {
        set.delete(untyped);
        disconnectIfIdle();
      };
    },
  };
}
