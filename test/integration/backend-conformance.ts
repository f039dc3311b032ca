import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientIdentity, LicensingBackend } from '../../src/main/licensing/backend';
import type { LicensingError } from '../../src/main/licensing/licensing-error';
import type { ErrorCode } from '../../src/shared/errors';
import { licensingFailure } from '../support/licensing-failure';
import { refusedUrl } from '../support/refused-url';

/**
 * The one suite every licensing adapter passes against its sandbox over real loopback HTTP
 * (DESIGN.md rule 3). Each test gets a fresh sandbox from `setup`, so pool state and faults never
 * leak between tests. Protocol-specific behaviour belongs in the adapter's own integration file.
 */

/** The sandbox fault modes the suite relies on (structurally the sandboxes' FaultSpec). */
export type ConformanceFault =
  | { kind: 'latency'; ms: number; times?: number; path?: string }
  | { kind: 'status'; status: number; times?: number; path?: string; retryAfterSeconds?: number }
  | { kind: 'reset' | 'malformed' | 'hang'; times?: number; path?: string };

export interface ConformanceFixture {
  /** The adapter under test, pointed at the sandbox unless `baseUrl` says otherwise. */
  createBackend(overrides?: { baseUrl?: string; timeoutMs?: number }): LicensingBackend;
  /** The identity `createBackend` reports, to find our own seat in `info`. */
  readonly identity: ClientIdentity;
  readonly keys: {
    /** Activates, validates and deactivates on this machine. */
    readonly activation: string;
    /** A floating licence with a free seat (required when the backend has `seats`). */
    readonly floating?: string;
    /** Well-formed, but the sandbox does not know it. */
    readonly unknown: string;
  };
  readonly faults: {
    inject(fault: ConformanceFault): void;
    clear(): void;
  };
  close(): Promise<void>;
}

/** Awaits a rejection and checks it is a LicensingError with the expected code. */
export async function expectFailure(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<LicensingError> {
  const error = await licensingFailure(promise, `expected a LicensingError with code ${code}`);
  expect(error.code).toBe(code);
  return error;
}

export function describeBackendConformance(
  name: string,
  setup: () => Promise<ConformanceFixture>,
): void {
  describe(`${name}: backend conformance`, () => {
    let fixture: ConformanceFixture;
    let backend: LicensingBackend;

    beforeEach(async () => {
      fixture = await setup();
      backend = fixture.createBackend();
    });
    afterEach(async () => {
      await fixture.close();
    });

    it('activates, validates and deactivates a key, and deactivating twice is fine', async () => {
      const record = await backend.activate({ method: 'key', key: fixture.keys.activation });
      expect(record.licenseId).not.toBe('');
      expect(record.activeClients).toBeGreaterThanOrEqual(1);
      const checked = await backend.validate(fixture.keys.activation);
      expect(checked.licenseId).toBe(record.licenseId);
      await backend.deactivate(fixture.keys.activation);
      await backend.deactivate(fixture.keys.activation);
    });

    it('activating again on the same machine does not use another activation', async () => {
      const first = await backend.activate({ method: 'key', key: fixture.keys.activation });
      const second = await backend.activate({ method: 'key', key: fixture.keys.activation });
      expect(second.licenseId).toBe(first.licenseId);
      expect(second.activeClients).toBe(first.activeClients);
    });

    it('refuses an unknown key with invalid_key', async () => {
      await expectFailure(
        backend.activate({ method: 'key', key: fixture.keys.unknown }),
        'invalid_key',
      );
    });

    it('refuses a blank key with invalid_input', async () => {
      await expectFailure(backend.activate({ method: 'key', key: '   ' }), 'invalid_input');
    });

    it('reports an unreachable server as offline', async () => {
      const unreachable = fixture.createBackend({ baseUrl: await refusedUrl() });
      const error = await expectFailure(
        unreachable.activate({ method: 'key', key: fixture.keys.activation }),
        'offline',
      );
      expect(error.retryable).toBe(true);
    });

    it('reports a 5xx as a retryable server_error, and recovers once it clears', async () => {
      fixture.faults.inject({ kind: 'status', status: 503 });
      const error = await expectFailure(
        backend.activate({ method: 'key', key: fixture.keys.activation }),
        'server_error',
      );
      expect(error.retryable).toBe(true);
      fixture.faults.clear();
      await expect(
        backend.activate({ method: 'key', key: fixture.keys.activation }),
      ).resolves.toBeDefined();
    });

    it('reports a 429 as rate_limited with the server-given wait', async () => {
      fixture.faults.inject({ kind: 'status', status: 429, retryAfterSeconds: 7, times: 1 });
      const error = await expectFailure(
        backend.activate({ method: 'key', key: fixture.keys.activation }),
        'rate_limited',
      );
      expect(error.retryAfterSeconds).toBe(7);
    });

    it('reports a malformed body as protocol, never a crash', async () => {
      fixture.faults.inject({ kind: 'malformed', times: 1 });
      await expectFailure(
        backend.activate({ method: 'key', key: fixture.keys.activation }),
        'protocol',
      );
    });

    it('reports a reset connection as offline', async () => {
      fixture.faults.inject({ kind: 'reset', times: 1 });
      await expectFailure(
        backend.activate({ method: 'key', key: fixture.keys.activation }),
        'offline',
      );
    });

    it('reports a server that never answers as timeout, within the deadline', async () => {
      fixture.faults.inject({ kind: 'hang' });
      const impatient = fixture.createBackend({ timeoutMs: 300 });
      const started = Date.now();
      await expectFailure(
        impatient.activate({ method: 'key', key: fixture.keys.activation }),
        'timeout',
      );
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('tolerates latency within the deadline', async () => {
      fixture.faults.inject({ kind: 'latency', ms: 150, times: 1 });
      const patient = fixture.createBackend({ timeoutMs: 5_000 });
      await expect(
        patient.activate({ method: 'key', key: fixture.keys.activation }),
      ).resolves.toBeDefined();
    });

    it('takes, renews, lists and releases a floating seat', async ({ skip }) => {
      const seats = backend.seats;
      const key = fixture.keys.floating;
      if (!seats || key === undefined) return skip('this backend has no floating seats');
      const lease = await seats.request(key);
      expect(lease.token).not.toBe('');
      expect(lease.heartbeatIntervalMs).toBeGreaterThan(0);
      const renewed = await seats.renew(lease);
      expect(renewed.token).toBe(lease.token);
      expect(renewed.expiresAt).toBeGreaterThanOrEqual(lease.expiresAt);

      const isOurs = (holder: { token: string; clientId: string }): boolean =>
        holder.token === lease.token || holder.clientId === fixture.identity.clientId;
      const pool = await seats.info(key);
      expect(pool.holders.filter(isOurs)).toHaveLength(1);
      expect(pool.activeClients).toBeLessThanOrEqual(pool.maxClients);

      await seats.release(lease);
      expect((await seats.info(key)).holders.filter(isOurs)).toHaveLength(0);
      await seats.release(lease);
    });
  });
}
