import type { Clock } from '../../shared/clock';
import type { LicenceView } from '../../shared/model';
import type { OfflineRequest } from '../../shared/offline-model';
import { profileOfKind, type ProfileConfig } from '../config/vendor-config';
import { toActivationRecord } from '../licensing/backends/licensespring-mapping';
import type { LicenceService } from '../licensing/licence-service';
import type { LicenseSpringService } from '../licensing/licensespring-service';
import { LicensingError } from '../licensing/licensing-error';
import { licensespring as ls } from '../../shared/texts/licensespring.en';

type LicenseSpringProfile = Extract<ProfileConfig, { kind: 'licensespring' }>;

export interface LicenseSpringOfflineDeps {
  readonly licences: LicenceService;
  readonly licenseSpring: LicenseSpringService;
  readonly profiles: readonly ProfileConfig[];
  readonly clock: Clock;
}

/**
 * LicenseSpring activation for computers that never reach the server (contract §5.6): this
 * computer writes a signed request file, the person carries it (as a file, or as QR codes on a
 * phone) to the vendor's offline portal, and imports the licence file the portal gives back.
 * Deactivation is the same trip the other way: the request file frees the activation there.
 */
export function createLicenseSpringOffline(deps: LicenseSpringOfflineDeps) {
  const { licences, licenseSpring } = deps;

  const profileOf = (profileId: string): LicenseSpringProfile =>
    profileOfKind(deps.profiles, profileId, 'licensespring');
  const userProduct = (profileId: string) => profileOf(profileId).authorizationMethod === 'user';

  const requestFile = async (
    profileId: string,
    key: string,
    kind: 'activation' | 'deactivation',
  ): Promise<OfflineRequest> => {
    const text = await licenseSpring.api(profileId).offlineRequest(key, kind);
    // Loaded on first use: the QR encoder would add ~40 ms to every start for a rare screen.
    const { qrCodesFor } = await import('./qr-codes');
    const date = new Date(deps.clock.now()).toISOString().slice(0, 10);
    return {
      fileName: `${profileOf(profileId).productCode}-${kind}-request-${date}.req`,
      text,
      qrCodes: qrCodesFor(text),
    };
  };

  return {
    /** The activation request file for `key` (a licence key, or the account of a user product). */
    async request(profileId: string, key: string): Promise<OfflineRequest> {
      const current = await licences.status(profileId);
      if (current.status !== 'inactive')
        throw new LicensingError(
          'invalid_input',
          ls.alreadyUsesLicence({ label: current.keyLabel ?? '' }),
        );
      return requestFile(profileId, key.trim(), 'activation');
    },

    /** Imports the portal's licence file: verified, for this computer and product, then kept. */
    async activate(profileId: string, fileText: string): Promise<LicenceView> {
      const { licence, key } = await licenseSpring.api(profileId).readOfflineResponse(fileText);
      return licenseSpring.adoptOffline(profileId, licence, () =>
        licences.adopt(
          profileId,
          key,
          toActivationRecord(licence, userProduct(profileId) ? key : undefined),
        ),
      );
    },

    /**
     * Makes the deactivation request file and hands it to `keep`, then forgets the licence here. The activation is freed
     * once the file reaches the portal; until then the licence is gone from this computer only.
     */
    async deactivate(
      profileId: string,
      keep: (request: OfflineRequest) => Promise<void> = async () => undefined,
    ): Promise<OfflineRequest> {
      const key = await licences.storedKey(profileId);
      const request = await requestFile(profileId, key, 'deactivation');
      // Kept (written to its file) before the licence is forgotten: without the file the
      // activation could never be freed at the portal.
      await keep(request);
      await licences.forgetLocally(profileId);
      return request;
    },
  };
}

export type LicenseSpringOffline = ReturnType<typeof createLicenseSpringOffline>;
