import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSessionId,
  newerStamp,
  sessionFromHeader,
} from '../../src/main/licensing/backends/flecs-wire';

/** The X-Session-Id response header: JSON on the way back, never trusted blindly. */

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const uuid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));

describe('sessionFromHeader', () => {
  it('reads the documented JSON form, with the Rust tests’ timestamp', () => {
    expect(
      sessionFromHeader('{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","timestamp":17243237291234}'),
    ).toEqual({ id: '0f8fad5b-d9cb-469f-a165-70867728950e', timestamp: 17243237291234 });
  });

  it('round-trips any valid id and timestamp', () => {
    fc.assert(
      fc.property(uuid, fc.option(fc.nat(), { nil: undefined }), (id, timestamp) => {
        expect(sessionFromHeader(JSON.stringify({ id, timestamp }))).toEqual({ id, timestamp });
      }),
    );
  });

  it('never yields an id outside the console pattern, whatever the header says', () => {
    const anyJson = fc.json().map((json) => json);
    const nearlyValid = uuid.chain((id) =>
      fc.constantFrom(
        id,
        JSON.stringify(id),
        JSON.stringify({ id: `A${id.slice(1)}` }),
        JSON.stringify({ id, timestamp: -1 }),
        JSON.stringify({ id, timestamp: '1' }),
        JSON.stringify({ id: `{${id}}` }),
        JSON.stringify([{ id }]),
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), anyJson, nearlyValid), (header) => {
        const stamp = sessionFromHeader(header);
        if (stamp !== undefined) expect(isSessionId(stamp.id)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(nearlyValid, (header) => {
        expect(sessionFromHeader(header)).toBeUndefined();
      }),
    );
  });

  it('ignores an absent or empty header', () => {
    expect(sessionFromHeader(undefined)).toBeUndefined();
    expect(sessionFromHeader('  ')).toBeUndefined();
  });
});

describe('newerStamp', () => {
  const a = { id: '0f8fad5b-d9cb-469f-a165-70867728950e', timestamp: 1 };
  const b = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', timestamp: 2 };

  it('prefers the later timestamp, else the second (more specific) source', () => {
    expect(newerStamp(a, b)).toBe(b);
    expect(newerStamp(b, a)).toBe(b);
    expect(newerStamp({ ...a, timestamp: 2 }, b)).toBe(b);
    expect(newerStamp({ id: a.id }, b)).toBe(b);
    expect(newerStamp(b, { id: a.id })).toEqual({ id: a.id });
    expect(newerStamp(undefined, a)).toBe(a);
    expect(newerStamp(a, undefined)).toBe(a);
    expect(newerStamp(undefined, undefined)).toBeUndefined();
  });
});
