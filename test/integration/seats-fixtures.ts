import { createAxiosHttpClient } from '../../src/main/http/axios-http-client';
import type { ClientIdentity } from '../../src/main/licensing/backend';
import {
  createSeatsBackend,
  type SeatsBackendOptions,
} from '../../src/main/licensing/backends/seats';
import { systemClock } from '../../src/shared/clock';
import type { BabelSandbox } from '../../src/sandbox';

/** What the seats adapter's integration files share: test machines and a backend on a sandbox. */

/** The one HTTP client of these tests: the backends' and the raw calls beside them. */
export const http = createAxiosHttpClient({ defaultTimeoutMs: 5_000 });

/** The nth test machine; seats belong to a (clientId, machineId) pair. */
export const identity = (n: number): ClientIdentity => ({
  machineId: `machine-hash-${n}`,
  clientId: `client-${n}`,
  clientName: `PC-${n}`,
});

/** The seats adapter of machine `who`, pointed at `sandbox`, on the real clock unless told. */
export function seatsBackendOn(
  sandbox: BabelSandbox,
  who: ClientIdentity,
  options: Partial<SeatsBackendOptions> = {},
) {
  return createSeatsBackend({
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    http,
    identity: who,
    clock: systemClock,
    ...options,
  });
}
