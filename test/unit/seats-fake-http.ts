import type { HttpClient, HttpRequest, HttpResponse } from '../../src/main/http/http-client';
import type { Clock } from '../../src/shared/clock';
import { createSeatsBackend } from '../../src/main/licensing/backends/seats';

/**
 * An in-memory HttpClient for the seats unit tests: answers every request with what `reply`
 * returns and records what was sent. Behaviour over real sockets is the integration suite's job.
 */
export interface FakeReply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export function fakeHttp(reply: (request: HttpRequest) => FakeReply) {
  const sent: HttpRequest[] = [];
  const http: HttpClient = {
    async request(request) {
      sent.push(request);
      const { status = 200, body, headers = {} } = reply(request);
      const response: HttpResponse = {
        status,
        headers,
        body,
        rawBody: body === undefined ? '' : JSON.stringify(body),
      };
      return response;
    },
  };
  return { http, sent };
}

export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

export const fixedClock: Clock = {
  now: () => NOW,
  setTimeout: () => undefined,
  clearTimeout: () => undefined,
};

export const IDENTITY = { machineId: 'm-hash', clientId: 'client-1', clientName: 'PC-7' };
export const API_KEY = 'api_u3o7i1au2wycki8awj1kdmp8';

export function backendWith(reply: (request: HttpRequest) => FakeReply, bearerToken?: string) {
  const { http, sent } = fakeHttp(reply);
  const backend = createSeatsBackend({
    baseUrl: 'https://licence.example.com:5455/',
    apiKey: API_KEY,
    bearerToken,
    http,
    identity: IDENTITY,
    clock: fixedClock,
  });
  return { backend, sent };
}
