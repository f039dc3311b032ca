import type { ProfileView } from '../../shared/model';
import type { ProfileConfig } from '../config/vendor-config';
import type { LicensingBackend, SeatCapability } from './backend';
import { licensing } from '../../shared/texts/licensing.en';
import { LicensingError } from './licensing-error';

/** The configured profiles and their adapters, each created on first use. */
export function createProfileBackends(
  profiles: readonly ProfileConfig[],
  backendFor: (profile: ProfileConfig) => LicensingBackend,
) {
  const backends = new Map<string, LicensingBackend>();

  const profile = (profileId: string): ProfileConfig => {
    const found = profiles.find((candidate) => candidate.id === profileId);
    if (!found) {
      throw new LicensingError('invalid_input', licensing.unknownProfile({ profileId }));
    }
    return found;
  };
  const backend = (profileId: string): LicensingBackend => {
    let existing = backends.get(profileId);
    if (!existing) {
      existing = backendFor(profile(profileId));
      backends.set(profileId, existing);
    }
    return existing;
  };

  return {
    profile,
    backend,
    seatsOf(profileId: string): SeatCapability {
      const seats = backend(profileId).seats;
      if (!seats)
        throw new LicensingError('invalid_input', licensing.noFloatingSeats({ profileId }));
      return seats;
    },
    has: (profileId: string): boolean => profiles.some((candidate) => candidate.id === profileId),
    views: (): ProfileView[] =>
      profiles.map(({ id, kind, label, description, translations }) => ({
        ...{ id, kind, label, description, translations },
        // Eniris licences are the account's, MobiusFlow's the hubs' and a licence file is imported:
        // nothing to activate here.
        activationMethods:
          kind === 'eniris' || kind === 'mobiusflow' || kind === 'licence-file'
            ? []
            : [...backend(id).activationMethods],
      })),
  };
}
