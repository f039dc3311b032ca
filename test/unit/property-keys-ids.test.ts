import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkActivationIso,
  checkCredentials as checkEnirisCredentials,
  checkCustomerId,
  checkEnirisKey,
  checkNodeId,
} from '../../src/main/licensing/backends/eniris-input';
import {
  checkCredentials as checkFlecsCredentials,
  checkJwt,
  normaliseSerialNumber,
} from '../../src/main/licensing/backends/flecs-input';
import { isSessionId, stampFrom } from '../../src/main/licensing/backends/flecs-wire';
import { normaliseLicenceKey } from '../../src/main/licensing/backends/key-input';
import {
  checkAmount,
  checkBorrowUntil,
  checkEmail,
  checkFeatureCode,
  checkIdentity,
  checkPassword,
} from '../../src/main/licensing/backends/licensespring-input';
import { checkHubId, checkLicenceCode } from '../../src/main/licensing/backends/mobiusflow';
import { normaliseBaseUrl } from '../../src/main/licensing/backends/wire-helpers';
import { hubDraftSchema } from '../../src/shared/hubs-model';
import { ipcContract } from '../../src/shared/ipc';
import { anyString, anyValue, outcomeOf, trickyString } from '../support/property-inputs';

/**
 * Every check of what a person types or pastes (licence keys of each backend, account names,
 * passwords, serial numbers, feature codes, hub ids, licence codes, customer and session ids),
 * against any text: it answers a clean value or refuses with `invalid_input`, never anything else,
 * and a valid value always goes through, trimmed where the check trims.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A free-text rule: how long an accepted value may be and what else it must (not) contain. */
interface TextRule {
  readonly name: string;
  readonly check: (raw: string) => string;
  readonly max: number;
  /** Surrounding white space is dropped (passwords keep theirs). */
  readonly trims: boolean;
  /** Control characters are refused. */
  readonly refusesControls: boolean;
  /** Any white space at all is refused (codes and tokens). */
  readonly refusesSpaces?: boolean;
  /** Only visible ASCII is accepted (values that go into an HTTP header). */
  readonly asciiOnly?: boolean;
  /** Messages never repeat the value (a key or a password may be a secret). */
  readonly secret: boolean;
}

const RULES: readonly TextRule[] = [
  {
    name: 'licence key (every backend)',
    check: normaliseLicenceKey,
    max: 256,
    trims: true,
    refusesControls: true,
    secret: true,
  },
  {
    name: 'LicenseSpring key',
    check: (raw) => checkIdentity(raw, false),
    max: 256,
    trims: true,
    refusesControls: true,
    secret: true,
  },
  {
    name: 'LicenseSpring account name',
    check: (raw) => checkIdentity(raw, true),
    max: 256,
    trims: true,
    refusesControls: true,
    secret: true,
  },
  {
    name: 'LicenseSpring password',
    check: checkPassword,
    max: 256,
    trims: false,
    refusesControls: false,
    secret: true,
  },
  {
    name: 'LicenseSpring feature code',
    check: checkFeatureCode,
    max: 128,
    trims: true,
    refusesControls: true,
    refusesSpaces: true,
    secret: false,
  },
  {
    name: 'Eniris key',
    check: checkEnirisKey,
    max: 50,
    trims: true,
    refusesControls: true,
    secret: true,
  },
  {
    name: 'Eniris controller id',
    check: checkNodeId,
    max: 128,
    trims: true,
    refusesControls: true,
    secret: false,
  },
  {
    name: 'Eniris username',
    check: (raw) => checkEnirisCredentials(raw, 'pw').username,
    max: 256,
    trims: true,
    refusesControls: true,
    secret: true,
  },
  {
    name: 'Eniris password',
    check: (raw) => checkEnirisCredentials('user', raw).password,
    max: 256,
    trims: false,
    refusesControls: false,
    secret: true,
  },
  {
    name: 'FLECS account name',
    check: (raw) => checkFlecsCredentials(raw, 'pw'),
    max: 256,
    trims: true,
    refusesControls: true,
    secret: true,
  },
  {
    name: 'FLECS password',
    check: (raw) => (checkFlecsCredentials('user', raw), raw),
    max: 256,
    trims: false,
    refusesControls: true,
    secret: true,
  },
  {
    name: 'FLECS serial number',
    check: normaliseSerialNumber,
    max: 128,
    trims: true,
    refusesControls: true,
    secret: false,
  },
  {
    name: 'FLECS sign-in token',
    check: checkJwt,
    max: 16_384,
    trims: true,
    refusesControls: true,
    refusesSpaces: true,
    asciiOnly: true,
    secret: true,
  },
];

/** A plausible value of the rule: printable, within its length, with what it allows. */
const validFor = (rule: TextRule): fc.Arbitrary<string> =>
  fc
    .string({
      unit: rule.asciiOnly
        ? fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code))
        : fc.oneof(
            fc.constantFrom('A', 'z', '7', '-', '.', '@', 'é', '\u{1f600}'),
            fc.constant(' '),
          ),
      minLength: 1,
      maxLength: Math.min(rule.max, 60),
    })
    .map((text) => (rule.refusesSpaces ? text.replace(/ /g, '') : rule.trims ? text.trim() : text))
    .map((text) => text || 'X');

const padding = fc.constantFrom('', ' ', '\t', '\n', ' \r\n ', '\u00a0', '\ufeff');

describe.each(RULES)('$name', (rule) => {
  it('answers a clean value or invalid_input for any text, never repeating a secret', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        const outcome = outcomeOf(() => rule.check(raw), ['invalid_input']);
        if (!outcome.ok) {
          if (rule.secret && raw.trim().length >= 12) {
            expect(outcome.error.message).not.toContain(raw.trim());
          }
          return;
        }
        const value = outcome.value;
        expect(value).toBe(rule.trims ? raw.trim() : raw);
        expect(value.length).toBeGreaterThan(0);
        expect(value.length).toBeLessThanOrEqual(rule.max);
        if (rule.refusesControls) expect(value).not.toMatch(CONTROL);
        if (rule.refusesSpaces) expect(value).not.toMatch(/\s/);
        if (rule.asciiOnly) expect(value).toMatch(/^[\x21-\x7e]+$/);
        // Checking twice changes nothing: a stored value passes its own check again.
        expect(rule.check(value)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every valid value, without the white space around it where it trims', () => {
    fc.assert(
      fc.property(validFor(rule), padding, padding, (value, before, after) => {
        const raw = rule.trims ? `${before}${value}${after}` : value;
        expect(rule.check(raw)).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a value of exactly the longest length, and refuses one character more', () => {
    fc.assert(
      fc.property(validFor(rule), (value) => {
        // Ends in X so that trimming leaves the length alone.
        const longest = `${value.repeat(Math.ceil(rule.max / value.length)).slice(0, rule.max - 1)}X`;
        expect(rule.check(longest)).toBe(longest);
        expect(outcomeOf(() => rule.check(`${longest}X`), ['invalid_input']).ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe.each(RULES.filter((rule) => rule.refusesControls))('$name', (rule) => {
  it('refuses a control character anywhere inside', () => {
    const control = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f');
    fc.assert(
      fc.property(validFor(rule), fc.nat(), control, (value, at, char) => {
        const index = at % (value.length + 1);
        const raw = `X${value.slice(0, index)}${char}${value.slice(index)}X`;
        expect(outcomeOf(() => rule.check(raw), ['invalid_input']).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('structured ids', () => {
  const hex = (length: number) =>
    fc.string({
      unit: fc.constantFrom(...'0123456789abcdefABCDEF'),
      minLength: length,
      maxLength: length,
    });
  const hubId = hex(6);
  const licenceCode = fc
    .array(hex(8), { minLength: 2, maxLength: 8 })
    .map((groups) => groups.join('-'));
  const someIdText = fc.oneof(anyString, hubId, licenceCode, fc.uuid(), trickyString(12));

  it('a hub id is 6 hex digits: the core check and the inventory form agree on every text', () => {
    const draft = { name: 'Hub', host: 'hub.local', username: 'admin' };
    fc.assert(
      fc.property(
        fc.oneof(
          someIdText,
          fc.tuple(padding, hubId).map(([p, id]) => `${p}${id}${p}`),
        ),
        (raw) => {
          const outcome = outcomeOf(() => checkHubId(raw), ['invalid_input']);
          if (outcome.ok) {
            expect(outcome.value).toBe(raw.trim());
            expect(outcome.value).toMatch(/^[0-9A-Fa-f]{6}$/);
          }
          expect(hubDraftSchema.safeParse({ ...draft, hid: raw }).success).toBe(outcome.ok);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a licence code: the core check and the IPC contract agree on every text', () => {
    const setCode = ipcContract['hubs:set-code'].input;
    fc.assert(
      fc.property(
        fc.oneof(
          someIdText,
          licenceCode.map((code) => ` ${code}\n`),
        ),
        (raw) => {
          const outcome = outcomeOf(() => checkLicenceCode(raw), ['invalid_input']);
          if (outcome.ok) {
            expect(outcome.value).toBe(raw.trim());
            expect(outcome.value).toMatch(/^[0-9a-f]+(-[0-9a-f]+)+$/i);
          }
          expect(setCode.safeParse({ id: 'hub-1', code: raw }).success).toBe(outcome.ok);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an Eniris customer id is a uuid in any case, kept in lower case', () => {
    fc.assert(
      fc.property(fc.oneof(someIdText, fc.tuple(fc.uuid(), fc.boolean(), padding)), (input) => {
        const raw =
          typeof input === 'string'
            ? input
            : `${input[2]}${input[1] ? input[0].toUpperCase() : input[0]}${input[2]}`;
        const outcome = outcomeOf(() => checkCustomerId(raw), ['invalid_input']);
        if (typeof input !== 'string') expect(outcome).toEqual({ ok: true, value: input[0] });
        if (outcome.ok) {
          expect(outcome.value).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
          expect(outcome.value).toBe(raw.trim().toLowerCase());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a FLECS session id is a lower-case uuid, from whatever a reply or the vault holds', () => {
    fc.assert(
      fc.property(fc.uuid(), anyValue, fc.oneof(fc.nat(), anyValue), (id, junk, timestamp) => {
        expect(isSessionId(id)).toBe(true);
        expect(isSessionId(id.toUpperCase())).toBe(id.toUpperCase() === id);
        expect(stampFrom({ id, timestamp: 5 })).toEqual({ id, timestamp: 5 });
        for (const value of [junk, { id: junk, timestamp }, { id, timestamp }]) {
          const stamp = stampFrom(value);
          if (stamp === undefined) continue;
          expect(isSessionId(stamp.id)).toBe(true);
          if (stamp.timestamp !== undefined) expect(stamp.timestamp).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('values with a meaning: amounts, instants, e-mail addresses, server addresses', () => {
  const oddNumber = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 0.5, 1e21),
  );

  it('an amount is a safe whole number other than 0', () => {
    fc.assert(
      fc.property(oddNumber, (amount) => {
        const outcome = outcomeOf(() => checkAmount(amount), ['invalid_input']);
        expect(outcome.ok).toBe(Number.isSafeInteger(amount) && amount !== 0);
      }),
      { numRuns: 300 },
    );
  });

  it('a borrowing end is an ISO instant after now, or none', () => {
    const now = Date.UTC(2026, 0, 15, 9);
    fc.assert(
      fc.property(
        fc.option(fc.oneof(oddNumber, fc.integer({ min: now - 1e9, max: now + 1e12 })), {
          nil: undefined,
        }),
        (until) => {
          const outcome = outcomeOf(() => checkBorrowUntil(until, now), ['invalid_input']);
          if (until === undefined) expect(outcome).toEqual({ ok: true, value: null });
          else if (outcome.ok) {
            expect(Date.parse(outcome.value!)).toBe(Math.trunc(until));
            expect(until).toBeGreaterThan(now);
          } else
            expect(Number.isFinite(until) && until > now && Math.abs(until) <= 8.64e15).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an Eniris activation time keeps its instant, written in UTC', () => {
    const offset = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }).map((minutes) => {
      const abs = Math.abs(minutes);
      const two = (n: number) => String(n).padStart(2, '0');
      return minutes === 0
        ? 'Z'
        : `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
    });
    const iso = fc
      .tuple(
        // Years 1 to 9999.
        fc.integer({ min: -62_135_596_800_000, max: Date.UTC(9999, 11, 31) }),
        offset,
        fc.constantFrom('', '.5', '.123', '.123456789'),
      )
      .map(
        ([ms, zone, fraction]) => `${new Date(ms).toISOString().slice(0, 19)}${fraction}${zone}`,
      );
    fc.assert(
      fc.property(
        fc.oneof(
          iso,
          anyString,
          iso.map((text) => ` ${text.replace('T', ' ')} `),
        ),
        (raw) => {
          const outcome = outcomeOf(() => checkActivationIso(raw), ['invalid_input']);
          if (!outcome.ok) return;
          expect(outcome.value).toMatch(/^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
          expect(Date.parse(outcome.value)).toBe(Date.parse(raw.trim()));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(iso, (raw) => {
        expect(outcomeOf(() => checkActivationIso(raw), ['invalid_input']).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('an e-mail address is one @ between non-blank parts, and blank means none', () => {
    const email = fc.emailAddress();
    fc.assert(
      fc.property(
        fc.option(
          fc.oneof(
            anyString,
            email,
            email.map((e) => ` ${e} `),
          ),
          { nil: undefined },
        ),
        (raw) => {
          const outcome = outcomeOf(() => checkEmail(raw), ['invalid_input']);
          if (raw === undefined || raw.trim() === '')
            expect(outcome).toEqual({ ok: true, value: undefined });
          else if (outcome.ok) {
            expect(outcome.value).toBe(raw.trim());
            expect(outcome.value).toMatch(/^[^\s@]+@[^\s@]+$/);
            expect(outcome.value!.length).toBeLessThanOrEqual(254);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a server address becomes http(s)://host[:port][/prefix] without a trailing slash, or a config error', () => {
    // Built by hand: fc.webUrl is slow to generate.
    const url = fc
      .tuple(
        fc.constantFrom('http', 'https', 'HTTPS', 'ftp', 'file', 'javascript'),
        fc.stringMatching(/^[a-z0-9-]{1,12}(\.[a-z]{2,6})?$/),
        fc.option(fc.integer({ min: 0, max: 70_000 }), { nil: undefined }),
        fc.array(fc.stringMatching(/^[A-Za-z0-9._~%-]{0,8}$/), { maxLength: 3 }),
      )
      .map(([scheme, host, port, path]) => {
        const at = port === undefined ? '' : `:${port}`;
        return `${scheme}://${host}${at}/${path.join('/')}`;
      });
    fc.assert(
      fc.property(
        fc.oneof(
          anyString,
          url,
          url.map((u) => ` ${u}/ `),
        ),
        (raw) => {
          const outcome = outcomeOf(() => normaliseBaseUrl(raw), ['config']);
          if (!outcome.ok) return;
          expect(outcome.value).toMatch(/^https?:\/\/[^/]/);
          expect(outcome.value).not.toMatch(/\/$/);
          expect(normaliseBaseUrl(outcome.value)).toBe(outcome.value);
        },
      ),
      { numRuns: 300 },
    );
  });
});
