import type { LicenceSigner } from './licence-document';
import { resolveInstant, type ParsedBabelSeed, type SeedHolder, type SeedLicence } from './seed';
import { newLicenseId, newToken } from './wire';

/**
 * The in-memory licence database of one Babel sandbox: licences from the seed, and the activation
 * and floating tokens clients hold. No timers: a floating token lapses when a request observes
 * that its expiry has passed by the injected clock, so tests move time by hand.
 */

export type LicensingMode = 0 | 1 | 2;
export const FILE_MODE = 0;
export const ACTIVATION_MODE = 1;
export const FLOATING_MODE = 2;

export interface LicenceRecord {
  readonly userKey: string;
  readonly licenseId: string;
  readonly licensingMode: LicensingMode;
  readonly maxClientCount: number;
  revoked: boolean;
  readonly tampered: boolean;
  readonly issuedAt: number;
  readonly expireAt: number | undefined;
  readonly supportExpireAt: number | undefined;
  readonly licenseKey: readonly number[];
}

export type TokenKind = 'activation' | 'floating';

export interface TokenRecord {
  readonly token: string;
  readonly kind: TokenKind;
  readonly userKey: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly machineId: string;
  readonly clientAddr: string;
  readonly issuedAt: number;
  /** Floating: issue/last heartbeat + TTL. Activation: the licence's expiry, if it has one. */
  expireAt: number | undefined;
  lastHeartbeat: number;
  /** A seeded colleague: never lapses, so the demo always shows who holds seats. */
  readonly simulated: boolean;
}

export type NewToken = Omit<TokenRecord, 'token' | 'simulated'>;

export interface TokenTiming {
  readonly expireAt: number | undefined;
  readonly lastHeartbeat: number;
}

export interface StateSettings {
  readonly heartbeatIntervalMs: number;
  readonly floatingTokenTtlMs: number;
}

export interface BabelState {
  licence(userKey: string): LicenceRecord | undefined;
  /** Moves every floating token whose expiry has passed out of the pool. Call before each request. */
  sweep(now: number): void;
  /** Live tokens of one licence, oldest first. */
  tokensOf(userKey: string): TokenRecord[];
  /** Live tokens of the licence's own mode: what `activeClientCount` reports. */
  activeCount(licence: LicenceRecord): number;
  /** A live token, or one that lapsed (kept so a late heartbeat hears TokenExpired, not NotFound). */
  find(token: string): { readonly lapsed: boolean; readonly record: TokenRecord } | undefined;
  issue(fields: NewToken): TokenRecord;
  drop(token: string): void;
  /** What a client sees of a token's times; simulated holders appear to heartbeat on schedule. */
  timing(record: TokenRecord, now: number): TokenTiming;
  setRevoked(userKey: string, revoked: boolean): boolean;
  poolCounts(now: number): Record<string, { activation: number; floating: number }>;
}

/** Enough to answer TokenExpired for recently lapsed tokens without growing without bound. */
const MAX_LAPSED = 1000;

export function createBabelState(
  seed: ParsedBabelSeed,
  startedAt: number,
  settings: StateSettings,
  sign: LicenceSigner,
): BabelState {
  const licences = new Map<string, LicenceRecord>();
  const live = new Map<string, TokenRecord>();
  const lapsed = new Map<string, TokenRecord>();

  const issue = (fields: NewToken, simulated = false): TokenRecord => {
    const record: TokenRecord = {
      ...fields,
      token: newToken(fields.kind === 'activation' ? 'actk_' : 'fltk_'),
      simulated,
    };
    live.set(record.token, record);
    return record;
  };

  for (const seeded of seed.licenses) {
    const licence = licenceFromSeed(seeded, startedAt, sign);
    licences.set(licence.userKey, licence);
    seeded.holders.forEach((holder, index) => {
      issue(holderToken(licence, holder, index, startedAt, settings), true);
    });
  }

  const state: BabelState = {
    licence: (userKey) => licences.get(userKey),
    sweep(now) {
      for (const record of live.values()) {
        if (record.kind !== 'floating' || record.simulated) continue;
        if (record.expireAt !== undefined && record.expireAt <= now) {
          live.delete(record.token);
          lapsed.set(record.token, record);
        }
      }
      // Maps iterate in insertion order, so the first keys are the oldest tombstones.
      for (const token of lapsed.keys()) {
        if (lapsed.size <= MAX_LAPSED) break;
        lapsed.delete(token);
      }
    },
    tokensOf: (userKey) => [...live.values()].filter((t) => t.userKey === userKey),
    activeCount(licence) {
      const kind: TokenKind | undefined =
        licence.licensingMode === ACTIVATION_MODE
          ? 'activation'
          : licence.licensingMode === FLOATING_MODE
            ? 'floating'
            : undefined;
      return state.tokensOf(licence.userKey).filter((t) => t.kind === kind).length;
    },
    find(token) {
      const record = live.get(token);
      if (record) return { lapsed: false, record };
      const gone = lapsed.get(token);
      return gone ? { lapsed: true, record: gone } : undefined;
    },
    issue: (fields) => issue(fields),
    drop(token) {
      live.delete(token);
      lapsed.delete(token);
    },
    timing(record, now) {
      if (!record.simulated || record.kind !== 'floating') {
        return { expireAt: record.expireAt, lastHeartbeat: record.lastHeartbeat };
      }
      const interval = settings.heartbeatIntervalMs;
      const beats = Math.max(0, Math.floor((now - record.issuedAt) / interval));
      const lastHeartbeat = record.issuedAt + beats * interval;
      return { expireAt: lastHeartbeat + settings.floatingTokenTtlMs, lastHeartbeat };
    },
    setRevoked(userKey, revoked) {
      const licence = licences.get(userKey);
      if (!licence) return false;
      licence.revoked = revoked;
      return true;
    },
    poolCounts(now) {
      state.sweep(now);
      const counts: Record<string, { activation: number; floating: number }> = {};
      for (const userKey of licences.keys()) counts[userKey] = { activation: 0, floating: 0 };
      for (const record of live.values()) {
        const entry = counts[record.userKey];
        if (entry) entry[record.kind] += 1;
      }
      return counts;
    },
  };
  return state;
}

function licenceFromSeed(seeded: SeedLicence, now: number, sign: LicenceSigner): LicenceRecord {
  // issuedDaysAgo counts backwards; with neither date given the licence was issued at start.
  const issuedAt = resolveInstant(seeded.issuedAt, -(seeded.issuedDaysAgo ?? 0), now) ?? now;
  const expireAt = resolveInstant(seeded.expireAt, seeded.expiresInDays, now);
  const supportExpireAt = resolveInstant(seeded.supportExpireAt, seeded.supportExpiresInDays, now);
  const fields = {
    licenseId: seeded.licenseId ?? newLicenseId(),
    product: seeded.product,
    licensee: seeded.licensee,
    licensingMode: seeded.licensingMode,
    maxClientCount: seeded.maxClientCount,
    issuedAt,
    expireAt,
    supportExpireAt,
  };
  return {
    ...fields,
    userKey: seeded.userKey,
    revoked: seeded.revoked,
    tampered: seeded.tampered,
    licenseKey: sign(fields),
  };
}

function holderToken(
  licence: LicenceRecord,
  holder: SeedHolder,
  index: number,
  now: number,
  settings: StateSettings,
): NewToken {
  const floating = licence.licensingMode === FLOATING_MODE;
  const issuedAt = now - holder.heldForMinutes * 60_000;
  const slug = holder.clientName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    kind: floating ? 'floating' : 'activation',
    userKey: licence.userKey,
    clientId: holder.clientId ?? `simulated-${slug}`,
    clientName: holder.clientName,
    machineId: holder.machineId ?? `simulated-machine-${slug}`,
    // 192.0.2.0/24 is reserved for documentation, so it can never be mistaken for a real client.
    clientAddr: holder.clientAddr ?? `192.0.2.${(index % 254) + 1}`,
    issuedAt,
    expireAt: floating ? now + settings.floatingTokenTtlMs : licence.expireAt,
    lastHeartbeat: issuedAt,
  };
}
