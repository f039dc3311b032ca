import { describe, expect, it } from 'vitest';
import { licensingFailure } from '../support/licensing-failure';
import { DAY, demo, MINUTE, useEnirisRig } from './eniris-rig';

/**
 * Sign-in and the token cadence of contract §4.2, client against sandbox over real HTTP. The two
 * were written apart from the same contract, so a misreading on either side fails here.
 */

const start = useEnirisRig();

describe('eniris client on the sandbox: sign-in', () => {
  it('logs in, uses the session, logs out and revokes the refresh token', async () => {
    const { client, sandbox, peek, vault, signIn } = await start();
    expect(await client.isSignedIn()).toBe(false);
    await signIn();
    const stored = peek();
    expect(stored?.token).toMatch(/^[\x21-\x7e]+$/);
    expect(await client.licencesOfController(demo.nodeId)).not.toHaveLength(0);
    await client.logout();
    expect(peek()).toBeUndefined();
    expect(sandbox.counters()).toMatchObject({ logins: 1, accessTokens: 1, logouts: 1 });
    expect((await licensingFailure(client.activate(demo.freeKey))).message).toBe(
      'Sign in to Eniris first.',
    );
    // The server really forgot it: the old token no longer buys access.
    if (stored) await vault.set(stored);
    const error = await licensingFailure(client.activate(demo.freeKey));
    expect(error.message).toBe('Your Eniris session has expired. Sign in again.');
  });

  it('refuses a wrong password, then locks out with a wait after too many', async () => {
    const { client } = await start({ maxFailedLogins: 3 });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await licensingFailure(client.login(demo.username, 'wrong'))).code).toBe(
        'invalid_credentials',
      );
    }
    const error = await licensingFailure(client.login(demo.username, demo.password));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(
      /too many failed sign-in attempts.*Try again in \d+ (seconds|minutes)\./,
    );
  });

  it('tells an account without a password apart from a wrong password', async () => {
    const { client } = await start();
    const error = await licensingFailure(client.login(demo.noPasswordUsername, 'anything'));
    expect(error.code).toBe('invalid_credentials');
  });
});

describe('eniris client on the sandbox: access tokens', () => {
  it('keeps working across the 10-minute expiry in the middle of a call sequence', async () => {
    const { client, sandbox, clock, signIn } = await start();
    await signIn();
    for (let step = 0; step < 4; step++) {
      await client.licencesOfCustomer(demo.customerId);
      await clock.advanceAsync(11 * MINUTE);
    }
    expect(sandbox.counters().accessTokens).toBe(4);
  });

  it('shares one access-token request between many concurrent calls', async () => {
    const { client, sandbox, signIn } = await start();
    await signIn();
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? client.licencesOfController(demo.nodeId) : client.licencesOfCustomer(demo.customerId),
    );
    await Promise.all(calls);
    expect(sandbox.counters().accessTokens).toBe(1);
  });

  it('renews once and retries when the server has already let the cached token lapse', async () => {
    // A 60 s server lifetime against our 2 min cache: the second call meets a 401 first.
    const { client, sandbox, clock, signIn } = await start({ accessTokenTtlSeconds: 60 });
    await signIn();
    await client.licencesOfController(demo.nodeId);
    await clock.advanceAsync(90_000);
    await expect(client.licencesOfController(demo.nodeId)).resolves.not.toHaveLength(0);
    expect(sandbox.counters().accessTokens).toBe(2);
  });

  it('ends the session when the vendor revokes every token', async () => {
    const { client, admin, signIn, peek } = await start();
    await signIn();
    await client.licencesOfController(demo.nodeId);
    await admin('revoke-tokens');
    const error = await licensingFailure(client.licencesOfController(demo.nodeId));
    expect(error).toMatchObject({
      code: 'invalid_credentials',
      message: 'Your Eniris session has expired. Sign in again.',
    });
    expect(peek()).toBeUndefined();
  });
});

describe('eniris client on the sandbox: refresh tokens', () => {
  it('renews the refresh token after 7 days and keeps going on the new one', async () => {
    const { client, sandbox, clock, signIn, peek } = await start();
    await signIn();
    const first = peek()?.token;
    await clock.advanceAsync(7 * DAY + MINUTE);
    await client.licencesOfController(demo.nodeId);
    expect(sandbox.counters().refreshRenewals).toBe(1);
    expect(peek()).toEqual({
      token: expect.not.stringMatching(first ?? '') as unknown,
      issuedAt: clock.now(),
    });
    // Another 7 days on the renewed token: past 14 days after sign-in, still signed in.
    await clock.advanceAsync(7 * DAY + MINUTE);
    await client.licencesOfController(demo.nodeId);
    expect(sandbox.counters()).toMatchObject({ refreshRenewals: 2, logins: 1 });
  });

  it('asks for a new sign-in once the refresh token is 13 days old', async () => {
    const { client, sandbox, clock, signIn } = await start();
    await signIn();
    await clock.advanceAsync(13 * DAY + MINUTE);
    expect(await client.isSignedIn()).toBe(false);
    const error = await licensingFailure(client.licencesOfController(demo.nodeId));
    expect(error.message).toBe('Your Eniris session has expired. Sign in again.');
    expect(sandbox.counters().accessTokens).toBe(0);
  });

  it('is refused by the server itself after 14 days if the renewal window was missed', async () => {
    // Our vault pretends the token is fresh (a clock set back); the server knows better.
    const { client, clock, signIn, peek, vault } = await start();
    await signIn();
    await clock.advanceAsync(14 * DAY + MINUTE);
    const stored = peek();
    if (stored) await vault.set({ ...stored, issuedAt: clock.now() - MINUTE });
    const error = await licensingFailure(client.licencesOfController(demo.nodeId));
    expect(error.message).toBe('Your Eniris session has expired. Sign in again.');
  });
});
