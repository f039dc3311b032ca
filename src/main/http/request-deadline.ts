import type { HttpRequest } from './http-client';

export interface RequestDeadline {
  readonly signal: AbortSignal;
  /** Stops whatever still runs on the signal (a body left unread). */
  abort(): void;
  /** Whether the deadline, not the caller, ended the request. */
  timedOut(): boolean;
  /** Once the request is settled: the timer and the caller's listener go. */
  end(): void;
}

/**
 * A request's own wall-clock deadline and the caller's abort, as one signal for whichever client
 * sends it: a socket idle timer (axios's `timeout`) never trips on a server that drips a byte a
 * second, and a fetch's body may take as long as it likes.
 */
export function requestDeadline(
  req: Pick<HttpRequest, 'signal'>,
  timeoutMs: number,
): RequestDeadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (req.signal?.aborted) controller.abort();
  return {
    signal: controller.signal,
    abort: () => controller.abort(),
    timedOut: () => timedOut,
    end: () => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
