import { describe, expect, it } from 'vitest';
import {
  linkFromArgv,
  MAX_LINK_LENGTH,
  parseActivationLink,
  type LinkProfile,
} from '../../src/main/desktop/deep-link';
import { createLinkInbox } from '../../src/main/desktop/link-inbox';
import { LicensingError } from '../../src/main/licensing/licensing-error';

/**
 * Activation links: exactly `licensemgr://activate?key=…[&profile=…]` fills in the activation
 * form; everything else is refused with `invalid_input` and a message that says what to do.
 */

const PROFILES: readonly LinkProfile[] = [
  { id: 'seats', activationMethods: ['key'] },
  { id: 'flecs', activationMethods: ['key', 'account', 'serial'] },
  { id: 'ls-user', activationMethods: ['account'] },
  { id: 'eniris', activationMethods: [] },
];
const KEY = 'FLOAT-AB12C-DE34F-5POOL';

const refusal = (text: unknown, profiles = PROFILES): LicensingError => {
  try {
    parseActivationLink(text, profiles);
  } catch (error) {
    expect(error).toBeInstanceOf(LicensingError);
    return error as LicensingError;
  }
  throw new Error(`accepted ${String(text)}`);
};

describe('parseActivationLink', () => {
  it('reads the key, and the profile when the link names one', () => {
    expect(parseActivationLink(`licensemgr://activate?key=${KEY}`, PROFILES)).toEqual({ key: KEY });
    expect(parseActivationLink(`licensemgr://activate?key=${KEY}&profile=flecs`, PROFILES)).toEqual(
      { key: KEY, profileId: 'flecs' },
    );
    expect(parseActivationLink(`licensemgr://activate?profile=seats&key=${KEY}`, PROFILES)).toEqual(
      { key: KEY, profileId: 'seats' },
    );
  });

  it('takes the forms browsers hand over: a trailing slash, upper-case scheme and host', () => {
    expect(parseActivationLink(`licensemgr://activate/?key=${KEY}`, PROFILES)).toEqual({
      key: KEY,
    });
    expect(parseActivationLink(`LicenseMgr://ACTIVATE?key=${KEY}`, PROFILES)).toEqual({ key: KEY });
  });

  it('decodes %-escapes, keeps a literal + and trims the key as the form does', () => {
    expect(
      parseActivationLink('licensemgr://activate?key=%20A%2BB%26C%3DD+E%20', PROFILES),
    ).toEqual({ key: 'A+B&C=D+E' });
  });

  it.each([
    ['another scheme', `https://activate?key=${KEY}`],
    ['no slashes', `licensemgr:activate?key=${KEY}`],
    ['another action', `licensemgr://deactivate?key=${KEY}`],
    ['a path', `licensemgr://activate/now?key=${KEY}`],
    ['a user name', `licensemgr://me@activate?key=${KEY}`],
    ['a port', `licensemgr://activate:80?key=${KEY}`],
    ['a fragment', `licensemgr://activate?key=${KEY}#x`],
    ['a space', `licensemgr://activate?key=${KEY} `],
    ['a newline', `licensemgr://activate?key=${KEY}\n`],
    ['a tab inside', `licensemgr://acti\tvate?key=${KEY}`],
    ['no query', 'licensemgr://activate'],
    ['not text', 42],
  ])('refuses %s as not an activation link', (_why, text) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/not an activation link.*licensemgr:\/\/activate\?key=/);
  });

  it.each([
    ['no key', 'licensemgr://activate?', /no licence key/],
    ['only a profile', 'licensemgr://activate?profile=seats', /no licence key/],
    ['an empty key', 'licensemgr://activate?key=', /no usable licence key/],
    ['a blank key', 'licensemgr://activate?key=%20%20', /no usable licence key/],
    ['a control character', 'licensemgr://activate?key=AB%0ACD', /no usable licence key/],
    ['a non-ASCII key', 'licensemgr://activate?key=%C3%A9T%C3%A9', /no usable licence key/],
    ['a key too long', `licensemgr://activate?key=${'A'.repeat(257)}`, /no usable licence key/],
    ['a broken escape', 'licensemgr://activate?key=AB%E0%A4%A', /garbled/],
    ['two keys', `licensemgr://activate?key=${KEY}&key=OTHER`, /key twice/],
    ['another parameter', `licensemgr://activate?key=${KEY}&auto=1`, /other than a key/],
    ['an unknown profile', `licensemgr://activate?key=${KEY}&profile=nope`, /does not know/],
    ['a prototype name', `licensemgr://activate?key=${KEY}&profile=__proto__`, /does not know/],
    [
      'a profile without keys',
      `licensemgr://activate?key=${KEY}&profile=ls-user`,
      /not activated with a licence key/,
    ],
    ['a huge link', `licensemgr://activate?key=${'A'.repeat(MAX_LINK_LENGTH)}`, /far longer/],
  ])('refuses %s, saying why, without repeating the key', (_why, text, reason) => {
    const error = refusal(text);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/Ask the sender for the link again, or type the key/);
    expect(error.message).not.toContain(KEY);
  });

  it('refuses a link without a profile when nothing here takes a licence key', () => {
    expect(refusal(`licensemgr://activate?key=${KEY}`, [PROFILES[3]!]).message).toMatch(
      /nothing in this app is activated with one/,
    );
  });
});

describe('linkFromArgv', () => {
  it('finds the link among the flags Electron and Windows add, whatever its case', () => {
    const link = `licensemgr://activate?key=${KEY}`;
    expect(linkFromArgv(['C:\\App\\app.exe', '--allow-file-access-from-files', link])).toBe(link);
    expect(linkFromArgv(['/opt/app', `LICENSEMGR://activate?key=${KEY}`])).toBe(
      `LICENSEMGR://activate?key=${KEY}`,
    );
    expect(linkFromArgv(['/opt/app', '--licensemgr', 'https://example.com'])).toBeUndefined();
  });
});

describe('the link inbox', () => {
  it('holds the latest link until it is taken, once, and rings on each arrival', () => {
    const inbox = createLinkInbox();
    let rings = 0;
    const stop = inbox.onReceived(() => rings++);
    expect(inbox.take(PROFILES)).toEqual({ kind: 'none' });
    inbox.receive(`licensemgr://activate?key=FIRST`);
    inbox.receive(`licensemgr://activate?key=${KEY}&profile=seats`);
    expect(rings).toBe(2);
    expect(inbox.take(PROFILES)).toEqual({ kind: 'activate', key: KEY, profileId: 'seats' });
    expect(inbox.take(PROFILES)).toEqual({ kind: 'none' });
    stop();
    inbox.receive('licensemgr://activate?key=LATE');
    expect(rings).toBe(2);
  });

  it('answers a refused link as a coded error, and keeps no more than a link can be', () => {
    const inbox = createLinkInbox();
    inbox.receive(`licensemgr://activate?key=${'A'.repeat(1_000_000)}`);
    const taken = inbox.take(PROFILES);
    expect(taken).toMatchObject({ kind: 'refused', error: { code: 'invalid_input' } });
    expect(JSON.stringify(taken).length).toBeLessThan(500);
  });
});
