import { z } from 'zod';
import type { Text } from '../../../shared/text';
import { eniris } from '../../../shared/texts/eniris.en';
import { LicensingError } from '../licensing-error';
import { normaliseLicenceKey } from './key-input';

/**
 * Checks what a person typed before anything reaches Eniris, with the limits its API documents
 * (contract §4.2, §4.3), so a slip becomes a precise message instead of the server's generic
 * "Missing or misformatted query parameter or body".
 */

const MAX_CREDENTIAL_LENGTH = 256;
const MAX_ENIRIS_KEY_LENGTH = 50;
const MAX_NODE_ID_LENGTH = 128;

// C0 controls, DEL and C1 controls: never part of a name or id, often pasted by accident.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const invalid = (message: Text): LicensingError => new LicensingError('invalid_input', message);

export function checkCredentials(
  rawUsername: string,
  password: string,
): { username: string; password: string } {
  // Surrounding spaces in a pasted e-mail address are never meant; in a password they may be.
  const username = rawUsername.trim();
  if (username === '') throw invalid(eniris.enterUsername());
  if (password === '') throw invalid(eniris.enterPassword());
  if (CONTROL_CHARACTERS.test(username)) {
    throw invalid(eniris.usernameControlCharacters());
  }
  if (username.length > MAX_CREDENTIAL_LENGTH || password.length > MAX_CREDENTIAL_LENGTH) {
    throw invalid(eniris.credentialsTooLong({ max: MAX_CREDENTIAL_LENGTH }));
  }
  return { username, password };
}

export function checkEnirisKey(raw: string): string {
  const key = normaliseLicenceKey(raw);
  if (key.length > MAX_ENIRIS_KEY_LENGTH) {
    throw invalid(eniris.keyTooLong({ max: MAX_ENIRIS_KEY_LENGTH, length: key.length }));
  }
  return key;
}

export function checkNodeId(raw: string): string {
  const nodeId = raw.trim();
  if (nodeId === '') throw invalid(eniris.enterNodeId());
  if (CONTROL_CHARACTERS.test(nodeId)) {
    throw invalid(eniris.nodeIdControlCharacters());
  }
  if (nodeId.length > MAX_NODE_ID_LENGTH) {
    throw invalid(eniris.nodeIdTooLong({ max: MAX_NODE_ID_LENGTH, length: nodeId.length }));
  }
  return nodeId;
}

const guid = z.guid();

/** Lower case is the canonical uuid form, so the server's lookup never depends on how it was typed. */
export function checkCustomerId(raw: string): string {
  const customerId = raw.trim().toLowerCase();
  if (!guid.safeParse(customerId).success) {
    throw invalid(eniris.customerIdNotUuid());
  }
  return customerId;
}

// RFC 3339 date-time, the JSON-schema "date-time" format the API validates against: the offset is
// required, because a time without one means a different instant on every computer.
const dateTime = z.iso.datetime({ offset: true });

/** The instant as UTC `…Z`, which every ISO-8601 reader accepts. */
export function checkActivationIso(raw: string): string {
  const text = raw.trim();
  if (!dateTime.safeParse(text).success) {
    throw invalid(eniris.activationTimeFormat());
  }
  return new Date(text).toISOString();
}
