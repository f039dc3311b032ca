import { afterEach, beforeEach } from 'vitest';
import {
  enirisDemo,
  startEnirisSandbox,
  type EnirisSandbox,
} from '../../src/sandbox/eniris/server';
import { createManualClock, type ManualClock } from './manual-clock';

/**
 * What the Eniris licence API tests share: a fresh sandbox on a manual clock per test, signed in
 * as the demo installer, raw calls to /v1/license/*, and the vendor's License shape and error
 * envelopes (contract 4.3).
 */

export const ENIRIS_START = Date.UTC(2030, 0, 15, 9, 0, 0);
export const DAY = 86_400_000;
/** The License object's keys, in the order of the vendor's sample. */
export const LICENSE_KEYS = [
  'id',
  'key',
  'gridKw',
  'solarKw',
  'batteryKw',
  'evKw',
  'creationDate',
  'activationDate',
  'duration',
  'deactivationDate',
  'type',
];
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type License = Record<string, unknown> & { key: string; activationDate: string | null };

export const envelope = (statusCode: number, error: string, message: string) => ({
  statusCode,
  error,
  message,
});
export const BAD_REQUEST = envelope(
  400,
  'Bad Request',
  'Missing or misformatted query parameter or body',
);
export const UNAUTHORIZED = envelope(401, 'Unauthorized', 'Failed to verify token');
export const FORBIDDEN = envelope(403, 'Forbidden', 'User does not have sufficient rights');
export const NOT_FOUND = envelope(404, 'Not Found', 'Resource not found');

export interface EnirisLicenceApi {
  readonly sandbox: EnirisSandbox;
  readonly clock: ManualClock;
  /** An access token for this account, by login then /auth/accesstoken. */
  readonly tokenFor: (username: string, password: string) => Promise<string>;
  /** Signs the demo installer in again: later calls use the new access token. */
  readonly signInAgain: () => Promise<void>;
  /** One call to /v1/license/{path}; `token` '' sends none, the default is the demo installer's. */
  readonly api: (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    token?: string,
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
}

/** Registers beforeEach/afterEach in the calling file: each test gets its own sandbox. */
export function enirisLicenceApiPerTest(): EnirisLicenceApi {
  const demo = enirisDemo();
  let started: { sandbox: EnirisSandbox; clock: ManualClock; access: string } | undefined;
  const current = () => {
    if (!started) throw new Error('The Eniris sandbox runs inside a test only.');
    return started;
  };

  const tokenFor = async (username: string, password: string): Promise<string> => {
    const post = (path: string, init: RequestInit) =>
      fetch(`${current().sandbox.url}${path}`, init);
    const refresh = await (
      await post('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
    ).text();
    return (
      await post('/auth/accesstoken', { headers: { authorization: `Bearer ${refresh}` } })
    ).text();
  };

  beforeEach(async () => {
    const clock = createManualClock(ENIRIS_START);
    started = { sandbox: await startEnirisSandbox({ clock }), clock, access: '' };
    started.access = await tokenFor(demo.username, demo.password);
  });
  afterEach(() => current().sandbox.close());

  return {
    get sandbox() {
      return current().sandbox;
    },
    get clock() {
      return current().clock;
    },
    tokenFor,
    async signInAgain() {
      current().access = await tokenFor(demo.username, demo.password);
    },
    async api(method, path, body, token = current().access) {
      const res = await fetch(`${current().sandbox.url}/v1/license/${path}`, {
        method,
        headers: {
          ...(token === '' ? {} : { authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}
