import { z } from 'zod';
import type { Clock } from '../../shared/clock';
import { eniris } from '../../shared/texts/eniris.en';
import type { EnirisAccountView, EnirisLicenceList, EnirisLicenceView } from '../../shared/model';
import type { ProfileConfig } from '../config/vendor-config';
import type { HttpClient } from '../http/http-client';
import type { SecretStore } from '../store/secret-store';
import {
  createEnirisClient,
  type EnirisClient,
  type EnirisLicence,
  type RefreshTokenVault,
} from './backends/eniris';
import { expiryOf } from './backends/eniris-wire';
import { LicensingError } from './licensing-error';
import { maskKey } from './mask';

type EnirisProfile = Extract<ProfileConfig, { kind: 'eniris' }>;

/** Stored JSON that no longer parses (an edited keyring) counts as signed out, never a crash. */
const storedToken = z.object({ token: z.string().min(1), issuedAt: z.number() });
const storedAccount = z.object({ username: z.string(), signedInAt: z.number() });
const readJson = <T>(schema: z.ZodType<T>, text: string | undefined): T | undefined => {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** What the screen may see of a licence: the key masked, the duration turned into an expiry. */
export function enirisLicenceView(licence: EnirisLicence, now: number): EnirisLicenceView {
  const expiresAt =
    licence.activatedAt === undefined ? undefined : expiryOf(licence.activatedAt, licence.duration);
  const state =
    licence.deactivatedAt !== undefined
      ? 'deactivated'
      : expiresAt === undefined
        ? 'not-activated'
        : expiresAt <= now
          ? 'expired'
          : 'active';
  // Everything but the key (masked instead) and the raw duration (shown in days) may be shown.
  const { key, duration, datalinks, ...shown } = licence;
  return {
    ...shown,
    expiresAt,
    state,
    keyLabel: maskKey(key),
    durationDays: duration,
    ...(datalinks ? { datalinks: [...datalinks] } : {}),
  };
}

/**
 * Eniris (Sofar) licences belong to the installer's account, not to this computer: sign in once
 * (the refresh token is kept in the secret store for its 14 days), then activate keys, claim them
 * for controllers and list them. One client per profile, so token renewal is shared.
 */
export function createEnirisService(deps: {
  readonly profiles: readonly ProfileConfig[];
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly secrets: SecretStore;
}) {
  const { secrets, clock } = deps;
  const clients = new Map<string, EnirisClient>();
  const tokenName = (profileId: string) => `eniris-refresh-token:${profileId}`;
  const accountName = (profileId: string) => `eniris-account:${profileId}`;

  const profile = (profileId: string): EnirisProfile => {
    const found = deps.profiles.find((candidate) => candidate.id === profileId);
    if (found?.kind !== 'eniris')
      throw new LicensingError('invalid_input', eniris.notEnirisProfile({ profileId }));
    return found;
  };
  const client = (profileId: string): EnirisClient => {
    let existing = clients.get(profileId);
    if (!existing) {
      const { authUrl, apiUrl, timeoutMs } = profile(profileId);
      const vault: RefreshTokenVault = {
        get: async () => readJson(storedToken, await secrets.get(tokenName(profileId))),
        set: (value) => secrets.set(tokenName(profileId), JSON.stringify(value)),
        clear: () => secrets.delete(tokenName(profileId)),
      };
      existing = createEnirisClient({ authUrl, apiUrl, timeoutMs, http: deps.http, clock, vault });
      clients.set(profileId, existing);
    }
    return existing;
  };
  const list = (licences: readonly EnirisLicence[]): EnirisLicenceList => {
    const now = clock.now();
    return { licences: licences.map((licence) => enirisLicenceView(licence, now)), checkedAt: now };
  };

  const service = {
    async account(profileId: string): Promise<EnirisAccountView> {
      if (!(await client(profileId).isSignedIn())) return { profileId, signedIn: false };
      const account = readJson(storedAccount, await secrets.get(accountName(profileId)));
      return { profileId, signedIn: true, ...account };
    },
    async signIn(
      profileId: string,
      username: string,
      password: string,
    ): Promise<EnirisAccountView> {
      await client(profileId).login(username, password);
      await secrets.set(
        accountName(profileId),
        JSON.stringify({ username: username.trim(), signedInAt: clock.now() }),
      );
      return service.account(profileId);
    },
    async signOut(profileId: string): Promise<EnirisAccountView> {
      await client(profileId).logout();
      await secrets.delete(accountName(profileId));
      return service.account(profileId);
    },
    async activate(
      profileId: string,
      key: string,
      activationIso?: string,
    ): Promise<EnirisLicenceView> {
      return enirisLicenceView(await client(profileId).activate(key, activationIso), clock.now());
    },
    /** Claims the key for the controller and answers with the controller's licences. */
    async claim(profileId: string, key: string, nodeId: string): Promise<EnirisLicenceList> {
      await client(profileId).claim(key, nodeId);
      return list(await client(profileId).licencesOfController(nodeId));
    },
    async licences(
      profileId: string,
      of: { nodeId?: string; customerId?: string },
    ): Promise<EnirisLicenceList> {
      if (of.nodeId !== undefined)
        return list(await client(profileId).licencesOfController(of.nodeId));
      if (of.customerId !== undefined) {
        return list(
          await client(profileId).licencesOfCustomer(of.customerId, { includeDatalinks: true }),
        );
      }
      throw new LicensingError('invalid_input', eniris.giveControllerOrCustomer());
    },
  };
  return service;
}

export type EnirisService = ReturnType<typeof createEnirisService>;
