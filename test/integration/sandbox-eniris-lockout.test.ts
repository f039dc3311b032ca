import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  enirisDemo,
  startEnirisSandbox,
  type EnirisSandbox,
} from '../../src/sandbox/eniris/server';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * The Eniris auth service's TOO_MANY_FAILED_PASSWORD_CHECKS lockout over real loopback HTTP,
 * timed with a manual clock.
 */

const demo = enirisDemo();
const START = Date.UTC(2030, 0, 15, 9, 0, 0);

let sandbox: EnirisSandbox;
let clock: ManualClock;

async function login(username = demo.username, password = demo.password) {
  const res = await fetch(`${sandbox.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: () => JSON.parse(text) as unknown };
}

beforeEach(async () => {
  clock = createManualClock(START);
  sandbox = await startEnirisSandbox({ clock });
});
afterEach(() => sandbox.close());

describe('Eniris auth: TOO_MANY_FAILED_PASSWORD_CHECKS', () => {
  it('locks a username after 5 failures, even for the right password, with retryAfter', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await login(demo.username, `bad-${i}`)).status).toBe(401);
    for (const password of ['bad-again', demo.password]) {
      const res = await login(demo.username, password);
      expect(res.status).toBe(429);
      expect(res.json()).toEqual({
        statusCode: 429,
        error: 'Too many requests',
        message: 'TOO_MANY_FAILED_PASSWORD_CHECKS',
        retryAfter: 300,
      });
      expect(res.headers.get('retry-after')).toBe('300');
    }
    // Another account is not affected.
    expect((await login('installer@other-installer.example', 'OtherDemo!2024')).status).toBe(200);

    clock.advance(299_500);
    const late = await login();
    expect(late.status).toBe(429);
    expect(late.json()).toMatchObject({ retryAfter: 1 });
    clock.advance(500);
    expect((await login()).status).toBe(200);
  });

  it('counts consecutive failures only: a success resets the count', async () => {
    for (let i = 0; i < 4; i += 1) await login(demo.username, 'bad');
    expect((await login()).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login(demo.username, 'bad')).status).toBe(401);
    expect((await login()).status).toBe(200);
  });

  it('honours maxFailedLogins and failedLoginLockoutSeconds', async () => {
    const strict = await startEnirisSandbox({
      clock,
      maxFailedLogins: 2,
      failedLoginLockoutSeconds: 30,
    });
    try {
      const attempt = (password: string) =>
        fetch(`${strict.url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: demo.username, password }),
        });
      expect((await attempt('bad')).status).toBe(401);
      expect((await attempt('bad')).status).toBe(401);
      const locked = await attempt(demo.password);
      expect(locked.status).toBe(429);
      expect(await locked.json()).toMatchObject({ retryAfter: 30 });
      clock.advance(30_000);
      expect((await attempt(demo.password)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
