import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBundlePath } from '../../src/main/security/bundle-path';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/csp';
import {
  APP_ORIGIN,
  isPermissionAllowed,
  isTrustedUrl,
} from '../../src/main/security/trusted-origin';

const root = resolve('/srv/bundle');

describe('resolveBundlePath', () => {
  it('maps the root and plain files inside the bundle', () => {
    expect(resolveBundlePath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveBundlePath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cwindows',
    '/assets/%00.js',
    '/%E0%A4%A',
    '/a/%2e%2e/%2e%2e/x',
  ])('refuses %s', (path) => {
    expect(resolveBundlePath(root, path)).toBeUndefined();
  });

  it('keeps absolute-looking paths inside the bundle', () => {
    expect(resolveBundlePath(root, '//etc/passwd')).toBe(join(root, 'etc/passwd'));
  });
});

describe('isTrustedUrl', () => {
  const allowed = [APP_ORIGIN];
  it('accepts pages of the app bundle', () => {
    expect(isTrustedUrl('app://bundle/index.html', allowed)).toBe(true);
    expect(isTrustedUrl('app://bundle/#/seats', allowed)).toBe(true);
  });

  it.each([
    'app://bundle.evil/index.html',
    'app://evil/index.html',
    'app://user@bundle/index.html',
    'https://evil.example/app://bundle/',
    'https://bundle/',
    'file:///index.html',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url, allowed)).toBe(false);
  });

  it('refuses missing frames (sender gone)', () => {
    expect(isTrustedUrl(null, allowed)).toBe(false);
    expect(isTrustedUrl(undefined, allowed)).toBe(false);
  });

  it('accepts the dev server only when it is listed', () => {
    expect(isTrustedUrl('http://localhost:5173/', allowed)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', [...allowed, 'http://localhost:5173'])).toBe(
      true,
    );
  });
});

describe('policy', () => {
  it('denies every permission a page could ask for', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });

  it('keeps the CSP strict: no inline or eval script, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
  });
});
