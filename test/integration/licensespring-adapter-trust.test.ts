import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import type { HttpClient } from '../../src/main/http/http-client';
import {
  createLicenseSpringBackend,
  type LicenseSpringOptions,
} from '../../src/main/licensing/backends/licensespring';
import type { LicensingError } from '../../src/main/licensing/licensing-error';
import {
  licenseSpringDemo,
  startLicenseSpringSandbox,
  type LicenseSpringSandbox,
} from '../../src/sandbox/licensespring/server';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock, type ManualClock } from '../support/manual-clock';

/**
 * What the LicenseSpring adapter trusts, against the sandbox over real loopback HTTP: forged
 * answers (v1, v2, edited body) are refused, a wrong clock or wrong vendor keys get messages a
 * person can act on, OAuth tokens are fetched, renewed and retried on the sandbox's token route,
 * and injected faults surface as retryable errors. The sandbox and the client keep separate manual
 * clocks here, so the two can disagree the way real computers do.
 */

const demo = licenseSpringDemo();
const MINUTE = 60_000;

interface Exchange {
  readonly path: string;
  readonly status: number;
}

interface Rig {
  readonly sandbox: LicenseSpringSandbox;
  /** The sandbox's time. */
  readonly server: ManualClock;
  /** This computer's time. */
  readonly local: ManualClock;
  /** Every exchange the adapter made, in order (the HTTP itself is real). */
  readonly seen: Exchange[];
  device(overrides?: Partial<LicenseSpringOptions>): ReturnType<typeof createLicenseSpringBackend>;
  tamper(what: 'v1' | 'v2' | 'body'): Promise<void>;
}

let running: LicenseSpringSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** The sandbox stamps replies with the real time, so both clocks start from it. */
async function startRig(localOffsetMs = 0): Promise<Rig> {
  const start = Math.floor(Date.now() / 1000) * 1000;
  const server = createManualClock(start);
  const local = createManualClock(start + localOffsetMs);
  const sandbox = await startLicenseSpringSandbox({ clock: server });
  running = sandbox;
  const seen: Exchange[] = [];
  const transport = createAxiosHttpClient({ defaultTimeoutMs: 2_000 });
  const recording: HttpClient = {
    async request(req) {
      const response = await transport.request(req);
      seen.push({ path: new URL(req.url).pathname, status: response.status });
      return response;
    },
  };
  return {
    sandbox,
    server,
    local,
    seen,
    device: (overrides = {}) =>
      createLicenseSpringBackend({
        baseUrl: sandbox.url,
        productCode: sandbox.productCode,
        auth: { kind: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
        publicKeyPem: sandbox.publicKeyPem,
        authorizationMethod: 'license-key',
        http: recording,
        clock: local,
        identity: { machineId: 'hw-trust', clientId: 'client-trust', clientName: 'Trust PC' },
        ...overrides,
      }),
    async tamper(what) {
      const reply = await fetch(`${sandbox.url}/__sandbox/tamper`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ what, times: 1 }),
      });
      expect(reply.status).toBe(200);
    },
  };
}

/** No message may carry a secret the adapter holds or sent. */
function expectNoSecrets(error: LicensingError, rig: Rig): void {
  const { apiKey, sharedKey, oauth } = rig.sandbox;
  for (const secret of [apiKey, sharedKey, oauth.clientSecret, demo.nodeLockedKey, demo.password]) {
    expect(error.message).not.toContain(secret);
  }
}

describe('licensespring adapter on the sandbox: forged answers', () => {
  it.each(['v1', 'v2', 'body'] as const)(
    'refuses an answer with a forged %s signature, then trusts the next genuine one',
    async (what) => {
      const rig = await startRig();
      const device = rig.device();
      await device.activate({ method: 'key', key: demo.nodeLockedKey });
      await rig.tamper(what);
      const error = await licensingFailure(device.licenseSpring.check(demo.nodeLockedKey));
      expect(error.code).toBe('tampered');
      expect(error.message).toMatch(/could not be verified as coming from LicenseSpring/);
      expectNoSecrets(error, rig);
      expect((await device.validate(demo.nodeLockedKey)).valid).toBe(true);
    },
  );

  it('refuses a forged consumption answer too (v2 on every signed route)', async () => {
    const rig = await startRig();
    const device = rig.device();
    await device.activate({ method: 'key', key: demo.consumptionKey });
    await rig.tamper('body');
    const error = await licensingFailure(device.licenseSpring.consume(demo.consumptionKey, 1));
    expect(error.code).toBe('tampered');
  });

  it('trusts nothing signed by another key than the configured one', async () => {
    const rig = await startRig();
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const device = rig.device({ publicKeyPem: otherKey });
    const error = await licensingFailure(
      device.activate({ method: 'key', key: demo.nodeLockedKey }),
    );
    expect(error.code).toBe('tampered');
    expect((await licensingFailure(device.licenseSpring.product())).code).toBe('tampered');
  });
});

describe('licensespring adapter on the sandbox: clocks and vendor keys', () => {
  it('says this computer’s clock is 20 minutes behind when the Date is stale', async () => {
    const rig = await startRig(-20 * MINUTE);
    const error = await licensingFailure(
      rig.device().activate({ method: 'key', key: demo.nodeLockedKey }),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(
      /this computer's clock is 20 minutes behind the server's time.*Set this computer's date, time and time zone/,
    );
    expectNoSecrets(error, rig);
  });

  it('says the clock is ahead when it runs 2 hours fast', async () => {
    const rig = await startRig(2 * 60 * MINUTE);
    const error = await licensingFailure(rig.device().licenseSpring.product());
    expect(error.message).toMatch(/clock is 2 hours ahead of the server's time/);
  });

  it('blames the vendor configuration for a wrong shared key, API key or product', async () => {
    const rig = await startRig();
    const refused = async (overrides: Partial<LicenseSpringOptions>) => {
      const error = await licensingFailure(
        rig.device(overrides).activate({ method: 'key', key: demo.nodeLockedKey }),
      );
      expectNoSecrets(error, rig);
      return error;
    };
    const { apiKey } = rig.sandbox;
    const wrongShared = await refused({ auth: { kind: 'hmac', apiKey, sharedKey: 'not-it' } });
    expect(wrongShared).toMatchObject({ code: 'config' });
    expect(wrongShared.message).toMatch(/shared key in the configuration is probably wrong/);
    const unknownKey = await refused({ auth: { kind: 'hmac', apiKey: 'nope', sharedKey: 'x' } });
    expect(unknownKey.message).toMatch(/refused this application's API key/);
    const restricted = await refused({
      auth: { kind: 'hmac', apiKey: '7d2e9b40-1c3f-4a58-9e6d-0b1a2c3d4e5f', sharedKey: 'x' },
    });
    expect(restricted.code).toBe('config');
    const noProduct = await refused({ productCode: 'no-such-product' });
    expect(noProduct.message).toMatch(/does not know product "no-such-product"/);
  });
});

describe('licensespring adapter on the sandbox: OAuth', () => {
  const oauthDevice = (rig: Rig, secret?: string) =>
    rig.device({
      auth: {
        kind: 'oauth',
        ...rig.sandbox.oauth,
        clientSecret: secret ?? rig.sandbox.oauth.clientSecret,
      },
    });
  const tokenRequests = (rig: Rig) => rig.seen.filter((e) => e.path.endsWith('/token')).length;

  it('activates, checks and deactivates with one token, renewed before it lapses', async () => {
    const rig = await startRig();
    const device = oauthDevice(rig);
    await device.activate({ method: 'key', key: demo.nodeLockedKey });
    await device.licenseSpring.check(demo.nodeLockedKey);
    expect(tokenRequests(rig)).toBe(1);
    // 7 minutes on both clocks: past 80% of the 480 s lifetime, before the server drops it.
    rig.server.advance(7 * MINUTE);
    rig.local.advance(7 * MINUTE);
    await device.licenseSpring.check(demo.nodeLockedKey);
    await device.deactivate(demo.nodeLockedKey);
    expect(tokenRequests(rig)).toBe(2);
    expect(rig.seen.filter((e) => e.status === 401)).toEqual([]);
  });

  it('renews once and retries when the server refuses a token it let lapse early', async () => {
    const rig = await startRig();
    const device = oauthDevice(rig);
    await device.activate({ method: 'key', key: demo.nodeLockedKey });
    rig.server.advance(9 * MINUTE); // the server's clock ran on; ours thinks the token is young
    expect((await device.validate(demo.nodeLockedKey)).valid).toBe(true);
    expect(rig.seen.slice(-3).map((e) => [e.path.split('/').pop(), e.status])).toEqual([
      ['check_license', 401],
      ['token', 200],
      ['check_license', 200],
    ]);
  });

  it('calls a refused client secret a configuration problem, without the secret', async () => {
    const rig = await startRig();
    const error = await licensingFailure(
      oauthDevice(rig, 'wrong-secret-123').activate({ method: 'key', key: demo.nodeLockedKey }),
    );
    expect(error.code).toBe('config');
    expect(error.message).toMatch(/OAuth client id or secret/);
    expect(error.message).not.toContain('wrong-secret-123');
  });
});

describe('licensespring adapter on the sandbox: injected faults', () => {
  it.each([
    [{ kind: 'status', status: 503 }, 'server_error'],
    [{ kind: 'status', status: 500 }, 'server_error'],
    [{ kind: 'reset' }, 'offline'],
    [{ kind: 'malformed' }, 'protocol'],
  ] as const)('turns %j into %s, then works again', async (fault, code) => {
    const rig = await startRig();
    const device = rig.device();
    await device.activate({ method: 'key', key: demo.nodeLockedKey });
    rig.sandbox.faults.inject({ ...fault, times: 1, path: '/api/v4/check_license' });
    const error = await licensingFailure(device.licenseSpring.check(demo.nodeLockedKey));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(code !== 'protocol');
    expect((await device.licenseSpring.check(demo.nodeLockedKey)).active).toBe(true);
  });

  it('passes a 429’s Retry-After on', async () => {
    const rig = await startRig();
    rig.sandbox.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 42, times: 1 });
    const error = await licensingFailure(rig.device().licenseSpring.product());
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 42 });
  });

  it('gives up on a server that never answers, within the deadline', async () => {
    const rig = await startRig();
    rig.sandbox.faults.inject({ kind: 'hang', times: 1 });
    const error = await licensingFailure(rig.device({ timeoutMs: 300 }).licenseSpring.product());
    expect(error.code).toBe('timeout');
  });
});
