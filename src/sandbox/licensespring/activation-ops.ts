import { refuse, type Call } from './call';
import { activationOf, gate, identify, identifyDevice, type Identified } from './identity';
import { borrowedUntil, fullMessage, inUse, isFull, occupy, vacate, wouldFit } from './slot-pool';
import type { LicenceRecord } from './state';
import { isExpired, licenceBody } from './views';
import { DAY_MS, deactivated, isoOrNull, ok, type JsonObject, type Reply } from './wire';

/** activate_license, check_license and deactivate_license: the node-locked lifecycle (5.9). */

/** Floating-cloud licences: a device without a slot gets one, or the call is refused. */
function takeLicenceSlot(licence: LicenceRecord, hardwareId: string, now: number): void {
  if (!licence.pool) return;
  const result = occupy(licence.pool, hardwareId, now);
  if (isFull(result)) refuse('floating_not_available', fullMessage(result, 'this license'));
}

/** The v1 signature a client checks against the public key (contract 5.4). */
function withV1(call: Call, found: Identified, body: JsonObject): JsonObject {
  const validity = isoOrNull(found.licence.validityPeriod);
  return {
    ...body,
    license_signature: call.ctx.signer.v1(found.hardwareId, found.signedId, validity),
  };
}

/** Refusals that depend on the device being new to the licence: seats, then transfers. */
function checkNewDevice(
  licence: LicenceRecord,
  hardwareId: string,
): 'transfer' | 'plain' | 'return' {
  const { terms } = licence;
  if (!terms.allowUnlimitedActivations && licence.activations.size >= terms.maxActivations) {
    refuse(
      'license_activated_max_times',
      `The license is already activated on ${licence.activations.size} of ${terms.maxActivations} devices`,
    );
  }
  if (licence.departed.includes(hardwareId)) return 'return'; // coming back is not a transfer
  if (licence.departed.length === 0) return 'plain';
  const limited = terms.maxTransfers === -1 || terms.maxTransfers > 0;
  if (limited && licence.transferCount >= Math.max(terms.maxTransfers, 0)) {
    refuse(
      'license_transferred_max_times',
      terms.maxTransfers === -1
        ? 'This license may not be transferred to another device'
        : `The license was already transferred ${licence.transferCount} of ${terms.maxTransfers} times`,
    );
  }
  return 'transfer';
}

export function activate(call: Call): Reply {
  return ok(bindDevice(call, identify(call, { password: true })));
}

/**
 * Binds the device to the identified licence (gates, seats, transfers, floating slot, trial
 * start) and returns the v1-signed activation object. activate_license and activate_offline
 * both bind through here, so an activation counts once and the same way whichever route made it.
 */
export function bindDevice(call: Call, found: Identified): JsonObject {
  const { licence, hardwareId } = found;
  const now = call.now;
  gate(licence, now);
  if (call.params.is_vm === true && (licence.terms.preventVm || licence.product.preventVm)) {
    refuse('vm_not_allowed', 'This license may not be activated on a virtual machine');
  }
  if (!licence.terms.isTrial && isExpired(licence, now)) {
    refuse('license_expired', `The license expired at ${isoOrNull(licence.validityPeriod)}`);
  }
  const existing = licence.activations.get(hardwareId);
  const kind = existing ? 'again' : checkNewDevice(licence, hardwareId);
  // Everything that can refuse runs before anything changes.
  const full = licence.pool ? wouldFit(licence.pool, hardwareId, now) : undefined;
  if (full) refuse('floating_not_available', fullMessage(full, 'this license'));

  if (kind === 'transfer') {
    licence.departed.shift();
    licence.transferCount += 1;
  }
  if (kind === 'return') licence.departed.splice(licence.departed.indexOf(hardwareId), 1);
  const activation = existing ?? {
    hardwareId,
    deviceId: call.ctx.state.nextDeviceId(),
    activatedAt: now,
    lastCheck: now,
  };
  activation.lastCheck = now;
  licence.activations.set(hardwareId, activation);
  takeLicenceSlot(licence, hardwareId, now);
  // A trial with only trial_days starts its clock at the first activation.
  if (licence.terms.isTrial && licence.validityPeriod === null && licence.terms.trialDays > 0) {
    licence.validityPeriod = now + licence.terms.trialDays * DAY_MS;
  }
  return withV1(call, found, {
    ...licenceBody(licence, call.ctx.companyId, now),
    active: true,
    device_id: activation.deviceId,
    hardware_id: hardwareId,
    request: 'activation',
    is_expired: isExpired(licence, now),
    installation_file: null,
    variables: [],
  });
}

export function check(call: Call): Reply {
  const found = identifyDevice(call);
  const { licence, hardwareId, activation } = found;
  const now = call.now;
  takeLicenceSlot(licence, hardwareId, now);
  activation.lastCheck = now;
  const pool = licence.pool;
  const borrowed = pool ? borrowedUntil(pool, hardwareId, now) : null;
  return ok(
    withV1(call, found, {
      ...licenceBody(licence, call.ctx.companyId, now),
      device_id: activation.deviceId,
      license_active: true,
      license_enabled: licence.enabled,
      is_expired: isExpired(licence, now),
      is_borrowed: borrowed !== null,
      borrowed_until: isoOrNull(borrowed),
      ...(pool ? { floating_in_use_devices: inUse(pool, now) } : {}),
    }),
  );
}

/** Always allowed for an activated device, even on a disabled or expired licence: it frees it. */
export function deactivate(call: Call): Reply {
  const { licence, hardwareId } = identify(call);
  activationOf(licence, hardwareId);
  licence.activations.delete(hardwareId);
  if (!licence.departed.includes(hardwareId)) licence.departed.push(hardwareId);
  if (licence.pool) vacate(licence.pool, hardwareId);
  for (const feature of licence.features.values()) {
    if (feature.pool) vacate(feature.pool, hardwareId);
  }
  return deactivated();
}
