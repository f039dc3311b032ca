import { describe, expect, it } from 'vitest';
import {
  checkHmacKeys,
  hmacAuthorization,
  hmacHeaders,
  httpDate,
  licenseSpringSignature,
} from '../../src/main/licensing/backends/licensespring-signing';
import { licensingFailure } from '../support/licensing-failure';

/** Request signing of contract §5.2, checked against the vendor's documented test vector. */

const DOC_SHARED_KEY = 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja';
const DOC_DATE = 'Tue, 07 Jun 2011 20:51:35 GMT';
const DOC_SIGNATURE = 'UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=';

describe('licensespring request signing', () => {
  it('reproduces the documented test vector', () => {
    expect(licenseSpringSignature(DOC_SHARED_KEY, DOC_DATE)).toBe(DOC_SIGNATURE);
  });

  it('writes the Authorization header as the official SDK does', () => {
    expect(hmacAuthorization('my-api-key', DOC_SHARED_KEY, DOC_DATE)).toBe(
      `algorithm="hmac-sha256",headers="date",signature="${DOC_SIGNATURE}",apikey="my-api-key"`,
    );
  });

  it('dates the request by the injected clock, in RFC 7231 GMT form', () => {
    const at = Date.UTC(2011, 5, 7, 20, 51, 35);
    expect(httpDate(at)).toBe(DOC_DATE);
    expect(hmacHeaders({ apiKey: 'k', sharedKey: DOC_SHARED_KEY }, at)).toEqual({
      Date: DOC_DATE,
      Authorization: `algorithm="hmac-sha256",headers="date",signature="${DOC_SIGNATURE}",apikey="k"`,
    });
  });

  it('signs a different Date differently', () => {
    const later = httpDate(Date.UTC(2011, 5, 7, 20, 51, 36));
    expect(licenseSpringSignature(DOC_SHARED_KEY, later)).not.toBe(DOC_SIGNATURE);
  });

  it.each(['', 'has space', 'quote"inside', 'line\nbreak', 'back\\slash'])(
    'refuses the API key %j as configuration, naming neither key',
    async (apiKey) => {
      const error = await licensingFailure(
        Promise.resolve().then(() => checkHmacKeys(apiKey, DOC_SHARED_KEY)),
      );
      expect(error.code).toBe('config');
      expect(error.message).not.toContain(DOC_SHARED_KEY);
    },
  );

  it('refuses an empty shared key as configuration', async () => {
    const error = await licensingFailure(Promise.resolve().then(() => checkHmacKeys('key', '   ')));
    expect(error.code).toBe('config');
    expect(error.message).toMatch(/shared key/);
  });
});
