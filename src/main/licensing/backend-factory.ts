import type { Clock } from '../../shared/clock';
import type { ProfileConfig } from '../config/vendor-config';
import type { HttpClient } from '../http/http-client';
import type { SecretStore } from '../store/secret-store';
import type { ClientIdentity, LicensingBackend } from './backend';
import { createFlecsBackend } from './backends/flecs-backend';
import { createLicenseSpringBackend } from './backends/licensespring';
import { createSeatsBackend } from './backends/seats';
import { licensing } from '../../shared/texts/licensing.en';
import { LicensingError } from './licensing-error';

export interface BackendEnvironment {
  readonly http: HttpClient;
  readonly identity: ClientIdentity;
  readonly clock: Clock;
  /** Where adapters keep the secrets they rotate themselves (FLECS session ids). */
  readonly secrets: SecretStore;
}

/** A rotating secret of one profile, kept in the secret store. */
const secretSlot = (secrets: SecretStore, name: string) => ({
  get: () => secrets.get(name),
  set: (value: string) => secrets.set(name, value),
  clear: () => secrets.delete(name),
});

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
    case 'flecs':
      return createFlecsBackend({
        baseUrl: profile.baseUrl,
        serialNumber: profile.serialNumber,
        timeoutMs: profile.timeoutMs,
        http: env.http,
        clock: env.clock,
        vault: secretSlot(env.secrets, `flecs-session:${profile.id}`),
      });
    case 'licensespring':
      return createLicenseSpringBackend({
        baseUrl: profile.baseUrl,
        productCode: profile.productCode,
        auth: profile.auth,
        publicKeyPem: profile.publicKey,
        authorizationMethod: profile.authorizationMethod,
        timeoutMs: profile.timeoutMs,
        http: env.http,
        clock: env.clock,
        identity: env.identity,
      });
    case 'eniris':
      throw new LicensingError('invalid_input', licensing.enirisNotHere());
    case 'licence-file':
      throw new LicensingError('invalid_input', licensing.licenceFileNotHere());
    case 'mobiusflow':
      throw new LicensingError('invalid_input', licensing.mobiusflowNotHere());
  }
}
