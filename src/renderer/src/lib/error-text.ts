import type { AppError, ErrorCode } from '../../../shared/errors';
import { tErrors } from '../i18n/errors.en';
import type { Wording } from '../../../shared/text';
import { currentLocale, translateCoreText } from '../i18n/messages';
import { formatDuration } from './format';

/**
 * A headline per error code, written for the person at the screen. The server's own message goes
 * underneath it: the headline says what kind of problem it is, the message says what exactly.
 */
export function errorTitle(code: ErrorCode): string {
  return tErrors().titles[code];
}

/** A short hint about what to do next, when the code alone tells us. */
export function errorHint(error: AppError): string | undefined {
  const t = tErrors();
  if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0) {
    return t.retryIn(formatDuration(error.retryAfterSeconds * 1000));
  }
  if (error.retryable) return t.temporary;
  return undefined;
}

/**
 * The language of text that arrives as data from main or a server (an error's message, a
 * connection test's details): English, written by the core. Undefined while the interface is in
 * English too, so nothing needs marking; otherwise 'en', for a `lang` attribute that lets a screen
 * reader pronounce it right.
 */
export function dataLang(): 'en' | undefined {
  return currentLocale() === 'en' ? undefined : 'en';
}

/**
 * What main said (an error, a warning, a verdict), in the interface language when main sent it as
 * a text this build can translate, otherwise main's English.
 */
export function say(wording: Wording): string {
  return (wording.text && translateCoreText(wording.text)) ?? wording.message;
}

/**
 * The `lang` for `say(wording)`: 'en' when the English had to be shown under a translated
 * interface (a server's report, a file's own error), so a screen reader pronounces it right.
 */
export function sayLang(wording: Wording): 'en' | undefined {
  if (isLocalError(wording)) return undefined;
  return wording.text && translateCoreText(wording.text) !== undefined ? undefined : dataLang();
}

/** Errors the renderer wrote itself, in the interface language (a field left empty). */
const localErrors = new WeakSet<object>();

/**
 * An error found in the renderer, before anything was sent: its message comes from a catalogue,
 * so it is in the interface language and ErrorMessage does not mark it as English.
 */
export function localError(
  code: ErrorCode,
  message: string,
  options: Pick<AppError, 'retryable'> = {},
): AppError {
  const error: AppError = { code, message, ...options };
  localErrors.add(error);
  return error;
}

/** Whether an error's message is in the interface language (see localError), not main's English. */
export function isLocalError(error: object): boolean {
  return localErrors.has(error);
}
