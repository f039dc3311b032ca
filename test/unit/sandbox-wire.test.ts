import { describe, expect, it } from 'vitest';
import {
  duration,
  newLicenseId,
  newToken,
  omitDefaults,
  timestamp,
} from '../../src/sandbox/babel/wire';
import { isLoopback } from '../../src/sandbox/http-util';
import { urlHostFor } from '../../src/sandbox/http-server';

describe('omitDefaults (IgnoreJSonDefaultValues)', () => {
  it('drops false, 0, "", null, undefined and empty arrays at every depth', () => {
    const input = {
      success: false,
      granted: true,
      activeClientCount: 0,
      maxClientCount: 5,
      licenseToken: '',
      clientName: null,
      expireAt: undefined,
      licenseTokens: [],
      tokenExpireAt: { seconds: 12, nanos: 0 },
      license: { licensingMode: 0, licenseId: 'lic00000001', revoked: false },
      list: [{ revoked: false, token: 't' }],
    };
    expect(omitDefaults(input)).toEqual({
      granted: true,
      maxClientCount: 5,
      tokenExpireAt: { seconds: 12 },
      license: { licenseId: 'lic00000001' },
      list: [{ token: 't' }],
    });
  });

  it('keeps array elements positional: a 0 byte in licenseKey stays', () => {
    expect(omitDefaults({ licenseKey: [60, 0, 62] })).toEqual({ licenseKey: [60, 0, 62] });
  });
});

describe('timestamps and durations', () => {
  it('splits milliseconds into seconds and nanos', () => {
    expect(timestamp(1_700_000_000_250)).toEqual({ seconds: 1_700_000_000, nanos: 250_000_000 });
    expect(timestamp(1_700_000_000_000)).toEqual({ seconds: 1_700_000_000, nanos: 0 });
    expect(timestamp(-1)).toEqual({ seconds: -1, nanos: 999_000_000 });
    expect(duration(300)).toEqual({ seconds: 300, nanos: 0 });
  });
});

describe('identifiers', () => {
  it('follow the service default formats', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(newToken('actk_')).toMatch(/^actk_[a-z0-9]{12}$/);
      expect(newToken('fltk_')).toMatch(/^fltk_[a-z0-9]{12}$/);
      expect(newLicenseId()).toMatch(/^lic[0-9A-F]{8}$/);
    }
    expect(new Set(Array.from({ length: 100 }, () => newToken('fltk_'))).size).toBe(100);
  });
});

describe('isLoopback (admin routes answer this computer only)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['192.168.1.127', false],
    ['::ffff:10.127.0.1', false],
    ['1127.0.0.1', false],
    ['127.0.0.1.evil', false],
    ['', false],
    [undefined, false],
  ])('%s -> %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe('urlHostFor', () => {
  it('reaches wildcard binds through loopback and brackets IPv6', () => {
    expect(urlHostFor('127.0.0.1')).toBe('127.0.0.1');
    expect(urlHostFor('0.0.0.0')).toBe('127.0.0.1');
    expect(urlHostFor('::')).toBe('[::1]');
    expect(urlHostFor('::1')).toBe('[::1]');
    expect(urlHostFor('localhost')).toBe('localhost');
  });
});
