import { describe, expect, it } from 'vitest';
import { createEnirisClient } from '../../src/main/licensing/backends/eniris';
import { licensingFailure } from '../support/licensing-failure';
import { createManualClock } from '../support/manual-clock';
import {
  createFakeEniris,
  createMemoryVault,
  CUSTOMER_ID,
  FREE_KEY,
  NODE_ID,
  setup,
  wireLicence,
} from './eniris-fake-api';

/** The licence endpoints (contract §4.3): requests as documented, replies as the vendor shows them. */

const API = 'https://api.eniris.example';

/** The vendor page's example reply, verbatim. */
const VENDOR_EXAMPLE = {
  success: true,
  license: {
    id: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
    key: 'string',
    gridKw: null,
    solarKw: null,
    batteryKw: null,
    evKw: null,
    creationDate: '2019-08-24T14:15:22Z',
    activationDate: null,
    duration: 0,
    deactivationDate: null,
    type: 'residential',
  },
};

describe('eniris client: activate', () => {
  it('posts the key with the access token and reads the vendor example reply', async () => {
    const { client, server } = await setup({ signedIn: true });
    server.override((_, path) =>
      path === '/v1/license/activate' ? { status: 200, body: VENDOR_EXAMPLE } : undefined,
    );
    const licence = await client.activate(` ${FREE_KEY}\n`);
    expect(server.sent[1]).toMatchObject({
      method: 'POST',
      url: `${API}/v1/license/activate`,
      headers: { Authorization: 'Bearer at.2', Accept: 'application/json' },
      body: { key: FREE_KEY },
    });
    expect(licence).toEqual({
      id: '497f6eca-6276-4993-bfeb-53cbbbba6f08',
      key: 'string',
      gridKw: null,
      solarKw: null,
      batteryKw: null,
      evKw: null,
      createdAt: Date.UTC(2019, 7, 24, 14, 15, 22),
      duration: 0,
      type: 'residential',
    });
  });

  it('sends activationIso as UTC and maps the dates to epoch ms', async () => {
    const { client, server } = await setup({ signedIn: true });
    const licence = await client.activate(FREE_KEY, '2026-03-01T10:30:00+01:00');
    expect(server.sent[1]?.body).toEqual({
      key: FREE_KEY,
      activationIso: '2026-03-01T09:30:00.000Z',
    });
    expect(licence.activatedAt).toBe(Date.UTC(2026, 2, 1, 9, 30));
    expect(licence.deactivatedAt).toBeUndefined();
  });

  it('is idempotent: a second activation keeps the first activation date', async () => {
    const { client } = await setup({ signedIn: true });
    const first = await client.activate(FREE_KEY, '2026-01-01T00:00:00Z');
    const second = await client.activate(FREE_KEY);
    expect(second.activatedAt).toBe(first.activatedAt);
  });

  it.each([
    ['', /Enter a licence key/],
    ['K'.repeat(51), /at most 50 characters; this one has 51/],
    ['ABC\tDEF', /control characters/],
  ])('refuses the key %j before sending', async (key, message) => {
    const { client, server } = await setup({ signedIn: true });
    for (const run of [() => client.activate(key), () => client.claim(key, NODE_ID)]) {
      const error = await licensingFailure(run());
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
    expect(server.sent).toHaveLength(0);
  });

  it.each([
    '2026-01-15',
    '2026-01-15T09:00:00',
    '2026-02-30T00:00:00Z',
    'tomorrow',
    '15/01/2026 09:00Z',
  ])('refuses the activation time %j before sending', async (iso) => {
    const { client, server } = await setup({ signedIn: true });
    const error = await licensingFailure(client.activate(FREE_KEY, iso));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/ISO-8601 date-time with a time zone/);
    expect(server.sent).toHaveLength(0);
  });

  it('accepts a key of exactly 50 characters', async () => {
    const { client, server } = await setup({ signedIn: true });
    await licensingFailure(client.activate('K'.repeat(50)));
    expect(server.sent[1]?.body).toEqual({ key: 'K'.repeat(50) });
  });
});

describe('eniris client: claim', () => {
  it('posts licenseKey and nodeId and returns the link', async () => {
    const { client, server } = await setup({ signedIn: true });
    await expect(client.claim(FREE_KEY, ` ${NODE_ID} `)).resolves.toEqual({
      id: 'lic-1',
      key: FREE_KEY,
      nodeId: NODE_ID,
    });
    expect(server.sent[1]).toMatchObject({
      method: 'POST',
      url: `${API}/v1/license/claim`,
      body: { licenseKey: FREE_KEY, nodeId: NODE_ID },
    });
  });

  it.each([
    ['', /Enter the node id/],
    ['n'.repeat(129), /at most 128/],
    ['a\nb', /control characters/],
  ])('refuses the node id %j before sending', async (nodeId, message) => {
    const { client, server } = await setup({ signedIn: true });
    for (const run of [
      () => client.claim(FREE_KEY, nodeId),
      () => client.licencesOfController(nodeId),
    ]) {
      expect((await licensingFailure(run())).message).toMatch(message);
    }
    expect(server.sent).toHaveLength(0);
  });
});

describe('eniris client: listings', () => {
  it('gets the licences of a controller, with the node id escaped into the path', async () => {
    const { client, server } = await setup({ signedIn: true });
    await expect(client.licencesOfController(NODE_ID)).resolves.toHaveLength(1);
    await licensingFailure(client.licencesOfController('site 4/hub#2'));
    expect(server.sent.map((r) => [r.method, r.url])).toEqual([
      ['GET', 'https://authentication.eniris.example/auth/accesstoken'],
      ['GET', `${API}/v1/license/controller/${NODE_ID}`],
      ['GET', `${API}/v1/license/controller/site%204%2Fhub%232`],
    ]);
    expect(server.sent[1]?.body).toBeUndefined();
  });

  it('gets the licences of a customer, asking for datalinks only when told to', async () => {
    const { client, server } = await setup({ signedIn: true });
    const plain = await client.licencesOfCustomer(CUSTOMER_ID.toUpperCase());
    const linked = await client.licencesOfCustomer(CUSTOMER_ID, { includeDatalinks: true });
    expect(server.sent.slice(1).map((r) => r.url)).toEqual([
      `${API}/v1/license/customer/${CUSTOMER_ID}`,
      `${API}/v1/license/customer/${CUSTOMER_ID}?includeDatalinks=true`,
    ]);
    expect(plain[0]?.datalinks).toBeUndefined();
    expect(linked[0]?.datalinks).toEqual(['d-1', 'd-2']);
  });

  it.each(['', 'customer-7', '2b1f0c8e5d4a4c3b9a2f0e1d2c3b4a59', `${CUSTOMER_ID}/x`])(
    'refuses the customer id %j before sending',
    async (customerId) => {
      const { client, server } = await setup({ signedIn: true });
      expect((await licensingFailure(client.licencesOfCustomer(customerId))).message).toMatch(
        /is a uuid/,
      );
      expect(server.sent).toHaveLength(0);
    },
  );

  it('reads every field of a full licence, nulls and offsets included', async () => {
    const { client, server } = await setup({ signedIn: true });
    const full = wireLicence('K1', {
      gridKw: 17.25,
      activationDate: '2026-01-01T12:00:00.250+02:00',
      deactivationDate: '2027-01-01T00:00:00Z',
      datalinks: [],
      type: 'commercial',
    });
    const licenses = [full, wireLicence('K2', { solarKw: undefined })];
    server.override((_, path) =>
      path.startsWith('/v1/') ? { status: 200, body: { licenses } } : undefined,
    );
    const [first, second] = await client.licencesOfController(NODE_ID);
    expect(first).toMatchObject({
      gridKw: 17.25,
      activatedAt: Date.UTC(2026, 0, 1, 10, 0, 0, 250),
      deactivatedAt: Date.UTC(2027, 0, 1),
      datalinks: [],
      type: 'commercial',
    });
    expect(second?.solarKw).toBeNull();
  });

  it('refuses an API address that is not http(s) with a config error', () => {
    const clock = createManualClock();
    const { vault } = createMemoryVault();
    const { http } = createFakeEniris(clock);
    const make = (apiUrl: string) => () =>
      createEnirisClient({ authUrl: API, apiUrl, http, clock, vault });
    expect(make('api.eniris.be')).toThrow(/not a valid URL/);
    expect(make('ftp://api.eniris.be')).toThrow(/http:\/\/ or https:\/\//);
  });
});
