import type { LsConsumptionMeter } from '../../../shared/licensespring-model';

/**
 * The maths of a LicenseSpring consumption counter: what is used, over, left, and where the parts
 * of its bar go. No words: licensespring-text says the reading, the forms check amounts against it.
 */

export type MeterState = 'unlimited' | 'ok' | 'high' | 'overage' | 'exhausted';

/** Where the parts of a meter's bar go, as fractions (0 to 1) of the bar's length. */
export interface MeterBar {
  /** Usage within the included amount. */
  readonly included: number;
  /** Usage beyond it, drawn in the overage zone. */
  readonly overage: number;
  /** Where the included amount ends: the start of the overage zone. */
  readonly limit: number;
  /** The overage zone's length; 0 when the vendor allows no overages. */
  readonly zone: number;
}

export interface MeterReading {
  readonly state: MeterState;
  /** Used beyond the included amount. */
  readonly over: number;
  /** The most the counter may reach (included plus overages); undefined when nothing caps it. */
  readonly cap: number | undefined;
  /** What may still be recorded; undefined when nothing caps it. */
  readonly left: number | undefined;
  /** Undefined for an unlimited counter: there is nothing to fill. */
  readonly bar: MeterBar | undefined;
}

/** How much of the bar an uncapped overage zone takes, so overages still have room to show. */
const OPEN_ZONE = 0.25;
/** From this share of the included amount on, the meter turns amber. */
const HIGH_SHARE = 0.8;

const clamp = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * The maths of a consumption counter. With overages the bar has two zones: the included amount,
 * then the overage zone up to the vendor's cap (or an open-ended zone when there is no cap).
 */
export function readMeter(meter: LsConsumptionMeter): MeterReading {
  const { total, max } = meter;
  if (meter.unlimited) {
    return { state: 'unlimited', over: 0, cap: undefined, left: undefined, bar: undefined };
  }
  const over = Math.max(0, total - max);
  const capped = !meter.allowOverages || meter.maxOverages > 0;
  const cap = !meter.allowOverages
    ? max
    : meter.maxOverages > 0
      ? max + meter.maxOverages
      : undefined;
  const left = cap === undefined ? undefined : Math.max(0, cap - total);
  const scale = capped
    ? (cap ?? max)
    : Math.max(total, max + Math.max(1, Math.ceil((max * OPEN_ZONE) / (1 - OPEN_ZONE))));
  const limit = scale > 0 ? max / scale : 1;
  const bar: MeterBar = {
    included: scale > 0 ? clamp(Math.min(total, max) / scale) : 0,
    overage: scale > 0 ? clamp(over / scale) : 0,
    limit,
    zone: meter.allowOverages ? 1 - limit : 0,
  };
  const state: MeterState =
    left === 0
      ? 'exhausted'
      : over > 0
        ? 'overage'
        : max > 0 && total >= max * HIGH_SHARE
          ? 'high'
          : 'ok';
  return { state, over, cap, left, bar };
}
