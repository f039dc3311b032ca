import { generateFleetSeed } from './generate';
import {
  mobiusFlowDemoSeed,
  parseMobiusFlowSeed,
  type MobiusFlowSeed,
  type ParsedMobiusFlowSeed,
} from './seed';

/**
 * Checks the numeric options of an engine and picks its fleet: an explicit seed, a generated
 * fleet (hubs / faultRate), or the demo seed. Out-of-range values throw at start rather than
 * surfacing later as odd token lifetimes or a fleet of zero.
 */

export interface EngineInput {
  hubs?: number;
  faultRate?: number;
  seed?: MobiusFlowSeed;
  accessTtlSeconds?: number;
  refreshTtlSeconds?: number;
  slowMs?: number;
}

export interface EngineSettings {
  readonly seed: ParsedMobiusFlowSeed;
  readonly accessMs: number;
  readonly refreshMs: number;
  readonly slowMs: number;
}

const MAX_HUBS = 100_000;
const YEAR_SECONDS = 365 * 86_400;

function checked(name: string, value: number, min: number, max: number, integer = true): number {
  const outside = !Number.isFinite(value) || value < min || value > max;
  if (outside || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

function fleetSeed(input: EngineInput): ParsedMobiusFlowSeed {
  const generate = input.hubs !== undefined || input.faultRate !== undefined;
  if (input.seed !== undefined && generate) {
    throw new Error('Pass either seed or hubs/faultRate, not both');
  }
  if (input.seed !== undefined) return parseMobiusFlowSeed(input.seed);
  if (!generate) return mobiusFlowDemoSeed();
  const hubs = checked('hubs', input.hubs ?? 12, 1, MAX_HUBS);
  const faultRate = checked('faultRate', input.faultRate ?? 0, 0, 1, false);
  return generateFleetSeed(hubs, faultRate);
}

export function engineSettings(input: EngineInput): EngineSettings {
  const ttl = (name: string, value: number) => checked(name, value, 1, YEAR_SECONDS) * 1000;
  return {
    accessMs: ttl('accessTtlSeconds', input.accessTtlSeconds ?? 600),
    refreshMs: ttl('refreshTtlSeconds', input.refreshTtlSeconds ?? 43_200),
    slowMs: checked('slowMs', input.slowMs ?? 3000, 0, 600_000),
    seed: fleetSeed(input),
  };
}
