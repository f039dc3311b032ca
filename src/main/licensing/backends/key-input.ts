import { licensing } from '../../../shared/texts/licensing.en';
import { LicensingError } from '../licensing-error';

/**
 * Checks a licence key typed or pasted by a person before anything goes over the network, so a
 * stray newline or a pasted paragraph becomes a clear message instead of a confusing server reply.
 * Any adapter can use it.
 */

export const MAX_KEY_LENGTH = 256;

// C0 controls, DEL and C1 controls: invisible, never part of a real key, often pasted by accident.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function normaliseLicenceKey(raw: string): string {
  const key = raw.trim();
  if (key === '') {
    throw new LicensingError('invalid_input', licensing.enterKey());
  }
  if (CONTROL_CHARACTERS.test(key)) {
    throw new LicensingError('invalid_input', licensing.keyControlCharacters());
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new LicensingError(
      'invalid_input',
      licensing.keyTooLong({ length: key.length, max: MAX_KEY_LENGTH }),
    );
  }
  return key;
}
