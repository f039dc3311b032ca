import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnirisClient } from '../../src/main/licensing/backends/eniris';
import type { ErrorCode } from '../../src/shared/errors';
import { licensingFailure } from '../support/licensing-failure';
import {
  CUSTOMER_ID,
  fastify,
  type FakeReply,
  FREE_KEY,
  NODE_ID,
  setup,
  T0,
} from './eniris-fake-api';

/** Every documented refusal of the licence API, per call, as a code and a message a person can use. */

type Call = 'activate' | 'claim' | 'controller' | 'customer';
const run: Record<Call, (client: EnirisClient) => Promise<unknown>> = {
  activate: (client) => client.activate(FREE_KEY),
  claim: (client) => client.claim(FREE_KEY, NODE_ID),
  controller: (client) => client.licencesOfController(NODE_ID),
  customer: (client) => client.licencesOfCustomer(CUSTOMER_ID),
};

/** Answers every licence call with `reply`; sign-in keeps working. */
async function failing(reply: FakeReply) {
  const context = await setup({ signedIn: true });
  context.server.override((_, path) => (path.startsWith('/v1/') ? reply : undefined));
  return context;
}

const BAD_REQUEST = fastify(400, 'Bad Request', 'Missing or misformatted query parameter or body');
const FORBIDDEN = fastify(403, 'Forbidden', 'User does not have sufficient rights');
const NOT_FOUND = fastify(404, 'Not Found', 'Resource not found');

describe('eniris client: error mapping', () => {
  it.each<[Call, FakeReply, ErrorCode, RegExp]>([
    [
      'activate',
      BAD_REQUEST,
      'invalid_input',
      /invalid.*"Missing or misformatted query parameter or body"/,
    ],
    ['activate', FORBIDDEN, 'unauthorized', /no rights on this licence\./],
    ['claim', FORBIDDEN, 'unauthorized', /no rights on this licence or controller "node-7f3a"/],
    ['controller', FORBIDDEN, 'unauthorized', /no rights on controller "node-7f3a"/],
    ['customer', FORBIDDEN, 'unauthorized', new RegExp(`no rights on customer ${CUSTOMER_ID}`)],
    ['activate', NOT_FOUND, 'invalid_key', /does not know this licence key/],
    [
      'claim',
      fastify(404, 'Not Found', 'License not found'),
      'invalid_key',
      /does not know this licence key\./,
    ],
    [
      'claim',
      fastify(404, 'Not Found', 'Node not found'),
      'invalid_input',
      /controller with node id "node-7f3a"/,
    ],
    ['controller', NOT_FOUND, 'invalid_input', /controller with node id "node-7f3a"/],
    ['customer', NOT_FOUND, 'invalid_input', new RegExp(`customer with id ${CUSTOMER_ID}`)],
    [
      'controller',
      fastify(404, 'Not Found', 'Route GET:/v1/license/x not found'),
      'protocol',
      /does not offer/,
    ],
    [
      'claim',
      fastify(409, 'Conflict', 'Conflict'),
      'seat_unavailable',
      /already linked to another controller/,
    ],
    [
      'claim',
      fastify(400, 'Bad Request', 'License already claimed by another node'),
      'seat_unavailable',
      /already linked/,
    ],
    [
      'claim',
      fastify(403, 'Forbidden', 'License is linked to another controller'),
      'seat_unavailable',
      /already linked/,
    ],
    [
      'activate',
      fastify(500, 'Internal Server Error', 'boom'),
      'server_error',
      /Eniris had a problem \(HTTP 500\)/,
    ],
    ['customer', { status: 502, text: '<html>Bad gateway</html>' }, 'server_error', /HTTP 502/],
    ['activate', { status: 418, body: { message: 'teapot' } }, 'protocol', /HTTP 418.*"teapot"/],
    ['activate', { status: 301, headers: { location: 'https://x' } }, 'protocol', /redirected/],
  ])('%s answered %o → %s', async (call, reply, code, message) => {
    const { client } = await failing(reply);
    const error = await licensingFailure(run[call](client));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each<[string, FakeReply | undefined, ErrorCode, RegExp]>([
    ['an unknown controller', NOT_FOUND, 'invalid_input', /controller with node id "node-7f3a"/],
    ['a known controller', undefined, 'invalid_key', /does not know this licence key\./],
    [
      'a controller out of reach',
      FORBIDDEN,
      'invalid_key',
      /licence key or controller "node-7f3a"/,
    ],
  ])(
    'tells a bare claim 404 apart by reading the licences of %s',
    async (_, listing, code, message) => {
      const { client, server } = await setup({ signedIn: true });
      server.override((request, path) => {
        if (path === '/v1/license/claim') return NOT_FOUND;
        return request.method === 'GET' && path.startsWith('/v1/') ? listing : undefined;
      });
      const error = await licensingFailure(client.claim(FREE_KEY, NODE_ID));
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) as unknown });
      expect(server.count(`/v1/license/controller/${NODE_ID}`)).toBe(1);
    },
  );

  it('does not probe when the claim route itself is missing (a wrong API address)', async () => {
    const { client, server } = await failing(
      fastify(404, 'Not Found', 'Route POST:/v1/license/claim not found'),
    );
    expect((await licensingFailure(client.claim(FREE_KEY, NODE_ID))).code).toBe('protocol');
    expect(server.count(`/v1/license/controller/${NODE_ID}`)).toBe(0);
  });

  it.each<[string, FakeReply, number | undefined, RegExp]>([
    [
      'the body',
      fastify(429, 'Too Many Requests', 'Rate limit exceeded', { retryAfter: 42 }),
      42,
      /Try again in 42 seconds\./,
    ],
    [
      'the header in seconds',
      { status: 429, headers: { 'retry-after': '120' } },
      120,
      /Try again in 2 minutes\./,
    ],
    [
      'the header as a date',
      { status: 429, headers: { 'retry-after': new Date(T0 + 30_000).toUTCString() } },
      30,
      /Try again in 30 seconds\./,
    ],
    ['nowhere', { status: 429 }, undefined, /Wait a minute and try again\./],
  ])(
    'maps 429 with the wait in %s to rate_limited, and does not retry',
    async (_, reply, seconds, message) => {
      const { client, server } = await failing(reply);
      const error = await licensingFailure(client.activate(FREE_KEY));
      expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: seconds });
      expect(error.message).toMatch(/^Eniris is receiving too many requests from this computer\./);
      expect(error.message).toMatch(message);
      expect(server.count('/v1/license/activate')).toBe(1);
    },
  );

  it('maps 429 and 5xx on the access-token endpoint the same way', async () => {
    const { client, server } = await setup({ signedIn: true });
    server.override((_, path) =>
      path === '/auth/accesstoken' ? { status: 429, headers: { 'retry-after': '7' } } : undefined,
    );
    const error = await licensingFailure(client.activate(FREE_KEY));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 7 });
  });
});

describe('eniris client: replies outside the contract are protocol errors', () => {
  it.each<[Call, unknown, RegExp]>([
    ['activate', { success: false, license: {} }, /success/],
    ['activate', { success: true }, /license/],
    ['activate', { success: true, license: { id: 'x' } }, /license\.key/],
    ['claim', { success: true, license: { id: 'x', key: FREE_KEY } }, /license\.nodeId/],
    ['controller', { licenses: {} }, /licenses/],
    ['controller', { licenses: [{ creationDate: 'yesterday' }] }, /licenses\.0/],
    ['customer', [], /expected an object/],
    ['customer', 'OK', /plain text instead of data/],
    ['customer', '<html>Sign in to the hotel Wi-Fi</html>', /a web page instead of data/],
    ['customer', undefined, /the reply was empty/],
  ])('%s answering %j', async (call, body, message) => {
    const { client } = await failing(
      typeof body === 'string' ? { status: 200, text: body } : { status: 200, body },
    );
    const error = await licensingFailure(run[call](client));
    expect(error.code).toBe('protocol');
    expect(error.message).toMatch(message);
  });

  it('refuses a licence whose dates carry no time zone', async () => {
    const licence = {
      id: 'x',
      key: 'k',
      creationDate: '2019-08-24T14:15:22',
      duration: 1,
      type: 'residential',
    };
    const { client } = await failing({ status: 200, body: { licenses: [licence] } });
    expect((await licensingFailure(client.licencesOfController(NODE_ID))).code).toBe('protocol');
  });
});

describe('eniris client: secrets stay out of messages', () => {
  it('blanks out the key and the access token when the server echoes them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Z0-9-]{8,50}$/),
        fc.constantFrom(400, 418),
        async (key, status) => {
          const { client, server } = await setup({ signedIn: true });
          server.override((request, path) => {
            const echo = `${JSON.stringify(request.body)} ${request.headers?.Authorization}`;
            return path.startsWith('/v1/') ? fastify(status, 'Bad Request', echo) : undefined;
          });
          const error = await licensingFailure(client.activate(key));
          expect(error.message).not.toContain(key);
          expect(error.message).not.toMatch(/at\.\d+/);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps the password out of a login refusal that echoes it', async () => {
    const { client, server } = await setup();
    server.override(() => fastify(400, 'Bad Request', 'bad password: hunter2-secret'));
    const error = await licensingFailure(client.login('someone', 'hunter2-secret'));
    expect(error.message).not.toContain('hunter2-secret');
  });
});
