import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../shared/clock';
import { MAX_EPOCH_MS } from '../../shared/epoch';
import { renderText, type Text } from '../../shared/text';
import { english } from '../../shared/texts/english';
import { englishFormats } from '../../shared/texts/formats';
import { offline } from '../../shared/texts/offline.en';
import type { SecretStore } from '../store/secret-store';

/**
 * Offline licences trust the local clock for expiry, so winding the clock back would extend them.
 * The anchor keeps the latest time this computer has shown, MAC'd with a key that lives in the
 * secret store: the record sits in the (user-editable) state document, so an edit to it, or a
 * record whose key has gone, is detected instead of silently accepted.
 */

export const anchorRecordSchema = z.object({
  /** Latest time seen, epoch ms. */
  latest: z.number().int().min(0).max(MAX_EPOCH_MS),
  /** HMAC-SHA256 of `latest`, base64 (32 bytes → 44 characters). */
  mac: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});
export type AnchorRecord = z.infer<typeof anchorRecordSchema>;

/**
 * Where the record lives (a slot of the state document). `read` returns undefined when there is
 * no record; a wiring that cannot parse the slot should also return undefined: with the key still
 * in the secret store, a missing record counts as tampered (deleting it must not be a way out).
 */
export interface AnchorStorage {
  read(): AnchorRecord | undefined;
  write(record: AnchorRecord): void;
}

export type AnchorCheck =
  | { state: 'ok'; latest: number }
  | { state: 'rolled-back'; latest: number; behindMs: number }
  | { state: 'tampered' };

export interface TimeAnchor {
  /** Checks, then moves the record forward to now when the clock is not behind. */
  observe(): Promise<AnchorCheck>;
  /** Checks without writing anything (not even on first use). */
  check(): Promise<AnchorCheck>;
  /**
   * Sets the record to a time from a trusted source (a signed server time that agrees with our
   * clock), even below the current record: this is how a mark left by a clock that ran ahead, or a
   * tampered record, is cleared. Makes a key if the secret store lost it.
   */
  confirm(trustedNow: number): Promise<void>;
  /**
   * Starts again with a fresh key and a record at the local clock's time. That trusts the local
   * clock as it is, so call it only on a deliberate act that bounds the damage by itself: the
   * user re-importing a licence file (whose own issue date then limits how far back the clock can
   * go). Never call it automatically on `tampered`: that would make the check pointless.
   */
  reset(): Promise<void>;
}

export interface TimeAnchorOptions {
  readonly storage: AnchorStorage;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  /** How far behind the record the clock may be (NTP corrections) before it counts as wound back. */
  readonly toleranceMs?: number;
  readonly secretName?: string;
}

/** Moving the record forward in steps of a minute or more avoids a write per licence read. */
const WRITE_STEP_MS = 60_000;
const KEY_BYTES = 32;

const macOf = (key: Buffer, latest: number): string =>
  createHmac('sha256', key).update(`time-anchor/v1:${latest}`).digest('base64');

/** Compares the MAC strings themselves: any edit to the stored text counts, even a harmless one. */
const verifies = (key: Buffer, record: AnchorRecord): boolean => {
  const expected = Buffer.from(macOf(key, record.latest));
  const given = Buffer.from(record.mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

type Assessment =
  { kind: 'first-use' } | { kind: 'tampered' } | { kind: 'valid'; key: Buffer; latest: number };

export function createTimeAnchor(options: TimeAnchorOptions): TimeAnchor {
  const {
    storage,
    secrets,
    clock,
    toleranceMs = 10 * 60_000,
    secretName = 'time-anchor-key',
  } = options;

  // Calls run one at a time: two first uses racing could otherwise each make a key and leave a
  // record MAC'd with the key that lost, i.e. a false "tampered".
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  const readKey = async (): Promise<Buffer | undefined> => {
    const stored = await secrets.get(secretName);
    return stored === undefined ? undefined : Buffer.from(stored, 'base64');
  };

  const newKey = async (): Promise<Buffer> => {
    const key = randomBytes(KEY_BYTES);
    await secrets.set(secretName, key.toString('base64'));
    return key;
  };

  const writeRecord = (key: Buffer, latest: number): void =>
    storage.write({ latest, mac: macOf(key, latest) });

  const assess = async (): Promise<Assessment> => {
    const record = storage.read();
    const key = await readKey();
    if (!record && !key) return { kind: 'first-use' };
    if (!record || !key || !verifies(key, record)) return { kind: 'tampered' };
    return { kind: 'valid', key, latest: record.latest };
  };

  const judge = (latest: number, now: number): AnchorCheck =>
    now < latest - toleranceMs
      ? { state: 'rolled-back', latest, behindMs: latest - now }
      : { state: 'ok', latest: Math.max(latest, now) };

  return {
    check: () =>
      serial(async () => {
        const now = clock.now();
        const found = await assess();
        if (found.kind === 'first-use') return { state: 'ok', latest: now };
        if (found.kind === 'tampered') return { state: 'tampered' };
        return judge(found.latest, now);
      }),

    observe: () =>
      serial(async () => {
        const now = clock.now();
        const found = await assess();
        if (found.kind === 'first-use') {
          const key = await newKey();
          try {
            writeRecord(key, now);
          } catch (error) {
            // A key without its record reads as tampered forever after: take the key back so the
            // next start is a clean first use. If that fails too, the write error is the news.
            await secrets.delete(secretName).catch(() => undefined);
            throw error;
          }
          return { state: 'ok', latest: now };
        }
        // Tampered stays tampered: only confirm/reset clear it.
        if (found.kind === 'tampered') return { state: 'tampered' };
        // Only ever forward: a clock behind the record (rolled back or not) writes nothing.
        if (now - found.latest > WRITE_STEP_MS) writeRecord(found.key, now);
        return judge(found.latest, now);
      }),

    confirm: (trustedNow) =>
      serial(async () => {
        if (!anchorRecordSchema.shape.latest.safeParse(trustedNow).success) {
          throw new RangeError(`confirm(${trustedNow}): not an epoch time in ms`);
        }
        writeRecord((await readKey()) ?? (await newKey()), trustedNow);
      }),

    reset: () => serial(async () => writeRecord(await newKey(), clock.now())),
  };
}

const UNITS = [
  [offline.behindDays, 86_400_000],
  [offline.behindHours, 3_600_000],
  [offline.behindMinutes, 60_000],
] as const;

/** The largest whole unit only: "3 days", not "3 days 4 hours 12 minutes". */
const behindBy = (ms: number): Text => {
  for (const [say, size] of UNITS) {
    const count = Math.floor(ms / size);
    if (count >= 1) return say({ count });
  }
  return offline.behindUnderAMinute();
};

/** What a check means for the person in front of the computer, and what they can do about it. */
export function anchorText(check: AnchorCheck): Text {
  switch (check.state) {
    case 'ok':
      return offline.clockAgrees({ latest: check.latest });
    case 'rolled-back':
      return offline.clockBehind({ behind: behindBy(check.behindMs), latest: check.latest });
    case 'tampered':
      return offline.clockRecordAltered();
  }
}

/** `anchorText` in English (UTC unless told otherwise), for logs, the CLI and older callers. */
export function describeAnchor(
  check: AnchorCheck,
  formatInstant: (ms: number) => string = englishFormats.instant,
): string {
  return (
    renderText(anchorText(check), english, { ...englishFormats, instant: formatInstant }) ?? ''
  );
}
