import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { licensingFailure } from '../support/licensing-failure';
import { demo, startRig, type Rig } from './eniris-rig';

/**
 * The licence endpoints of contract §4.3 and the failures a real network adds, client against
 * sandbox over real HTTP, signed in as the demo installer.
 */

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  await rig.signIn();
});
afterEach(() => rig.sandbox.close());

const UNKNOWN_CUSTOMER = '00000000-0000-4000-8000-000000000000';

describe('eniris client on the sandbox: activate', () => {
  it('activates a free licence now, and again idempotently with the same date', async () => {
    const { client, clock, sandbox } = rig;
    const first = await client.activate(demo.freeKey);
    expect(first).toMatchObject({
      key: demo.freeKey,
      activatedAt: Math.floor(clock.now() / 1000) * 1000,
    });
    expect(first.createdAt).toBeLessThanOrEqual(clock.now());
    await clock.advanceAsync(60_000);
    const again = await client.activate(demo.freeKey);
    expect(again.activatedAt).toBe(first.activatedAt);
    expect(sandbox.licence(demo.freeKey)?.activationDate).toBe(first.activatedAt);
  });

  it('activates with a given activation time', async () => {
    const licence = await rig.client.activate(demo.freeKey, '2026-01-10T08:00:00+01:00');
    expect(licence.activatedAt).toBe(Date.UTC(2026, 0, 10, 7));
  });

  it('keeps an already active licence as it was', async () => {
    const before = rig.sandbox.licence(demo.activeKey)?.activationDate;
    expect((await rig.client.activate(demo.activeKey)).activatedAt).toBe(before);
  });

  it('says which keys are unknown or out of reach', async () => {
    const unknown = await licensingFailure(rig.client.activate('SOF-NOPE-0000'));
    expect(unknown.code).toBe('invalid_key');
    const forbidden = await licensingFailure(rig.client.activate(demo.forbiddenKey));
    expect(forbidden).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/no rights on this licence/) as unknown,
    });
  });
});

describe('eniris client on the sandbox: claim', () => {
  it('links a free licence to a controller, which then lists it', async () => {
    const link = await rig.client.claim(demo.freeKey, demo.otherNodeId);
    expect(link).toMatchObject({ key: demo.freeKey, nodeId: demo.otherNodeId });
    const listed = await rig.client.licencesOfController(demo.otherNodeId);
    expect(listed.map((l) => l.key)).toContain(demo.freeKey);
  });

  it('refuses a licence already linked to another controller', async () => {
    const error = await licensingFailure(rig.client.claim(demo.claimedKey, demo.otherNodeId));
    expect(error.code).toBe('seat_unavailable');
    expect(error.message).toMatch(/already linked to another controller/);
  });

  it('says whether the key or the controller is unknown', async () => {
    const key = await licensingFailure(rig.client.claim('SOF-NOPE-0000', demo.nodeId));
    expect(key).toMatchObject({
      code: 'invalid_key',
      message: expect.stringMatching(/licence key\./) as unknown,
    });
    const node = await licensingFailure(rig.client.claim(demo.freeKey, 'NO-SUCH-NODE'));
    expect(node).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/"NO-SUCH-NODE"/) as unknown,
    });
  });

  it('refuses a controller of another customer', async () => {
    const error = await licensingFailure(rig.client.claim(demo.freeKey, demo.forbiddenNodeId));
    expect(error.code).toBe('unauthorized');
  });
});

describe('eniris client on the sandbox: listings', () => {
  it('lists the licences of a controller', async () => {
    const licences = await rig.client.licencesOfController(demo.nodeId);
    expect(licences.map((l) => l.key)).toContain(demo.claimedKey);
    expect(licences.every((l) => l.datalinks === undefined)).toBe(true);
  });

  it('lists the licences of a customer, with datalinks when asked', async () => {
    const plain = await rig.client.licencesOfCustomer(demo.customerId);
    const linked = await rig.client.licencesOfCustomer(demo.customerId, { includeDatalinks: true });
    expect(plain.length).toBeGreaterThan(0);
    expect(linked.map((l) => l.key).sort()).toEqual(plain.map((l) => l.key).sort());
    expect(plain.every((l) => l.datalinks === undefined)).toBe(true);
    expect(linked.every((l) => Array.isArray(l.datalinks))).toBe(true);
    expect(linked.find((l) => l.key === demo.claimedKey)?.datalinks).not.toHaveLength(0);
    const deactivated = plain.find((l) => l.key === demo.deactivatedKey);
    expect(deactivated?.deactivatedAt).toBeTypeOf('number');
  });

  it('maps rights and unknown ids', async () => {
    const { client } = rig;
    expect((await licensingFailure(client.licencesOfCustomer(demo.forbiddenCustomerId))).code).toBe(
      'unauthorized',
    );
    expect((await licensingFailure(client.licencesOfCustomer(UNKNOWN_CUSTOMER))).code).toBe(
      'invalid_input',
    );
    expect((await licensingFailure(client.licencesOfController('NO-SUCH-NODE'))).code).toBe(
      'invalid_input',
    );
    expect((await licensingFailure(client.licencesOfController(demo.forbiddenNodeId))).code).toBe(
      'unauthorized',
    );
  });
});

describe('eniris client on the sandbox: faults', () => {
  const path = '/v1/license/activate';

  it('maps a 429 to rate_limited with the wait, without retrying on its own', async () => {
    rig.sandbox.faults.inject({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 30,
      path,
      times: 1,
    });
    const error = await licensingFailure(rig.client.activate(demo.freeKey));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
    expect(error.message).toMatch(/Try again in 30 seconds\./);
    await expect(rig.client.activate(demo.freeKey)).resolves.toMatchObject({ key: demo.freeKey });
  });

  it.each([
    [{ kind: 'status', status: 503 } as const, 'server_error'],
    [{ kind: 'malformed' } as const, 'protocol'],
    [{ kind: 'reset' } as const, 'offline'],
    [{ kind: 'hang' } as const, 'timeout'],
  ])('maps the %o fault to %s', async (fault, code) => {
    rig.sandbox.faults.inject({ ...fault, path, times: 1 });
    expect((await licensingFailure(rig.client.activate(demo.freeKey))).code).toBe(code);
  });

  it('maps faults on the access-token endpoint too', async () => {
    await rig.clock.advanceAsync(3 * 60_000);
    rig.sandbox.faults.inject({ kind: 'status', status: 500, path: '/auth/accesstoken', times: 1 });
    expect((await licensingFailure(rig.client.activate(demo.freeKey))).code).toBe('server_error');
    await expect(rig.client.activate(demo.freeKey)).resolves.toBeDefined();
  });
});
