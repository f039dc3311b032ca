import { createHmac, generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, beforeEach, expect } from 'vitest';
import {
  startLicenseSpringSandbox,
  type LicenseSpringSandbox,
  type LicenseSpringSeed,
} from '../../src/sandbox/licensespring/server';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * A small LicenseSpring client for the sandbox tests. It signs requests and checks response
 * signatures with node:crypto on its own (never the sandbox's helpers), so a misreading of the
 * contract on either side shows up as a failing test instead of cancelling out.
 */

export const START = Date.UTC(2030, 0, 15, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Body = Record<string, unknown>;

let pair: { publicKeyPem: string; privateKeyPem: string } | undefined;
/** One RSA pair per test file: generating one per sandbox would dominate the run time. */
export function testKeyPair() {
  if (!pair) {
    const generated = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    pair = { publicKeyPem: generated.publicKey, privateKeyPem: generated.privateKey };
  }
  return pair;
}

export const hmacDate = (sharedKey: string, date: string) =>
  createHmac('sha256', sharedKey).update(`licenseSpring\ndate: ${date}`).digest('base64');

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON; undefined for an empty body. */
  readonly body: Body;
  readonly json: unknown;
  /** The LicenseSignature header. */
  readonly signature: string | null;
}

export interface CallOptions {
  apiKey?: string;
  bearer?: string;
  /** A Date header value; null = none. Default: the manual clock's now. */
  date?: string | null;
  /** A literal Authorization header; null = none. Default: HMAC with the sandbox's keys. */
  authorization?: string | null;
  /** A raw POST body instead of JSON.stringify(params). */
  rawBody?: string;
}

export function createApi(sandbox: LicenseSpringSandbox, clock: ManualClock) {
  async function request(
    method: 'GET' | 'POST',
    route: string,
    params: Body,
    options: CallOptions = {},
  ): Promise<Answer> {
    const date = options.date === undefined ? new Date(clock.now()).toUTCString() : options.date;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (date !== null) headers.date = date;
    const apiKey = options.apiKey ?? sandbox.apiKey;
    const authorization =
      options.authorization !== undefined
        ? options.authorization
        : options.bearer !== undefined
          ? `Bearer ${options.bearer}`
          : `algorithm="hmac-sha256",headers="date",signature="${hmacDate(sandbox.sharedKey, date ?? '')}",apikey="${apiKey}"`;
    if (authorization !== null) headers.authorization = authorization;
    let url = `${sandbox.url}/api/v4/${route}`;
    let body: string | undefined;
    if (method === 'GET') {
      const query = new URLSearchParams(
        Object.entries(params).map(([k, v]) => [k, String(v)] as [string, string]),
      );
      url += `?${query.toString()}`;
    } else {
      headers['content-type'] = 'application/json';
      body = options.rawBody ?? JSON.stringify(params);
    }
    const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    const json = text === '' ? undefined : (JSON.parse(text) as unknown);
    return {
      status: res.status,
      headers: res.headers,
      text,
      json,
      body: (json ?? {}) as Body,
      signature: res.headers.get('licensesignature'),
    };
  }
  return {
    get: (route: string, params: Body, options?: CallOptions) =>
      request('GET', route, params, options),
    post: (route: string, params: Body, options?: CallOptions) =>
      request('POST', route, params, options),
    /** Identity of a key-based licence on the demo product. */
    key: (licenseKey: string, hardwareId: string, extra: Body = {}) => ({
      hardware_id: hardwareId,
      product: sandbox.productCode,
      license_key: licenseKey,
      ...extra,
    }),
  };
}

export type Api = ReturnType<typeof createApi>;

/** Starts a sandbox on a manual clock before each test and closes it after. */
export function useSandbox(seed?: () => LicenseSpringSeed) {
  const rig = {} as { sandbox: LicenseSpringSandbox; clock: ManualClock; api: Api };
  beforeEach(async () => {
    rig.clock = createManualClock(START);
    rig.sandbox = await startLicenseSpringSandbox({
      clock: rig.clock,
      keyPair: testKeyPair(),
      ...(seed ? { seed: seed() } : {}),
    });
    rig.api = createApi(rig.sandbox, rig.clock);
  });
  afterEach(() => rig.sandbox.close());
  return rig;
}

/** v2: RSA-SHA256 over the exact body bytes. */
export function v2Valid(publicKeyPem: string, answer: Answer): boolean {
  if (answer.signature === null) return false;
  return verify(
    'sha256',
    Buffer.from(answer.text, 'utf8'),
    publicKeyPem,
    Buffer.from(answer.signature, 'base64'),
  );
}

/** v1: RSA-SHA256 over lowercase(hardware_id#id#validity). */
export function v1Valid(publicKeyPem: string, hardwareId: string, id: string, body: Body): boolean {
  const validity =
    typeof body.validity_period === 'string' ? new Date(body.validity_period).toISOString() : '';
  const message = `${hardwareId}#${id}#${validity}`.toLowerCase();
  const signature = typeof body.license_signature === 'string' ? body.license_signature : '';
  return verify('sha256', Buffer.from(message), publicKeyPem, Buffer.from(signature, 'base64'));
}

export async function admin(sandbox: LicenseSpringSandbox, route: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}/__sandbox/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

export const errorBody = (status: number, code: string) => ({
  status,
  code,
  message: expect.any(String) as unknown,
});
