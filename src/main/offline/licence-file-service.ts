import type { Clock } from '../../shared/clock';
import type { Text } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { offline } from '../../shared/texts/offline.en';
import type { FileLicenceState, FileLicenceView } from '../../shared/offline-model';
import { profileOfKind, type ProfileConfig } from '../config/vendor-config';
import { LicensingError } from '../licensing/licensing-error';
import { secretName, type StateStore } from '../store/persisted-state';
import type { SecretStore } from '../store/secret-store';
import { verifyLicenceFile, type VerifiedLicence } from './licence-file';
import { anchorText, type AnchorCheck, type TimeAnchor } from './time-anchor';

type LicenceFileProfile = Extract<ProfileConfig, { kind: 'licence-file' }>;

export interface LicenceFileServiceDeps {
  readonly profiles: readonly ProfileConfig[];
  readonly secrets: SecretStore;
  readonly state: StateStore;
  readonly clock: Clock;
  /** This computer's fingerprint: a node-locked file must name it. */
  readonly fingerprint: string;
  readonly timeAnchor: Pick<TimeAnchor, 'observe' | 'reset'>;
}

const DAY = 86_400_000;
/** A file issued later than this computer's clock by more than this says the clock is behind. */
const ISSUED_AHEAD_TOLERANCE_MS = DAY;

/** Grace is only what the licence itself grants: none unless the vendor signed some in. */
const graceEndOf = (expiresAt: number, graceDays: number | undefined): number =>
  expiresAt + (graceDays ?? 0) * DAY;

/**
 * Licence files the vendor signs (no licensing server): import, status and removal. The signed
 * file is kept in the secret store and verified again on every read, so neither an edited state
 * file nor a changed configuration key can make a licence say more than the vendor signed; the
 * clock is trusted only as far as the tamper-evident record of the latest time seen allows.
 */
export function createLicenceFileService(deps: LicenceFileServiceDeps) {
  const { secrets, state: store, clock } = deps;

  const profileOf = (profileId: string): LicenceFileProfile =>
    profileOfKind(deps.profiles, profileId, 'licence-file');
  const verify = (profile: LicenceFileProfile, text: string): VerifiedLicence =>
    verifyLicenceFile(text, {
      publicKeyPem: profile.publicKey,
      productCode: profile.productCode,
      fingerprint: deps.fingerprint,
    });

  const stateOf = (
    profile: LicenceFileProfile,
    { expiresAt, graceDays, issuedAt }: VerifiedLicence,
    clockCheck: AnchorCheck,
    now: number,
  ): { state: FileLicenceState; text: Text } => {
    if (clockCheck.state !== 'ok') return { state: 'suspended', text: anchorText(clockCheck) };
    // The vendor signed the issue time: a clock earlier than that is wrong whatever the record
    // of the latest time says (that record may have been wiped along with its key).
    if (now < issuedAt - ISSUED_AHEAD_TOLERANCE_MS)
      return { state: 'suspended', text: offline.dateBeforeIssue({ now, issuedAt }) };
    if (expiresAt === null) return { state: 'valid', text: offline.neverExpires() };
    const graceEnds = graceEndOf(expiresAt, graceDays);
    if (now >= graceEnds) return { state: 'expired', text: offline.expired({ expiresAt }) };
    if (now >= expiresAt)
      return { state: 'grace', text: offline.inGrace({ expiresAt, graceEnds }) };
    const daysLeft = Math.ceil((expiresAt - now) / DAY);
    if (daysLeft <= profile.expiryWarningDays)
      return { state: 'expiring', text: offline.expiring({ expiresAt, daysLeft }) };
    return { state: 'valid', text: offline.validUntil({ expiresAt }) };
  };

  const viewOf = async (profileId: string): Promise<FileLicenceView> => {
    const profile = profileOf(profileId);
    const base = { profileId, productCode: profile.productCode, fingerprint: deps.fingerprint };
    const entry = store.load().licenceFiles[profileId];
    const text = entry ? await secrets.get(secretName.licenceFile(profileId)) : undefined;
    if (!entry || text === undefined) return base;
    const licence = verify(profile, text);
    const clockCheck = await deps.timeAnchor.observe();
    const { state, text: stateText } = stateOf(profile, licence, clockCheck, clock.now());
    return {
      ...base,
      licence: {
        id: licence.id,
        licensee: licence.licensee,
        features: [...licence.features],
        issuedAt: licence.issuedAt,
        expiresAt: licence.expiresAt ?? undefined,
        graceDays: licence.graceDays,
        nodeLocked: licence.fingerprint !== undefined,
        importedAt: entry.importedAt,
        state,
        // English for the CLI and logs; the screen says the text in its language.
        message: inEnglish(stateText),
        text: stateText,
      },
    };
  };

  return {
    status: viewOf,

    /** Verifies the file and keeps it; a refused file changes nothing that is stored. */
    async import(profileId: string, text: string): Promise<FileLicenceView> {
      const profile = profileOf(profileId);
      const licence = verify(profile, text);
      const now = clock.now();
      if (licence.issuedAt > now + ISSUED_AHEAD_TOLERANCE_MS)
        throw new LicensingError(
          'invalid_input',
          offline.issuedAfterToday({ issuedAt: licence.issuedAt, now }),
        );
      if (licence.expiresAt !== null && now >= graceEndOf(licence.expiresAt, licence.graceDays))
        throw new LicensingError(
          'license_expired',
          offline.fileExpired({ expiresAt: licence.expiresAt }),
        );
      // Importing a verified file is the deliberate act that starts the record of the latest time
      // afresh (a damaged or wiped record would otherwise suspend the licence for good); the
      // file's signed issue time still bounds how far back the clock can be.
      await deps.timeAnchor.reset();
      // The file before the state that points at it: a failure in between leaves nothing half-kept.
      await secrets.set(secretName.licenceFile(profileId), text);
      store.update((state) => {
        state.licenceFiles[profileId] = { importedAt: now };
      });
      return viewOf(profileId);
    },

    /** Forgets the licence file here: the state first, then the file it pointed at. */
    async remove(profileId: string): Promise<FileLicenceView> {
      profileOf(profileId);
      if (!store.load().licenceFiles[profileId])
        throw new LicensingError('not_activated', offline.nothingToRemove());
      store.update((state) => void delete state.licenceFiles[profileId]);
      await secrets.delete(secretName.licenceFile(profileId));
      return viewOf(profileId);
    },
  };
}

export type LicenceFileService = ReturnType<typeof createLicenceFileService>;
