import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import {
  activationReply,
  countsReply,
  heartbeatReply,
  infoReply,
  seatRequestReply,
} from '../../src/main/licensing/backends/seats-wire';
import { parseReply } from '../../src/main/licensing/backends/wire-helpers';
import { inGerman } from '../support/in-german';
import { backendWith, NOW } from './seats-fake-http';

/** The vendor reference page's example 200 bodies, verbatim (shared/backends/reference/002_…). */
const REFERENCE = {
  activate:
    '{"success":true,"licenseToken":"string","tokenExpireAt":{"seconds":0,"nanos":0},"activeClientCount":0,"maxClientCount":0,"license":{"licenseId":"string","licensingMode":0,"expireAt":{"seconds":0,"nanos":0},"supportExpireAt":{"seconds":0,"nanos":0},"licenseKey":[0]}}',
  deactivate: '{"licenseId":"string","activeClientCount":0,"maxClientCount":0}',
  request:
    '{"granted":true,"licenseToken":"string","tokenExpireAt":{"seconds":0,"nanos":0},"heartbeatInterval":{"seconds":0,"nanos":0},"activeClientCount":0,"maxClientCount":0,"license":{"licenseId":"string","licensingMode":0,"expireAt":{"seconds":0,"nanos":0},"supportExpireAt":{"seconds":0,"nanos":0},"licenseKey":[0]}}',
  heartbeat:
    '{"active":true,"activeClientCount":0,"maxClientCount":0,"tokenExpireAt":{"seconds":0,"nanos":0},"heartbeatInterval":{"seconds":0,"nanos":0}}',
  info: '{"licenseTokens":[{"token":"string","licenseId":"string","revoked":true,"clientId":"string","clientAddr":"string","clientName":"string","machineId":"string","issuedAt":{"seconds":0,"nanos":0},"expireAt":{"seconds":0,"nanos":0},"lastHearbeat":{"seconds":0,"nanos":0}}],"licenseId":"string","maxClientCount":0,"activeClientCount":0,"licensingMode":0,"revoked":true,"issuedAt":{"seconds":0,"nanos":0},"expireAt":{"seconds":0,"nanos":0},"supportExpireAt":{"seconds":0,"nanos":0}}',
} as const;

const HOST = 'licence.example.com:5455';
const parse = (json: string): unknown => JSON.parse(json);

function protocolError(run: () => unknown): LicensingError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LicensingError);
    expect((error as LicensingError).code).toBe('protocol');
    return error as LicensingError;
  }
  throw new Error('expected a protocol error');
}

describe('Babel wire replies: the reference examples', () => {
  it('parses activate/validate, with zero instants meaning "not set"', () => {
    expect(parseReply(activationReply, parse(REFERENCE.activate), HOST)).toEqual({
      success: true,
      licenseToken: 'string',
      tokenExpireAt: undefined,
      activeClientCount: 0,
      maxClientCount: 0,
      license: {
        licenseId: 'string',
        licensingMode: 0,
        expireAt: undefined,
        supportExpireAt: undefined,
        licenseKey: [0],
      },
    });
  });

  it('parses request, heartbeat, deactivate/release and info', () => {
    const request = parseReply(seatRequestReply, parse(REFERENCE.request), HOST);
    expect(request).toMatchObject({
      granted: true,
      licenseToken: 'string',
      heartbeatInterval: undefined,
    });
    const beat = parseReply(heartbeatReply, parse(REFERENCE.heartbeat), HOST);
    expect(beat).toMatchObject({ active: true, activeClientCount: 0 });
    expect(parseReply(countsReply, parse(REFERENCE.deactivate), HOST)).toEqual({
      licenseId: 'string',
      activeClientCount: 0,
      maxClientCount: 0,
    });
    const info = parseReply(infoReply, parse(REFERENCE.info), HOST);
    expect(info.revoked).toBe(true);
    expect(info.licenseTokens[0]).toMatchObject({
      token: 'string',
      revoked: true,
      clientAddr: 'string',
    });
  });

  it('turns every reference example into domain values through the adapter', async () => {
    const byPath: Record<string, string> = {
      '/v1/license/activate': REFERENCE.activate,
      '/v1/license/validate': REFERENCE.activate,
      '/v1/license/deactivate': REFERENCE.deactivate,
      '/v1/license/request': REFERENCE.request,
      '/v1/license/heartbeat': REFERENCE.heartbeat,
      '/v1/license/release': REFERENCE.deactivate,
      '/v1/license/info': REFERENCE.info,
    };
    const { backend } = backendWith((req) => ({ body: parse(byPath[new URL(req.url).pathname]!) }));
    const record = await backend.activate({ method: 'key', key: 'KEY' });
    expect(record).toMatchObject({ licenseId: 'string', mode: 'file', token: 'string' });
    expect(record.expiresAt).toBeUndefined();
    await backend.validate('KEY');
    await backend.deactivate('KEY');
    const lease = await backend.seats.request('KEY');
    // No interval and no expiry in the example: the documented 5-minute default applies.
    expect(lease).toEqual({
      licenseId: 'string',
      token: 'string',
      heartbeatIntervalMs: 300_000,
      expiresAt: NOW + 300_000,
      activeClients: 0,
      maxClients: 0,
    });
    expect((await backend.seats.renew(lease)).token).toBe('string');
    await backend.seats.release(lease);
    const pool = await backend.seats.info('KEY');
    expect(pool.holders).toHaveLength(1);
    expect(pool.holders[0]).toMatchObject({ token: 'string', kind: 'activation', revoked: true });
  });
});

describe('Babel wire replies: omitted defaults (IgnoreJSonDefaultValues)', () => {
  it('reads an empty object as every field at its default', () => {
    expect(parseReply(activationReply, {}, HOST)).toEqual({
      success: false,
      licenseToken: '',
      tokenExpireAt: undefined,
      activeClientCount: 0,
      maxClientCount: 0,
      license: {
        licenseId: '',
        licensingMode: 0,
        expireAt: undefined,
        supportExpireAt: undefined,
        licenseKey: [],
      },
    });
    expect(parseReply(infoReply, {}, HOST).licenseTokens).toEqual([]);
    expect(parseReply(heartbeatReply, {}, HOST).active).toBe(false);
  });

  it('converts {seconds, nanos} to epoch ms, with nanos or seconds missing and seconds as text', () => {
    const at = (tokenExpireAt: unknown) =>
      parseReply(heartbeatReply, { tokenExpireAt }, HOST).tokenExpireAt;
    expect(at({ seconds: 1_768_478_400 })).toBe(1_768_478_400_000);
    expect(at({ seconds: '1768478400', nanos: 999_999_999 })).toBe(1_768_478_400_999);
    expect(at({ nanos: 5_000_000 })).toBe(5);
    expect(at({})).toBeUndefined();
    expect(at(null)).toBeUndefined();
    const interval = parseReply(heartbeatReply, { heartbeatInterval: { seconds: 60 } }, HOST);
    expect(interval.heartbeatInterval).toBe(60_000);
  });

  it('maps licensing modes 0/1/2 and tolerates missing licence details', async () => {
    const modes = [undefined, 1, 2, 7, 'Floating'];
    const expected = ['file', 'activation', 'floating', 'unknown', 'floating'];
    for (const [i, licensingMode] of modes.entries()) {
      const { backend } = backendWith(() => ({
        body: { success: true, license: { licenseId: 'lic0001', licensingMode } },
      }));
      const record = await backend.activate({ method: 'key', key: 'KEY' });
      expect(record.mode).toBe(expected[i]);
      // A floating licence activates without a token.
      expect(record.token).toBeUndefined();
    }
  });

  it('keeps a floating seat token echoed by validate out of the activation record', async () => {
    const seat = { licenseToken: 'fltk_abc', tokenExpireAt: { seconds: 1_800_000_000 } };
    const body = (licensingMode: number) => ({
      success: true,
      ...seat,
      license: { licensingMode },
    });
    const floating = backendWith(() => ({ body: body(2) })).backend;
    expect(await floating.validate('KEY')).toMatchObject({
      token: undefined,
      tokenExpiresAt: undefined,
    });
    const activation = backendWith(() => ({ body: body(1) })).backend;
    expect(await activation.validate('KEY')).toMatchObject({
      token: 'fltk_abc',
      tokenExpiresAt: 1_800_000_000_000,
    });
  });
});

describe('Babel wire replies: shapes that do not fit are protocol errors', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a wrong type', { success: 'yes' }, /success/],
    ['a negative count', { maxClientCount: -1 }, /maxClientCount/],
    ['licence bytes out of range', { license: { licenseKey: [256] } }, /licenseKey/],
    ['licence bytes as base64', { license: { licenseKey: 'AAE=' } }, /licenseKey/],
    ['nanos out of range', { tokenExpireAt: { seconds: 1, nanos: 1e9 } }, /nanos/],
    ['seconds as non-numeric text', { tokenExpireAt: { seconds: 'soon' } }, /seconds/],
    ['an array', [], /expected an object/],
    ['a number', 42, /expected an object/],
    ['an empty reply', undefined, /empty/],
    ['a captive portal page', '<!DOCTYPE html><title>Hotel Wi-Fi</title>', /web page/],
  ];
  it.each(cases)('%s', (_label, body, detail) => {
    const error = protocolError(() => parseReply(activationReply, body, HOST));
    expect(error.message).toContain(`licensing server at ${HOST}`);
    expect(error.message).toMatch(detail);
  });
});

describe('Babel wire replies of the wrong shape, in German', () => {
  it("names the field and zod's words for it in German, the English as before", () => {
    const wrongType = protocolError(() => parseReply(activationReply, { success: 'yes' }, HOST));
    expect(wrongType.message).toContain(
      '(success: Invalid input: expected boolean, received string)',
    );
    expect(inGerman(wrongType)).toContain(
      '(Feld success: Wahrheitswert (true/false) erwartet, Text angegeben)',
    );
    const outOfRange = protocolError(() =>
      parseReply(activationReply, { license: { licenseKey: [256] } }, HOST),
    );
    expect(outOfRange.message).toContain(
      '(license.licenseKey.0: Too big: expected number to be <=255)',
    );
    expect(inGerman(outOfRange)).toContain('(Feld license.licenseKey.0: höchstens 255)');
    for (const error of [wrongType, outOfRange]) {
      expect(inGerman(error)).not.toMatch(/Invalid|expected|received|Too big/);
    }
  });
});

describe('Babel adapter against arbitrary replies', () => {
  const operations = ['activate', 'validate', 'deactivate', 'request', 'renew', 'release', 'info'];
  const lease = {
    licenseId: 'lic',
    token: 'fltk_x',
    expiresAt: 0,
    heartbeatIntervalMs: 1,
    activeClients: 0,
    maxClients: 0,
  };

  it('never throws anything but LicensingError, and never a secret', async () => {
    const status = fc.oneof(fc.constant(200), fc.integer({ min: 100, max: 599 }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        status,
        fc.jsonValue(),
        async (op, code, body) => {
          const { backend } = backendWith(() => ({ status: code, body }));
          const run = (): Promise<unknown> => {
            if (op === 'renew') return backend.seats.renew(lease);
            if (op === 'release') return backend.seats.release(lease);
            if (op === 'request' || op === 'info') return backend.seats[op]('SECRET-KEY');
            if (op === 'activate') return backend.activate({ method: 'key', key: 'SECRET-KEY' });
            return backend[op as 'validate' | 'deactivate']('SECRET-KEY');
          };
          try {
            await run();
          } catch (error) {
            expect(error).toBeInstanceOf(LicensingError);
            expect((error as LicensingError).message).not.toContain('SECRET-KEY');
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a timestamp outside the years 1 to 9999, so no stored time is ever unsafe', () => {
    const beyond = { active: true, tokenExpireAt: { seconds: 999_999_999_999_999 } };
    expect(() => parseReply(heartbeatReply, beyond, HOST)).toThrow(LicensingError);
    const lastValid = { active: true, tokenExpireAt: { seconds: 253_402_300_799 } };
    expect(parseReply(heartbeatReply, lastValid, HOST).tokenExpireAt).toBe(253_402_300_799_000);
  });
});
