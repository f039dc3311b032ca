import type { ConsumptionPeriod } from './seed-schema';

/**
 * A consumption counter, for a consumption licence or a consumption feature (contract 5.9).
 * With `reset_consumption` the total goes back to 0 at the start of every period, counted in UTC
 * calendar steps from the counter's own anchor (the sandbox start for seeded licences). Like the
 * floating pool, resets are applied lazily whenever the counter is read or written.
 */

export interface ConsumptionLimits {
  readonly max: number;
  readonly allowUnlimited: boolean;
  readonly allowOverages: boolean;
  readonly maxOverages: number;
  readonly allowNegative: boolean;
  readonly reset: boolean;
  readonly period: ConsumptionPeriod | null;
}

export interface ConsumptionCounter extends ConsumptionLimits {
  total: number;
  /** Start of period 0; period k starts at step(anchor, k). */
  readonly anchor: number;
  periodsElapsed: number;
}

export type AddOutcome =
  | { readonly kind: 'added' }
  | { readonly kind: 'negative-not-allowed' }
  | { readonly kind: 'below-zero'; readonly total: number }
  | { readonly kind: 'over-limit'; readonly total: number; readonly ceiling: number };

export function createCounter(limits: ConsumptionLimits, anchor: number): ConsumptionCounter {
  return { ...limits, total: 0, anchor, periodsElapsed: 0 };
}

/** Start of period `k` after `anchor`; months and years clamp to the month's last day. */
export function periodStart(anchor: number, period: ConsumptionPeriod, k: number): number {
  if (period === 'daily') return anchor + k * 86_400_000;
  if (period === 'weekly') return anchor + k * 7 * 86_400_000;
  const months = period === 'monthly' ? k : 12 * k;
  const from = new Date(anchor);
  const target = new Date(anchor);
  target.setUTCDate(1);
  target.setUTCMonth(from.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target.getTime();
}

/** Applies every reset due by `now`. */
export function settle(counter: ConsumptionCounter, now: number): void {
  if (!counter.reset || counter.period === null) return;
  const period = counter.period;
  const due = (k: number) => periodStart(counter.anchor, period, k) <= now;
  if (!due(counter.periodsElapsed + 1)) return;
  while (due(counter.periodsElapsed + 1)) counter.periodsElapsed += 1;
  counter.total = 0;
}

/** The most the total may reach; null = no limit (unlimited, or overages without a cap). */
export function ceilingOf(limits: ConsumptionLimits): number | null {
  if (limits.allowUnlimited) return null;
  if (!limits.allowOverages) return limits.max;
  return limits.maxOverages === 0 ? null : limits.max + limits.maxOverages;
}

export function addConsumption(
  counter: ConsumptionCounter,
  amount: number,
  now: number,
): AddOutcome {
  settle(counter, now);
  if (amount < 0 && !counter.allowNegative) return { kind: 'negative-not-allowed' };
  const next = counter.total + amount;
  if (next < 0) return { kind: 'below-zero', total: counter.total };
  const ceiling = ceilingOf(counter);
  if (amount > 0 && ceiling !== null && next > ceiling) {
    return { kind: 'over-limit', total: counter.total, ceiling };
  }
  counter.total = next;
  return { kind: 'added' };
}
