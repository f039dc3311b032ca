import type { Clock } from '../../shared/clock';
import type { Text } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { licensing } from '../../shared/texts/licensing.en';
import type { SecretStore } from '../store/secret-store';
import { secretName, type PersistedLicence, type StateStore } from '../store/persisted-state';
import type { ActivationRecord, Credentials } from './backend';
import { statusFromError } from './licence-views';
import { LicensingError } from './licensing-error';

/**
 * Where activations are written down: the licence in the state, its key and activation token in
 * the secret store. A secret is stored before the state that points at it, and removed only after
 * the state no longer does; every change is a fresh, locked read-modify-write of the state, so a
 * late answer never brings back what another process removed meanwhile.
 */

const SUPERSEDED = new LicensingError('not_activated', licensing.superseded());

/** Why a licence is not valid: English for the CLI and the log, and the text the screens translate. */
const statusReasonOf = (
  reason: Text | string,
): Pick<PersistedLicence, 'statusReason' | 'statusReasonText'> =>
  typeof reason === 'string'
    ? { statusReason: reason }
    : { statusReason: inEnglish(reason), statusReasonText: reason };

export function createLicenceRecords(deps: {
  readonly secrets: SecretStore;
  readonly store: StateStore;
  readonly clock: Clock;
}) {
  const { secrets, store, clock } = deps;

  /** The licence key (or account name) kept for an activated profile. */
  const storedKey = async (profileId: string): Promise<string> => {
    const key = store.load().licences[profileId]
      ? await secrets.get(secretName.licenceKey(profileId))
      : undefined;
    if (!key) throw new LicensingError('not_activated', licensing.notActivatedUseKey());
    return key;
  };

  /** A refusal that says the licence itself is gone (expired, revoked) is remembered. */
  const refusing = async <T>(profileId: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      const status = statusFromError(error);
      if (status && store.load().licences[profileId]) {
        store.update((state) => {
          const licence = state.licences[profileId];
          if (licence)
            state.licences[profileId] = { ...licence, status, lastCheckedAt: clock.now() };
        });
      }
      throw error;
    }
  };

  /**
   * Records the server's answer. `recheckOf` is the activation a re-check started from: when it
   * is gone (deactivated meanwhile, here or from the CLI), the late answer must not bring it back.
   */
  const recordActivation = async (
    profileId: string,
    keyLabel: string,
    record: ActivationRecord,
    recheckOf?: PersistedLicence,
  ): Promise<void> => {
    const stillThere = () =>
      !recheckOf || store.load().licences[profileId]?.activatedAt === recheckOf.activatedAt;
    if (!stillThere()) throw SUPERSEDED;
    if (record.token) await secrets.set(secretName.activationToken(profileId), record.token);
    const now = clock.now();
    let superseded = false;
    store.update((state) => {
      const previous = state.licences[profileId];
      if (recheckOf && previous?.activatedAt !== recheckOf.activatedAt) {
        superseded = true;
        return;
      }
      const { licenseId, mode, expiresAt, supportExpiresAt, activeClients, maxClients } = record;
      state.licences[profileId] = {
        ...{ licenseId, mode, expiresAt, supportExpiresAt, activeClients, maxClients, keyLabel },
        status: record.valid === false ? 'invalid' : 'active',
        ...(record.valid === false
          ? statusReasonOf(record.invalidReason ?? licensing.serverSaysNotValid())
          : {}),
        activatedAt: previous?.activatedAt ?? now,
        lastCheckedAt: now,
      };
    });
    if (superseded) throw SUPERSEDED;
  };

  /** One licence per profile: another key (or account) needs a deactivation first. */
  const refuseOtherLicence = async (
    profileId: string,
    given: Credentials,
  ): Promise<PersistedLicence | undefined> => {
    const recorded = store.load().licences[profileId];
    const sameKey =
      recorded !== undefined &&
      given.method === 'key' &&
      (await secrets.get(secretName.licenceKey(profileId))) === given.key;
    if (recorded && !sameKey) {
      throw new LicensingError(
        'invalid_input',
        licensing.otherLicenceHere({ keyLabel: recorded.keyLabel }),
      );
    }
    return recorded;
  };

  /** Forgets the activation here only: the state first, then the secrets it pointed at. */
  const forget = async (profileId: string): Promise<void> => {
    store.update((state) => void delete state.licences[profileId]);
    await secrets.delete(secretName.activationToken(profileId));
    await secrets.delete(secretName.licenceKey(profileId));
  };

  return { storedKey, refusing, recordActivation, refuseOtherLicence, forget };
}

export type LicenceRecords = ReturnType<typeof createLicenceRecords>;
