import type { AppError } from '../../../shared/errors';
import type { Result } from '../../../shared/result';

/**
 * The state of one user action (activate, request a seat, ...). Kept per action so an error shows
 * right beside the button that caused it.
 */
export type Flow =
  | { readonly status: 'idle' }
  | { readonly status: 'submitting' }
  | { readonly status: 'succeeded'; readonly at: number }
  | { readonly status: 'failed'; readonly error: AppError };

export const IDLE: Flow = { status: 'idle' };

/**
 * Data fetched from the core. A refresh keeps the last good value on screen (no flashing back to
 * a skeleton) and reports its own failure beside it.
 */
export type Remote<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: AppError }
  | {
      readonly status: 'loaded';
      readonly value: T;
      readonly refreshing: boolean;
      readonly refreshError?: AppError;
    };

export const LOADING: Remote<never> = { status: 'loading' };

/** Starts a refresh without losing what is shown. */
export function beginRefresh<T>(current: Remote<T> | undefined): Remote<T> {
  if (current?.status === 'loaded')
    return { ...current, refreshing: true, refreshError: undefined };
  return LOADING;
}

/** Ends a refresh: a failure after a good load keeps the old value and notes the error. */
export function endRefresh<T>(current: Remote<T> | undefined, result: Result<T>): Remote<T> {
  if (result.ok) return { status: 'loaded', value: result.value, refreshing: false };
  if (current?.status === 'loaded') {
    return { ...current, refreshing: false, refreshError: result.error };
  }
  return { status: 'failed', error: result.error };
}
