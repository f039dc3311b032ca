import type { Clock } from '../../shared/clock';
import type { ProfileConfig } from '../config/vendor-config';
import type { HttpClient } from '../http/http-client';
import type { ClientIdentity, LicensingBackend } from './backend';
import { createSeatsBackend } from './backends/seats';

export interface BackendEnvironment {
  readonly http: HttpClient;
  readonly identity: ClientIdentity;
  readonly clock: Clock;
}

/** One switch from a configured profile to its adapter; exhaustive over the configured kinds. */
export function createBackend(profile: ProfileConfig, env: BackendEnvironment): LicensingBackend {
  switch (profile.kind) {
    case 'seats':
      return createSeatsBackend({
        baseUrl: profile.baseUrl,
        apiKey: profile.apiKey,
        bearerToken: profile.bearerToken,
        timeoutMs: profile.timeoutMs,
        ...env,
      });
  }
}
