import type { AppError } from './errors';

/** What crosses every boundary (IPC, browser host, CLI): a value or a coded error, never a throw. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });
