import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_LINK_LENGTH,
  parseActivationLink,
  type LinkProfile,
} from '../../src/main/desktop/deep-link';
import { normaliseLicenceKey } from '../../src/main/licensing/backends/key-input';
import { ipcContract } from '../../src/shared/ipc';
import { anyString, hugeString, outcomeOf, PROTOTYPE_KEYS } from '../support/property-inputs';

/**
 * The activation-link parser against any text: it answers a link whose key the activation form
 * accepts and whose profile exists and takes keys, or refuses with `invalid_input`; a link built
 * from any valid key reads back as that key; anything added to a valid link is refused, and no
 * refusal repeats the key.
 */

const PROFILES: readonly LinkProfile[] = [
  { id: 'seats', activationMethods: ['key'] },
  { id: 'flecs', activationMethods: ['key', 'account'] },
  { id: 'ls-user', activationMethods: ['account'] },
  { id: 'hubs', activationMethods: [] },
];
const TAKES_KEYS = ['seats', 'flecs'];
const contractKey = ipcContract['licence:activate'].input.shape.key;

const printable = (min: number, max: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    minLength: min,
    maxLength: max,
  });
/** A key the activation form takes: printable ASCII, not blank, at most 256 once trimmed. */
const validKey = printable(1, 256).filter((key) => key.trim() !== '');
const linkTo = (key: string, profile?: string): string =>
  `licensemgr://activate?key=${encodeURIComponent(key)}${profile ? `&profile=${profile}` : ''}`;
const validLink = fc.tuple(validKey, fc.option(fc.constantFrom(...TAKES_KEYS), { nil: undefined }));

/** Text that gets past the first checks: the right start, then a query of link-ish pieces. */
const nearLink = fc
  .tuple(
    fc.constantFrom('licensemgr://activate?', 'LICENSEMGR://Activate/?', 'licensemgr://activate'),
    fc.array(
      fc.oneof(
        fc.constantFrom('key=', 'profile=', '&', '=', '%', '%2', '%41', '%C3%A9', '%0A', '#', '+'),
        fc.constantFrom(...TAKES_KEYS, 'ls-user', 'hubs', 'nope', ...PROTOTYPE_KEYS),
        printable(1, 12),
        anyString,
      ),
      { maxLength: 8 },
    ),
  )
  .map(([start, parts]) => start + parts.join(''));

describe('activation links, as properties', () => {
  it('answers a usable link or refuses with invalid_input, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, nearLink, hugeString), (text) => {
        const outcome = outcomeOf(() => parseActivationLink(text, PROFILES), ['invalid_input']);
        if (!outcome.ok) return;
        const { key, profileId } = outcome.value;
        expect(text.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
        expect(text.toLowerCase()).toMatch(/^licensemgr:\/\/activate\/?\?/);
        expect(text).not.toContain('#');
        // The form (and the contract behind it) takes the key exactly as it was read.
        expect(normaliseLicenceKey(key)).toBe(key);
        expect(contractKey.safeParse(key).success).toBe(true);
        if (profileId !== undefined) expect(TAKES_KEYS).toContain(profileId);
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads back any valid key, with or without a profile', () => {
    fc.assert(
      fc.property(validLink, ([key, profile]) => {
        const read = parseActivationLink(linkTo(key, profile), PROFILES);
        expect(read).toEqual(
          profile === undefined ? { key: key.trim() } : { key: key.trim(), profileId: profile },
        );
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses a valid link with anything added, and never repeats the key', () => {
    const addition = fc.oneof(
      fc.constantFrom(
        '#',
        '#top',
        '&auto=1',
        '&activate=now',
        '&key=AGAIN',
        '&profile=seats&profile=flecs',
      ),
      fc.tuple(printable(1, 8), printable(0, 8)).map(([name, value]) => `&${name}=${value}`),
      fc.constantFrom(...PROTOTYPE_KEYS).map((name) => `&profile=${name}`),
      fc.constantFrom('&profile=ls-user', '&profile=hubs', '&profile=', '&profile=nope'),
    );
    fc.assert(
      fc.property(validLink, addition, ([key], added) => {
        // Keys that cannot be mistaken for other words of the message.
        fc.pre(key.trim().length >= 8);
        const text = linkTo(key) + added;
        // `&name=value` where name happens to be "profile" naming a key profile is a valid link.
        fc.pre(!/^&profile=(seats|flecs)$/.test(added));
        const outcome = outcomeOf(() => parseActivationLink(text, PROFILES), ['invalid_input']);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.error.message).not.toContain(key.trim());
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuses any other start than licensemgr://activate', () => {
    fc.assert(
      fc.property(validLink, printable(1, 30), ([key], start) => {
        const text = `${start}?key=${encodeURIComponent(key)}`;
        fc.pre(!/^licensemgr:\/\/activate\/?$/i.test(start));
        const outcome = outcomeOf(() => parseActivationLink(text, PROFILES), ['invalid_input']);
        expect(outcome.ok).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });
});
