import { describe, expect, it } from 'vitest';
import { licensingFailure } from '../support/licensing-failure';
import { DAY, fastify, MINUTE, NODE_ID, setup, T0 } from './eniris-fake-api';

/** The access/refresh token cadence of contract §4.2, on a manual clock against the fake. */

describe('eniris client: access tokens', () => {
  it('fetches one access token with the refresh token and reuses it while young', async () => {
    const { client, server, clock } = await setup({ signedIn: true });
    await client.licencesOfController(NODE_ID);
    await clock.advanceAsync(MINUTE);
    await client.licencesOfController(NODE_ID);
    expect(server.count('/auth/accesstoken')).toBe(1);
    const [tokenRequest, first, second] = server.sent;
    expect(tokenRequest?.headers?.Authorization).toBe('Bearer rt.1');
    expect(first?.headers?.Authorization).toBe('Bearer at.2');
    expect(second?.headers?.Authorization).toBe('Bearer at.2');
  });

  it('renews early, once the cached token is 2 minutes old, well before its 10 minutes', async () => {
    const { client, server, clock } = await setup({ signedIn: true });
    await client.licencesOfController(NODE_ID);
    await clock.advanceAsync(2 * MINUTE + 1);
    await client.licencesOfController(NODE_ID);
    expect(server.count('/auth/accesstoken')).toBe(2);
  });

  it('keeps a call sequence working across the 10-minute expiry of the first token', async () => {
    const { client, server, clock } = await setup({ signedIn: true });
    for (let step = 0; step < 6; step++) {
      await client.licencesOfController(NODE_ID);
      await clock.advanceAsync(4 * MINUTE);
    }
    expect(server.count('/v1/license/controller/node-7f3a')).toBe(6);
    expect(server.count('/auth/accesstoken')).toBe(6);
  });

  it('shares one renewal between many concurrent calls (single flight)', async () => {
    const { client, server, clock } = await setup({ signedIn: true });
    const calls = () => Array.from({ length: 25 }, () => client.licencesOfController(NODE_ID));
    await Promise.all(calls());
    expect(server.count('/auth/accesstoken')).toBe(1);
    await clock.advanceAsync(3 * MINUTE);
    await Promise.all(calls());
    expect(server.count('/auth/accesstoken')).toBe(2);
    expect(server.count('/v1/license/controller/node-7f3a')).toBe(50);
  });

  it('hands a failed renewal to every waiter, then tries afresh on the next call', async () => {
    const { client, server } = await setup({ signedIn: true });
    let failures = 1;
    server.override((_, path) =>
      path === '/auth/accesstoken' && failures-- > 0
        ? fastify(503, 'Unavailable', 'down')
        : undefined,
    );
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => client.licencesOfController(NODE_ID)),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(server.count('/auth/accesstoken')).toBe(1);
    await expect(client.licencesOfController(NODE_ID)).resolves.toHaveLength(1);
    expect(server.count('/auth/accesstoken')).toBe(2);
  });

  it('says "Sign in to Eniris first." and sends nothing when nobody signed in', async () => {
    const { client, server } = await setup();
    const error = await licensingFailure(client.licencesOfController(NODE_ID));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe('Sign in to Eniris first.');
    expect(server.sent).toHaveLength(0);
  });
});

describe('eniris client: a stale access token (API 401)', () => {
  it('drops it, renews once and retries the call once', async () => {
    const { client, server, events } = await setup({ signedIn: true });
    await client.licencesOfController(NODE_ID);
    server.forgetAccessTokens(); // the server restarted
    events.length = 0;
    await expect(client.licencesOfController(NODE_ID)).resolves.toHaveLength(1);
    expect(events).toEqual([
      'GET /v1/license/controller/node-7f3a',
      'GET /auth/accesstoken',
      'GET /v1/license/controller/node-7f3a',
    ]);
  });

  it('renews once for many calls refused at the same time', async () => {
    const { client, server } = await setup({ signedIn: true });
    await client.licencesOfController(NODE_ID);
    server.forgetAccessTokens();
    await Promise.all(Array.from({ length: 10 }, () => client.licencesOfController(NODE_ID)));
    expect(server.count('/auth/accesstoken')).toBe(2);
  });

  it('gives up with invalid_credentials on a second 401, without a third try', async () => {
    const { client, server, peek } = await setup({ signedIn: true });
    server.override((_, path) =>
      path.startsWith('/v1/') ? fastify(401, 'Unauthorized', 'Failed to verify token') : undefined,
    );
    const error = await licensingFailure(client.licencesOfController(NODE_ID));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toMatch(/freshly issued access token.*Sign in again/);
    expect(server.count('/v1/license/controller/node-7f3a')).toBe(2);
    expect(server.count('/auth/accesstoken')).toBe(2);
    // The refresh token was accepted a moment ago: it stays, a sign-in replaces it anyway.
    expect(peek()?.token).toBe('rt.1');
  });
});

describe('eniris client: refresh tokens', () => {
  it('renews the refresh token after 7 days, storing it before using it and revoking the old one', async () => {
    const { client, clock, events, peek } = await setup({ signedIn: true });
    await clock.advanceAsync(7 * DAY + MINUTE);
    await client.licencesOfController(NODE_ID);
    expect(events).toEqual([
      'GET /auth/refreshtoken',
      'vault.set rt.2',
      'POST /auth/logout',
      'GET /auth/accesstoken',
      'GET /v1/license/controller/node-7f3a',
    ]);
    expect(peek()).toEqual({ token: 'rt.2', issuedAt: T0 + 7 * DAY + MINUTE });
  });

  it('does not renew a refresh token younger than 7 days', async () => {
    const { client, clock, server } = await setup({ signedIn: true });
    await clock.advanceAsync(7 * DAY - MINUTE);
    await client.licencesOfController(NODE_ID);
    expect(server.count('/auth/refreshtoken')).toBe(0);
  });

  it('keeps the old refresh token when renewal fails for a passing reason', async () => {
    const { client, clock, server, peek } = await setup({ signedIn: true });
    server.override((_, path) =>
      path === '/auth/refreshtoken' ? fastify(503, 'Service Unavailable', 'busy') : undefined,
    );
    await clock.advanceAsync(8 * DAY);
    await expect(client.licencesOfController(NODE_ID)).resolves.toHaveLength(1);
    expect(peek()?.token).toBe('rt.1');
  });

  it('ends the session when renewal is refused', async () => {
    const { client, clock, server, peek } = await setup({ signedIn: true });
    server.override((_, path) =>
      path === '/auth/refreshtoken' ? fastify(401, 'Unauthorized', 'NO_TOKEN_PROVIDED') : undefined,
    );
    await clock.advanceAsync(8 * DAY);
    const error = await licensingFailure(client.licencesOfController(NODE_ID));
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe('Your Eniris session has expired. Sign in again.');
    expect(peek()).toBeUndefined();
  });

  it('ends the session after 13 days without asking the server', async () => {
    const { client, clock, server, peek } = await setup({ signedIn: true });
    await clock.advanceAsync(13 * DAY + MINUTE);
    expect(await client.isSignedIn()).toBe(false);
    const error = await licensingFailure(client.activate('ENI-FREE-0001'));
    expect(error.message).toBe('Your Eniris session has expired. Sign in again.');
    expect(server.sent).toHaveLength(0);
    expect(peek()).toBeUndefined();
  });

  it('ends the session when the access-token endpoint refuses the refresh token', async () => {
    const { client, server, peek } = await setup({ signedIn: true });
    server.override((_, path) =>
      path === '/auth/accesstoken'
        ? fastify(401, 'Unauthorized', 'Failed to verify token')
        : undefined,
    );
    const error = await licensingFailure(client.licencesOfController(NODE_ID));
    expect(error.message).toBe('Your Eniris session has expired. Sign in again.');
    expect(peek()).toBeUndefined();
    expect(await client.isSignedIn()).toBe(false);
  });

  it('stores nothing from a renewal that a logout overtook', async () => {
    const { client, clock, peek } = await setup({ signedIn: true });
    await clock.advanceAsync(8 * DAY);
    const call = client.licencesOfController(NODE_ID);
    await client.logout();
    const error = await licensingFailure(call);
    expect(error.message).toBe('Sign in to Eniris first.');
    expect(peek()).toBeUndefined();
  });
});
