import { iso, MINUTE_MS } from './wire';

/**
 * Floating-cloud slots, for a licence or for one feature of it (contract 5.9): a check takes or
 * refreshes the device's slot; a slot lapses `floating_timeout` minutes after the device's last
 * check, or at the end of a borrow, whichever is later. No timers: lapse is judged against the
 * injected clock whenever the pool is looked at, so a manual clock controls it completely.
 */

export interface Slot {
  readonly hardwareId: string;
  lastSeen: number;
  borrowedUntil: number | null;
}

export interface SlotPool {
  readonly capacity: number;
  readonly timeoutMs: number;
  readonly slots: Map<string, Slot>;
}

export interface PoolFull {
  readonly inUse: number;
  readonly capacity: number;
  /** When the earliest slot lapses; null when the pool has no slots at all. */
  readonly nextFreeAt: number | null;
}

export function createPool(capacity: number, timeoutMinutes: number): SlotPool {
  return { capacity, timeoutMs: timeoutMinutes * MINUTE_MS, slots: new Map() };
}

export function lapsesAt(pool: SlotPool, slot: Slot): number {
  return Math.max(slot.lastSeen + pool.timeoutMs, slot.borrowedUntil ?? 0);
}

export function sweep(pool: SlotPool, now: number): void {
  for (const slot of pool.slots.values()) {
    if (lapsesAt(pool, slot) <= now) pool.slots.delete(slot.hardwareId);
  }
}

export function inUse(pool: SlotPool, now: number): number {
  sweep(pool, now);
  return pool.slots.size;
}

/** The device's live slot, if it holds one. */
export function slotOf(pool: SlotPool, hardwareId: string, now: number): Slot | undefined {
  sweep(pool, now);
  return pool.slots.get(hardwareId);
}

/** Whether a check at `now` would get a slot, without taking it (activation checks first). */
export function wouldFit(pool: SlotPool, hardwareId: string, now: number): PoolFull | undefined {
  if (slotOf(pool, hardwareId, now) || pool.slots.size < pool.capacity) return undefined;
  const ends = [...pool.slots.values()].map((s) => lapsesAt(pool, s));
  return {
    inUse: pool.slots.size,
    capacity: pool.capacity,
    nextFreeAt: ends.length === 0 ? null : Math.min(...ends),
  };
}

/** Takes or refreshes the device's slot; a full pool leaves everything as it was. */
export function occupy(pool: SlotPool, hardwareId: string, now: number): Slot | PoolFull {
  const full = wouldFit(pool, hardwareId, now);
  if (full) return full;
  const slot = pool.slots.get(hardwareId) ?? { hardwareId, lastSeen: now, borrowedUntil: null };
  slot.lastSeen = now;
  pool.slots.set(hardwareId, slot);
  return slot;
}

export const isFull = (result: Slot | PoolFull): result is PoolFull => !('hardwareId' in result);

export function vacate(pool: SlotPool, hardwareId: string): boolean {
  return pool.slots.delete(hardwareId);
}

/** The end of the device's borrow, while it lasts. */
export function borrowedUntil(pool: SlotPool, hardwareId: string, now: number): number | null {
  const until = slotOf(pool, hardwareId, now)?.borrowedUntil ?? null;
  return until !== null && until > now ? until : null;
}

/** The `floating_not_available` message: how many of how many, and when one frees up. */
export function fullMessage(full: PoolFull, what: string): string {
  if (full.nextFreeAt === null) return `${what} has no floating slots (0 of 0 in use).`;
  return (
    `All ${full.capacity} floating slots of ${what} are in use (${full.inUse} of ` +
    `${full.capacity}); the next frees up by ${iso(full.nextFreeAt)}.`
  );
}
