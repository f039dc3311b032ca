import type { Clock } from '../../../shared/clock';
import type { ActivationMethod } from '../../../shared/model';
import type { HttpClient } from '../../http/http-client';
import type { ActivationRecord, LicensingBackend } from '../backend';
import { flecs } from '../../../shared/texts/flecs.en';
import { LicensingError } from '../licensing-error';
import { maskKey } from '../mask';
import { createFlecsClient, type FlecsActivation, type SessionVault } from './flecs';

export interface FlecsBackendOptions {
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly vault: SessionVault;
  /** The device serial, where the vendor's installer knows it: enables serial activation. */
  readonly serialNumber?: string;
  readonly timeoutMs?: number;
}

/**
 * FLECS device licences behind the common lifecycle. A FLECS device holds one licence: no seats,
 * no client counts (1 of 1). The console has no deactivation call: deactivating forgets the
 * licence here while the device stays known to FLECS, and its licence stays bound to it.
 */
export function createFlecsBackend(options: FlecsBackendOptions): LicensingBackend {
  const client = createFlecsClient(options);
  const methods: ActivationMethod[] = options.serialNumber
    ? ['key', 'account', 'serial']
    : ['key', 'account'];

  const record = (
    licenseKey: string | undefined,
    extra: Partial<ActivationRecord> = {},
  ): ActivationRecord => ({
    licenseId: licenseKey ? maskKey(licenseKey) : 'FLECS device licence',
    mode: 'activation',
    activeClients: 1,
    maxClients: 1,
    ...extra,
  });
  const activated = (outcome: FlecsActivation, knownKey?: string): ActivationRecord =>
    outcome.outcome === 'activated'
      ? record(outcome.licenseKey, { issuedKey: outcome.licenseKey })
      : record(knownKey); // 204: this device was already active; its session is kept

  return {
    kind: 'flecs',
    activationMethods: methods,
    // Hourly: a revoked licence shows within the hour, and the session rotates before it expires.
    revalidateEveryMs: 60 * 60_000,
    async activate(credentials) {
      switch (credentials.method) {
        case 'key':
          return activated(await client.activateWithKey(credentials.key), credentials.key);
        case 'account': {
          // The sign-in token is used for this one call and never stored: a user licence, once
          // spent on this device, is reached through the session from then on.
          const account = await client.login(credentials.username, credentials.password);
          return activated(await client.activateWithUserLicence(account.token));
        }
        case 'serial': {
          if (!options.serialNumber) {
            throw new LicensingError('config', flecs.noSerialConfigured());
          }
          return activated(await client.activateWithSerial(options.serialNumber));
        }
      }
    },
    async validate(key) {
      const { isValid, reason } = await client.validate();
      return record(key, isValid ? { valid: true } : { valid: false, invalidReason: reason });
    },
    // The session is this device's identity at FLECS, which keeps the licence bound to it: it is
    // kept, so activating again (same key, or the account) is recognised instead of refused or
    // charged a second licence. Only the licence record and key are forgotten, by the service.
    deactivate: async () => undefined,
  };
}
