import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  formatDate,
  formatDateTime,
  formatDayDistance,
  formatDuration,
  formatRelative,
  isoTime,
} from '../../src/renderer/src/lib/format';
import { cleanPastedKey, keyProblem } from '../../src/renderer/src/lib/licence-key';
import { errorHint, errorTitle } from '../../src/renderer/src/lib/error-text';

// The renderer's pure helpers: what a person reads in countdowns, tables and error callouts.
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** The no-break space the formatters put between number and unit. */
const nb = (text: string): string => text.replace(/ (?=[smhd]\b)/g, '\u00a0');

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5 * S, '0 s'],
    [1, '1 s'],
    [42 * S, '42 s'],
    [59 * S + 1, '1 m'],
    [2 * M + 10 * S, '2 m 10 s'],
    [2 * M, '2 m'],
    [3 * H + 5 * M, '3 h 5 m'],
    [4 * D + 3 * H, '4 d 3 h'],
    [4 * D, '4 d'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(nb(text));
  });
});

describe('formatRelative', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now, 'just now'],
    [now - 4 * S, 'just now'],
    [now - 12 * S, '12 s ago'],
    [now - (48 * M + 59 * S), '48 m ago'],
    [now - (H + 32 * M + 5 * S), '1 h 32 m ago'],
    [now - 2 * H, '2 h ago'],
    [now - (9 * D + 5 * H), '9 d ago'],
    [now + 3 * M + 30 * S, 'in 3 m'],
  ])('%d reads "%s"', (at, text) => {
    expect(formatRelative(at, now)).toBe(nb(text));
  });
});

describe('day distances', () => {
  const now = Date.UTC(2026, 0, 10, 12);
  it('rounds up to whole days and words the near ones', () => {
    expect(formatDayDistance(daysUntil(now + 21 * D, now))).toBe('in 21 days');
    expect(formatDayDistance(daysUntil(now + 20 * H, now))).toBe('tomorrow');
    expect(formatDayDistance(daysUntil(now - 2 * H, now))).toBe('today');
    expect(formatDayDistance(daysUntil(now - 36 * H, now))).toBe('yesterday');
    expect(formatDayDistance(daysUntil(now - 12 * D, now))).toBe('12 days ago');
  });
  it('formats a pinned locale and zone', () => {
    expect(formatDate(now, 'en-GB', 'UTC')).toBe('10 Jan 2026');
  });
});

describe('licence keys', () => {
  it('cleans what e-mail and PDF copies add around a key', () => {
    expect(cleanPastedKey('  FLOAT-AAAA-\r\nBBBB\t ')).toBe('FLOAT-AAAA-BBBB');
  });
  it('catches slips before a round trip, mirroring the contract', () => {
    expect(keyProblem('   ')).toMatch(/Enter a licence key/);
    expect(keyProblem('A'.repeat(257))).toMatch(/at most 256/);
    expect(keyProblem('KEY-ÄÖÜ')).toMatch(/stray characters/);
    expect(keyProblem(' FLOAT-7H2KQ-M9XCP-5POOL ')).toBeNull();
  });
});

describe('error wording', () => {
  it('names the unreachable server for offline errors', () => {
    expect(errorTitle('offline')).toBe("Can't reach the licensing server");
  });
  it('prefers the server-given wait over the generic retry hint', () => {
    expect(errorHint({ code: 'rate_limited', message: 'x', retryAfterSeconds: 90 })).toBe(
      `Try again in ${nb('1 m 30 s')}.`,
    );
    expect(errorHint({ code: 'timeout', message: 'x', retryable: true })).toMatch(/temporary/);
    expect(errorHint({ code: 'invalid_key', message: 'x' })).toBeUndefined();
  });
});

describe('timestamps a server should not send', () => {
  it('reads as an unknown date instead of throwing', () => {
    const wild = 9e15;
    expect(formatDate(wild)).toBe('unknown date');
    expect(formatDateTime(wild)).toBe('unknown date');
    expect(isoTime(wild)).toBeUndefined();
    expect(isoTime(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
