import type { Text } from '../../../shared/text';
import { flecs } from '../../../shared/texts/flecs.en';
import { LicensingError } from '../licensing-error';

/**
 * Checks what a person typed for FLECS before anything is sent, so a pasted paragraph or a stray
 * control character becomes a clear message rather than a confusing refusal from the console.
 * Messages never repeat the value: it may be a password.
 */

export const MAX_CREDENTIAL_LENGTH = 256;
export const MAX_SERIAL_LENGTH = 128;
/** Far above any real JWT; only there to stop a pasted file from going into a header. */
const MAX_JWT_LENGTH = 16_384;

// C0 controls, DEL and C1 controls: invisible, never typed on purpose.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const invalid = (message: Text): LicensingError => new LicensingError('invalid_input', message);

/** A field's sentences: what to enter, and its name at the start of a sentence. */
interface Field {
  readonly enter: Text;
  readonly name: Text;
}

const ACCOUNT_NAME: Field = { enter: flecs.enterAccountName(), name: flecs.accountNameField() };
const PASSWORD: Field = { enter: flecs.enterPassword(), name: flecs.passwordField() };
const SERIAL: Field = { enter: flecs.enterSerial(), name: flecs.serialField() };

function checkText(value: string, field: Field, max: number): void {
  if (value === '') throw invalid(field.enter);
  if (CONTROL_CHARACTERS.test(value)) throw invalid(flecs.controlCharacters({ field: field.name }));
  if (value.length > max) throw invalid(flecs.tooLong({ field: field.name, max }));
}

/** The account name is trimmed (a pasted e-mail address often carries a space); the password never is. */
export function checkCredentials(username: string, password: string): string {
  const name = username.trim();
  checkText(name, ACCOUNT_NAME, MAX_CREDENTIAL_LENGTH);
  checkText(password, PASSWORD, MAX_CREDENTIAL_LENGTH);
  return name;
}

export function normaliseSerialNumber(raw: string): string {
  const serial = raw.trim();
  checkText(serial, SERIAL, MAX_SERIAL_LENGTH);
  return serial;
}

/** A JWT goes into a header, so it must be one run of visible ASCII. */
export function checkJwt(raw: string): string {
  const jwt = raw.trim();
  if (jwt === '' || jwt.length > MAX_JWT_LENGTH || !/^[\x21-\x7e]+$/.test(jwt)) {
    throw invalid(flecs.signInDamaged());
  }
  return jwt;
}
