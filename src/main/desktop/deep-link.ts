import { ipcContract } from '../../shared/ipc';
import type { ProfileView } from '../../shared/model';
import { normaliseLicenceKey } from '../licensing/backends/key-input';
import { LicensingError } from '../licensing/licensing-error';
import type { Text } from '../../shared/text';
import { desktop } from '../../shared/texts/desktop.en';

/**
 * Activation links: `licensemgr://activate?key=KEY[&profile=ID]`, from an order e-mail or a
 * vendor's web page. Anything on the web can open such a link, so it is treated as untrusted
 * input: only this one shape is accepted, and what it carries only fills in the activation form.
 * Nothing here activates; the person still clicks Activate.
 */

export const DEEP_LINK_SCHEME = 'licensemgr';

/**
 * Far above any real link: a 256-character key percent-encoded (3 bytes a character) and a
 * profile id fit with room to spare. Checked before any parsing, so a huge argument costs nothing.
 */
export const MAX_LINK_LENGTH = 2_048;

export interface ActivationLink {
  /** The key as the activation form takes it: trimmed, printable ASCII, at most 256 characters. */
  readonly key: string;
  /** Absent: the app picks the profile (the one shown, if it takes keys). */
  readonly profileId?: string;
}

/** What the parser needs to know about a profile. */
export type LinkProfile = Pick<ProfileView, 'id' | 'activationMethods'>;

const notALink = (): LicensingError =>
  new LicensingError('invalid_input', desktop.notALink({ scheme: DEEP_LINK_SCHEME }));

const refuse = (problem: Text): LicensingError =>
  new LicensingError('invalid_input', desktop.linkRefused({ problem }));

/** `licensemgr://activate?…`; browsers on some systems hand it over as `activate/?…`. */
const LINK_STARTS = [`${DEEP_LINK_SCHEME}://activate?`, `${DEEP_LINK_SCHEME}://activate/?`];

// Visible ASCII only: spaces, controls and other characters must be percent-encoded in a link.
const VISIBLE_ASCII = /^[\x21-\x7E]+$/;

/** The contract's own rule for a key, so the pre-filled form never holds a key it would refuse. */
const contractKey = ipcContract['licence:activate'].input.shape.key;

/** `key=…&profile=…` read literally: `+` stays `+` (URLSearchParams would make it a space). */
function readQuery(query: string): Map<string, string> {
  if (query === '') throw refuse(desktop.linkWithoutKey());
  const fields = new Map<string, string>();
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    const name = at === -1 ? pair : pair.slice(0, at);
    if (name !== 'key' && name !== 'profile') throw refuse(desktop.linkExtraFields());
    if (fields.has(name)) throw refuse(desktop.linkFieldTwice({ field: name }));
    let value: string;
    try {
      value = decodeURIComponent(at === -1 ? '' : pair.slice(at + 1));
    } catch {
      throw refuse(desktop.linkGarbled());
    }
    fields.set(name, value);
  }
  return fields;
}

function keyOf(raw: string | undefined): string {
  if (raw === undefined) throw refuse(desktop.linkWithoutKey());
  let key: string | undefined;
  try {
    key = normaliseLicenceKey(raw);
  } catch {
    key = undefined;
  }
  if (key === undefined || !contractKey.safeParse(key).success)
    throw refuse(desktop.linkUnusableKey());
  return key;
}

function profileOf(raw: string | undefined, profiles: readonly LinkProfile[]): string | undefined {
  if (raw === undefined) {
    if (!profiles.some((profile) => profile.activationMethods.includes('key')))
      throw refuse(desktop.linkNoKeyProfile());
    return undefined;
  }
  const profile = profiles.find((candidate) => candidate.id === raw);
  if (!profile) throw refuse(desktop.linkUnknownProduct());
  if (!profile.activationMethods.includes('key')) throw refuse(desktop.linkProductWithoutKey());
  return profile.id;
}

/**
 * Reads an activation link; throws `invalid_input` for anything else. Messages never repeat
 * the key (it is the customer's licence).
 */
export function parseActivationLink(
  text: unknown,
  profiles: readonly LinkProfile[],
): ActivationLink {
  if (typeof text !== 'string') throw notALink();
  if (text.length > MAX_LINK_LENGTH) throw refuse(desktop.linkTooLong());
  // Compared as text, not through WHATWG URL, which would also take `licensemgr:activate`,
  // user names, ports, `..` segments and fragments, and quietly drop tabs and newlines.
  const lower = text.toLowerCase();
  const start = LINK_STARTS.find((prefix) => lower.startsWith(prefix));
  if (!VISIBLE_ASCII.test(text) || start === undefined || text.includes('#')) throw notALink();
  const fields = readQuery(text.slice(start.length));
  const key = keyOf(fields.get('key'));
  const profileId = profileOf(fields.get('profile'), profiles);
  return profileId === undefined ? { key } : { key, profileId };
}

/**
 * The activation link among a process's arguments (Windows and Linux start the app, or hand a
 * running one, `app --flags licensemgr://…`), or undefined. Only found, not checked: the
 * parser judges it.
 */
export function linkFromArgv(argv: readonly string[]): string | undefined {
  const prefix = `${DEEP_LINK_SCHEME}:`;
  return argv.find((arg) => arg.slice(0, prefix.length).toLowerCase() === prefix);
}
