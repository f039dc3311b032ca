import { describe, expect, it } from 'vitest';
import { ProxyFailure, signInSchemes } from '../../src/main/net/proxy-dialogue';

describe("a proxy's sign-in schemes (Proxy-Authenticate)", () => {
  it.each([
    [
      ['Negotiate', 'NTLM'],
      ['negotiate', 'ntlm'],
    ],
    [['Negotiate, NTLM, Basic realm="corp"'], ['negotiate', 'ntlm', 'basic']],
    [['Basic realm="Company, Inc."'], ['basic']],
    [['Basic realm="Corp proxy, NTLM users"'], ['basic']],
    [['Basic realm="Log in, Negotiate or \\"Basic\\", as you like"'], ['basic']],
    [
      ['Digest realm="x", qop="auth", nonce="abc=="', 'Negotiate'],
      ['digest', 'negotiate'],
    ],
    [['Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEFoQMCAQ6iBwMF=='], ['negotiate']],
    [[], []],
  ])('%j offers %j', (challenges, schemes) => {
    expect(signInSchemes(challenges)).toEqual(schemes);
  });

  const refusal = (status: number, schemes: string[]) =>
    new ProxyFailure('proxy.corp:8080', { status, schemes, message: 'refused' });

  it('asks for Windows sign-in only with a 407 offering Negotiate or NTLM', () => {
    expect(refusal(407, ['negotiate']).asksWindowsSignIn).toBe(true);
    expect(refusal(407, ['basic', 'ntlm']).asksWindowsSignIn).toBe(true);
    expect(refusal(407, ['basic']).asksWindowsSignIn).toBe(false);
    expect(refusal(407, ['digest']).asksWindowsSignIn).toBe(false);
    expect(refusal(403, ['negotiate']).asksWindowsSignIn).toBe(false);
  });
});
