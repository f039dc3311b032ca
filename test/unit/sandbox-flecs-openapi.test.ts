import { describe, expect, it } from 'vitest';
import { checkRequest, checkResponse, createOpenApiChecker } from '../support/flecs-openapi';

/**
 * The OpenAPI helper itself must catch what it is for, or every "no problems" assertion in the
 * sandbox and adapter tests would be worthless.
 */

const ID = '74c3b620-6048-4bfd-9bf7-c9857a001694';
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const ACTIVATE = '/api/v2/device/license/activate';

describe('checkRequest / checkResponse against flecs-openapi.yaml', () => {
  it('accepts the example payloads of the vendor reference page and the OpenAPI file', () => {
    expect(
      checkRequest('POST', ACTIVATE, { headers: JSON_TYPE, body: { licenseKey: 'text' } }),
    ).toEqual([]);
    expect(checkRequest('POST', ACTIVATE)).toEqual([]);
    expect(
      checkResponse('POST', ACTIVATE, 200, {
        headers: JSON_TYPE,
        body: {
          data: { sessionId: { id: ID, timestamp: 1 }, licenseKey: 'text' },
          statusCode: 1,
          statusText: 'text',
        },
      }),
    ).toEqual([]);
    expect(
      checkResponse('POST', '/api/v2/device/license/validate', 200, {
        headers: JSON_TYPE,
        body: { data: { isValid: true }, statusCode: 200, statusText: 'OK' },
      }),
    ).toEqual([]);
    expect(
      checkResponse('POST', '/api/v2/auth/login', 403, {
        headers: JSON_TYPE,
        body: { reason: 'Sorry', statusCode: 403, statusText: 'Forbidden' },
      }),
    ).toEqual([]);
  });

  it('catches the session-id wire quirk in both directions', () => {
    const json = JSON.stringify({ id: ID, timestamp: 17243237291234 });
    expect(
      checkRequest('POST', '/api/v2/device/license/validate', {
        headers: { 'X-Session-Id': json },
      }),
    ).toEqual([expect.stringMatching(/^header parameter X-Session-Id: must match pattern/)]);
    expect(checkResponse('POST', ACTIVATE, 204, { headers: { 'x-session-id': json } })).toEqual([]);
    expect(checkResponse('POST', ACTIVATE, 204, { headers: { 'x-session-id': ID } })).toEqual([
      `response header X-Session-Id must be JSON, got "${ID}"`,
    ]);
    expect(checkResponse('POST', ACTIVATE, 204)).toEqual([
      'response header X-Session-Id is required but missing',
    ]);
  });

  it('reports missing required fields, wrong types and extra properties', () => {
    expect(
      checkResponse('POST', ACTIVATE, 200, {
        headers: JSON_TYPE,
        body: { data: { sessionId: { id: 'X', timestamp: -1 } } },
      }),
    ).toEqual([
      "200 response of POST /api/v2/device/license/activate body/data: must have required property 'licenseKey'",
      expect.stringMatching(/body\/data\/sessionId\/id: must match pattern/),
      '200 response of POST /api/v2/device/license/activate body/data/sessionId/timestamp: must be >= 0',
    ]);
    expect(
      checkRequest('POST', '/api/v2/auth/login', {
        headers: JSON_TYPE,
        body: { username: 'u', issueJWT: 'yes', extra: 1 },
      }),
    ).toEqual([
      'request of POST /api/v2/auth/login body: must NOT have additional properties (extra)',
      'request of POST /api/v2/auth/login body/issueJWT: must be boolean',
    ]);
  });

  it('reports bodies and content types that do not fit', () => {
    expect(
      checkRequest('POST', '/api/v2/device/license/validate', {
        headers: { 'x-session-id': ID, ...JSON_TYPE },
        body: {},
      }),
    ).toEqual([
      'request of POST /api/v2/device/license/validate has a body, but the description gives it none',
    ]);
    expect(checkRequest('POST', ACTIVATE, { body: {} })).toEqual([
      'request of POST /api/v2/device/license/activate has a body but no Content-Type',
    ]);
    expect(
      checkResponse('POST', ACTIVATE, 403, { headers: { 'content-type': 'text/html' }, body: 'x' }),
    ).toEqual([
      '403 response of POST /api/v2/device/license/activate has Content-Type text/html, not application/json',
    ]);
    expect(checkResponse('POST', ACTIVATE, 403)).toEqual([
      '403 response of POST /api/v2/device/license/activate has no body',
    ]);
  });

  it('reports unknown paths, methods and statuses, and checks path and query parameters', () => {
    expect(checkRequest('POST', '/api/v2/nope')).toEqual([
      'no path of the OpenAPI description matches /api/v2/nope',
    ]);
    expect(checkRequest('DELETE', '/api/v2/tokens')).toEqual([
      'DELETE is not described for /api/v2/tokens (only POST)',
    ]);
    expect(checkResponse('POST', ACTIVATE, 401)).toEqual([
      'status 401 is not described for POST /api/v2/device/license/activate (only 200, 204, 403, 500)',
    ]);
    expect(checkRequest('GET', '/api/v2/products?store_id=abc')).toEqual([
      'query parameter store_id: must be integer',
    ]);
    expect(checkRequest('GET', 'http://console.example/api/v2/products?store_id=12')).toEqual([]);
  });
});

describe('createOpenApiChecker', () => {
  const checker = createOpenApiChecker({
    openapi: '3.0.3',
    components: { schemas: { name: { type: 'string', nullable: true } } },
    paths: {
      '/items/{id}': {
        parameters: [{ name: 'id', in: 'path', schema: { type: 'integer' } }],
        put: {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['name'],
                  properties: {
                    name: { $ref: '#/components/schemas/name' },
                    nullable: { type: 'string' },
                  },
                },
              },
            },
          },
          responses: { '2XX': { description: 'ok' }, default: { description: 'error' } },
        },
      },
      '/items/special': { put: { responses: { '204': { description: 'literal path wins' } } } },
    },
  });

  it('handles nullable, path-level parameters, required bodies and status ranges', () => {
    const put = (path: string, body?: unknown) =>
      checker.checkRequest('PUT', path, { headers: { 'content-type': 'application/json' }, body });
    expect(put('/items/7', { name: null })).toEqual([]);
    expect(put('/items/7', { name: 'x', nullable: null })).toEqual([
      'request of PUT /items/{id} body/nullable: must be string',
    ]);
    expect(put('/items/seven', { name: 'x' })).toEqual(['path parameter id: must be integer']);
    expect(put('/items/7')).toEqual(['request of PUT /items/{id} has no body']);
    expect(put('/items/special')).toEqual([]);
    expect(checker.checkResponse('PUT', '/items/7', 201)).toEqual([]);
    expect(checker.checkResponse('PUT', '/items/7', 503)).toEqual([]);
  });
});
