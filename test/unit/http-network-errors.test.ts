import { describe, expect, it } from 'vitest';
import { hostOf, networkError } from '../../src/main/http/network-errors';

describe('networkError', () => {
  const host = 'licence.example.com:5455';

  it('gives each unreachable cause its own wording, all offline', () => {
    const causes = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH'];
    const messages = causes.map((code) => {
      const error = networkError(host, { code, message: `connect ${code}` });
      expect(error.code).toBe('offline');
      expect(error.message).toContain(host);
      return error.message;
    });
    expect(new Set(messages).size).toBe(causes.length);
    expect(messages[0]).toMatch(/connection refused/);
    expect(messages[1]).toMatch(/name could not be found/);
  });

  it('treats ENETUNREACH like EHOSTUNREACH and "socket hang up" like a reset', () => {
    expect(networkError(host, { code: 'ENETUNREACH', message: '' }).message).toBe(
      networkError(host, { code: 'EHOSTUNREACH', message: '' }).message,
    );
    expect(networkError(host, { code: '', message: 'socket hang up' }).message).toBe(
      networkError(host, { code: 'ECONNRESET', message: '' }).message,
    );
  });

  it('maps connect timeouts to timeout and TLS failures to a non-retryable config error', () => {
    expect(networkError(host, { code: 'ETIMEDOUT', message: '' }).code).toBe('timeout');
    const tls = networkError(host, { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: '' });
    expect(tls.code).toBe('config');
    expect(tls.retryable).toBe(false);
  });

  it('keeps unknown transport failures offline and readable', () => {
    const error = networkError(host, { code: 'EWHATEVER', message: 'x' });
    expect(error.code).toBe('offline');
    expect(error.message).toContain('EWHATEVER');
  });

  it('names hosts without credentials, paths or queries', () => {
    expect(hostOf('https://user:pw@example.com:8443/v1/x?key=secret')).toBe('example.com:8443');
    expect(hostOf('::not a url')).toBe('the server');
  });
});
