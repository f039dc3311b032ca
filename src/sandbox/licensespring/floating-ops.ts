import { z } from 'zod';
import { refuse, type Call } from './call';
import { featureOf } from './feature-ops';
import { activationOf, identify, identifyDevice } from './identity';
import { fullMessage, isFull, occupy, vacate, type SlotPool } from './slot-pool';
import { empty, HOUR_MS, iso, ok, type Reply } from './wire';

/**
 * floating/release, floating/borrow and their feature_ variants (contract 5.5, 5.9). Release is
 * idempotent (a device without a slot has nothing to give back); borrow keeps the slot until
 * `borrowed_until`, at most `max_borrow_time` hours ahead.
 */

export function release(call: Call): Reply {
  const { licence, hardwareId } = identify(call);
  activationOf(licence, hardwareId);
  if (licence.pool) vacate(licence.pool, hardwareId);
  return empty();
}

export function releaseFeature(call: Call): Reply {
  const { licence, hardwareId } = identify(call);
  activationOf(licence, hardwareId);
  const feature = featureOf(call, licence);
  if (feature.pool) vacate(feature.pool, hardwareId);
  return empty();
}

const isoDateTime = z.iso.datetime({ offset: true });

/** `borrowed_until`: null or absent = the longest borrow allowed; else an ISO-8601 instant. */
function borrowEnd(call: Call, maxHours: number): number {
  const limit = call.now + maxHours * HOUR_MS;
  const value = call.params.borrowed_until;
  if (value === undefined || value === null) return limit;
  if (typeof value !== 'string' || !isoDateTime.safeParse(value).success) {
    refuse('borrow_until_not_valid', 'borrowed_until must be an ISO-8601 date-time (UTC) or null');
  }
  const until = Date.parse(value);
  if (until <= call.now || until > limit) {
    refuse(
      'borrow_until_not_valid',
      `borrowed_until must be after now and no later than ${iso(limit)} (max_borrow_time ${maxHours} h)`,
    );
  }
  return until;
}

function borrowSlot(
  pool: SlotPool,
  hardwareId: string,
  until: number,
  now: number,
  what: string,
): void {
  const result = occupy(pool, hardwareId, now);
  if (isFull(result)) refuse('floating_not_available', fullMessage(result, what));
  result.borrowedUntil = until;
}

export function borrow(call: Call): Reply {
  const { licence, hardwareId, activation } = identifyDevice(call);
  const { terms } = licence;
  if (!licence.pool || !terms.canBorrow) {
    refuse('borrowing_not_allowed', 'This license is not a floating license that can be borrowed');
  }
  const until = borrowEnd(call, terms.maxBorrowTime);
  borrowSlot(licence.pool, hardwareId, until, call.now, 'this license');
  return ok({
    borrowed_until: iso(until),
    max_borrow_time: terms.maxBorrowTime,
    device_id: activation.deviceId,
    license_id: licence.id,
    company: { id: call.ctx.companyId },
  });
}

/** A feature slot may be borrowed when its licence allows borrowing, for as long as it does. */
export function borrowFeature(call: Call): Reply {
  const { licence, hardwareId, activation } = identifyDevice(call);
  const feature = featureOf(call, licence);
  const { terms } = licence;
  if (!feature.pool || !terms.canBorrow) {
    refuse(
      'borrowing_not_allowed',
      `Feature '${feature.def.code}' is not a floating feature of a license that can be borrowed`,
    );
  }
  const until = borrowEnd(call, terms.maxBorrowTime);
  borrowSlot(feature.pool, hardwareId, until, call.now, `feature '${feature.def.code}'`);
  return ok({
    borrowed_until: iso(until),
    max_borrow_time: terms.maxBorrowTime,
    device_id: activation.deviceId,
    license_id: licence.id,
    company: { id: call.ctx.companyId },
  });
}
