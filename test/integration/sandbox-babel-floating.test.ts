import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBabelSandbox, type BabelSandbox } from '../../src/sandbox/babel/server';
import { demoKeys } from '../../src/sandbox/babel/seed';

/**
 * Floating seats over real loopback HTTP with a manual clock: request, heartbeat, release, pool
 * exhaustion, lapse, revocation while a seat is held, validate and info.
 */

type Body = Record<string, unknown>;
const keys = demoKeys();
const START = Date.UTC(2030, 0, 15, 9, 0, 0);
const SECOND = 1000;
const TTL = 600 * SECOND; // default: 2 x the 300 s heartbeat interval

let sandbox: BabelSandbox;
let now = START;

async function post(route: string, body: unknown) {
  const res = await fetch(`${sandbox.url}/v1/license/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

const keyCall = (userKey: string, clientId = 'app-1', machineId = 'machine-a') => ({
  userKey,
  machineId,
  clientId,
  clientName: `PC-${machineId}`,
});
const tokenCall = (licenseToken: unknown, machineId = 'machine-a', clientId = 'app-1') => ({
  licenseToken,
  machineId,
  clientId,
});
const at = (ms: number) => ({ seconds: ms / 1000 });

beforeEach(async () => {
  now = START;
  sandbox = await startBabelSandbox({ clock: { now: () => now } });
});
afterEach(() => sandbox.close());

describe('Babel sandbox: floating seats', () => {
  it('grants a fltk_ seat with expiry, heartbeat interval and pool counts', async () => {
    const res = await post('request', keyCall(keys.floatingKey));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      granted: true,
      tokenExpireAt: at(START + TTL), // nanos 0 is omitted, so the object has seconds only
      heartbeatInterval: { seconds: 300 },
      activeClientCount: 3, // two simulated colleagues plus us
      maxClientCount: 5,
    });
    expect(res.body.licenseToken).toMatch(/^fltk_[a-z0-9]{12}$/);
    expect(res.body.license).toMatchObject({ licenseId: 'lic4F1A9C2E', licensingMode: 2 });
    expect(sandbox.poolCounts()[keys.floatingKey]).toEqual({ activation: 0, floating: 3 });
  });

  it('gives the same client its live seat again, extended; another client gets another seat', async () => {
    const first = await post('request', keyCall(keys.floatingKey));
    now += 100 * SECOND;
    const again = await post('request', keyCall(keys.floatingKey));
    expect(again.body.licenseToken).toBe(first.body.licenseToken);
    expect(again.body.tokenExpireAt).toEqual(at(now + TTL));
    expect(again.body.activeClientCount).toBe(3);

    const other = await post('request', keyCall(keys.floatingKey, 'app-2'));
    expect(other.body.licenseToken).not.toBe(first.body.licenseToken);
    expect(other.body.activeClientCount).toBe(4);
  });

  it('answers 409 ServerReachedMaxTokenAllowed naming active/max when the pool is full', async () => {
    expect((await post('request', keyCall(keys.singleSeatKey, 'app-1'))).status).toBe(200);
    const full = await post('request', keyCall(keys.singleSeatKey, 'app-2', 'machine-b'));
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('ServerReachedMaxTokenAllowed');
    expect(full.body.message).toContain('active 1, max 1');
  });

  it('extends the seat on heartbeat and keeps it alive as long as heartbeats come', async () => {
    const seat = await post('request', keyCall(keys.singleSeatKey));
    for (let beat = 0; beat < 4; beat += 1) {
      now += TTL - SECOND; // always just inside the window
      const res = await post('heartbeat', tokenCall(seat.body.licenseToken));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        active: true,
        activeClientCount: 1,
        maxClientCount: 1,
        tokenExpireAt: at(now + TTL),
        heartbeatInterval: { seconds: 300 },
      });
    }
    expect(sandbox.poolCounts()[keys.singleSeatKey]?.floating).toBe(1);
  });

  it('refuses a heartbeat from another machine (500 TokenTampered) and unknown tokens (404)', async () => {
    const seat = await post('request', keyCall(keys.floatingKey));
    const stolen = await post('heartbeat', tokenCall(seat.body.licenseToken, 'machine-z'));
    expect([stolen.status, stolen.body.code]).toEqual([500, 'TokenTampered']);
    expect((await post('heartbeat', tokenCall(seat.body.licenseToken))).status).toBe(200);

    const unknown = await post('heartbeat', tokenCall('fltk_000000000000'));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'TokenNotFound']);
  });

  it('lets an unheartbeated seat lapse back into the pool when the clock passes its expiry', async () => {
    const seat = await post('request', keyCall(keys.singleSeatKey));
    now += TTL - 1;
    expect(sandbox.poolCounts()[keys.singleSeatKey]?.floating).toBe(1);
    now += 1;
    expect(sandbox.poolCounts()[keys.singleSeatKey]?.floating).toBe(0);

    const late = await post('heartbeat', tokenCall(seat.body.licenseToken));
    expect([late.status, late.body.code]).toEqual([403, 'TokenExpired']);
    const release = await post('release', tokenCall(seat.body.licenseToken));
    expect([release.status, release.body.code]).toEqual([404, 'TokenNotFound']);

    const next = await post('request', keyCall(keys.singleSeatKey, 'app-2', 'machine-b'));
    expect(next.status).toBe(200);
    expect(next.body.activeClientCount).toBe(1);
  });

  it('honours a custom heartbeat interval and TTL', async () => {
    const custom = await startBabelSandbox({
      clock: { now: () => now },
      heartbeatIntervalSeconds: 30,
      floatingTokenTtlSeconds: 45,
    });
    try {
      const res = await fetch(`${custom.url}/v1/license/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': custom.apiKey },
        body: JSON.stringify(keyCall(keys.singleSeatKey)),
      });
      const body = (await res.json()) as Body;
      expect(body).toMatchObject({
        heartbeatInterval: { seconds: 30 },
        tokenExpireAt: at(now + 45 * SECOND),
      });
      now += 45 * SECOND;
      expect(custom.poolCounts()[keys.singleSeatKey]?.floating).toBe(0);
    } finally {
      await custom.close();
    }
  });

  it('releases a seat; the emptied pool omits activeClientCount; a second release is 404', async () => {
    const seat = await post('request', keyCall(keys.singleSeatKey));
    const res = await post('release', tokenCall(seat.body.licenseToken));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ licenseId: 'lic0D5F3B68', maxClientCount: 1 });
    expect((await post('release', tokenCall(seat.body.licenseToken))).status).toBe(404);
    expect((await post('heartbeat', tokenCall(seat.body.licenseToken))).status).toBe(404);
  });

  it('answers a heartbeat after revocation with active omitted (false) and drops the seat', async () => {
    const seat = await post('request', keyCall(keys.singleSeatKey));
    const admin = await fetch(`${sandbox.url}/__sandbox/revoke`, {
      method: 'POST',
      body: JSON.stringify({ userKey: keys.singleSeatKey }),
    });
    expect(admin.status).toBe(200);

    const res = await post('heartbeat', tokenCall(seat.body.licenseToken));
    expect(res.status).toBe(200);
    // active:false and activeClientCount:0 are defaults, so neither is on the wire.
    expect(res.body).toEqual({ maxClientCount: 1, heartbeatInterval: { seconds: 300 } });
    expect(sandbox.poolCounts()[keys.singleSeatKey]?.floating).toBe(0);
    expect((await post('heartbeat', tokenCall(seat.body.licenseToken))).status).toBe(404);
    expect((await post('request', keyCall(keys.singleSeatKey))).body.code).toBe('LicenseRevoked');

    sandbox.setRevoked(keys.singleSeatKey, false);
    expect((await post('request', keyCall(keys.singleSeatKey))).status).toBe(200);
  });

  it('validates a floating licence with this client’s live seat, and without one for others', async () => {
    const seat = await post('request', keyCall(keys.floatingKey));
    const mine = await post('validate', keyCall(keys.floatingKey));
    expect(mine.body).toMatchObject({
      success: true,
      licenseToken: seat.body.licenseToken,
      activeClientCount: 3,
    });
    const theirs = await post('validate', keyCall(keys.floatingKey, 'app-9', 'machine-z'));
    expect(theirs.status).toBe(200);
    expect(theirs.body).not.toHaveProperty('licenseToken');
    expect(theirs.body).not.toHaveProperty('tokenExpireAt');
  });
});

describe('Babel sandbox: info and simulated colleagues', () => {
  it('lists every live token with who holds it, the caller address and lastHearbeat (sic)', async () => {
    const seat = await post('request', keyCall(keys.floatingKey));
    now += 120 * SECOND;
    await post('heartbeat', tokenCall(seat.body.licenseToken));
    const res = await post('info', keyCall(keys.floatingKey));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      licenseId: 'lic4F1A9C2E',
      licensingMode: 2,
      maxClientCount: 5,
      activeClientCount: 3,
    });
    expect(res.body).not.toHaveProperty('revoked'); // false is a default
    const tokens = res.body.licenseTokens as Body[];
    expect(tokens.map((t) => t.clientName)).toEqual(['LAB-PC-07', 'DESIGN-WS-2', 'PC-machine-a']);
    expect(tokens[2]).toEqual({
      token: seat.body.licenseToken,
      licenseId: 'lic4F1A9C2E',
      clientId: 'app-1',
      clientAddr: '127.0.0.1',
      clientName: 'PC-machine-a',
      machineId: 'machine-a',
      issuedAt: at(START),
      expireAt: at(now + TTL),
      lastHearbeat: at(now),
    });
  });

  it('keeps simulated colleagues forever, appearing to heartbeat on schedule', async () => {
    now += 10 * 86_400_000 + 7 * SECOND;
    const res = await post('info', keyCall(keys.floatingKey));
    const tokens = res.body.licenseTokens as Body[];
    expect(tokens.map((t) => t.clientName)).toEqual(['LAB-PC-07', 'DESIGN-WS-2']);
    for (const token of tokens) {
      const last = (token.lastHearbeat as { seconds: number }).seconds * 1000;
      expect(now - last).toBeLessThan(300 * SECOND);
      expect(token.expireAt).toEqual(at(last + TTL));
      expect(token.clientAddr).toMatch(/^192\.0\.2\./);
    }
    expect(res.body.activeClientCount).toBe(2);
  });

  it('writes nanos when the clock is not on a whole second, and omits them when it is', async () => {
    now = START + 250;
    const res = await post('request', keyCall(keys.floatingKey));
    expect(res.body.tokenExpireAt).toEqual({ seconds: (START + TTL) / 1000, nanos: 250_000_000 });
    expect(res.body.heartbeatInterval).toEqual({ seconds: 300 });
  });
});
