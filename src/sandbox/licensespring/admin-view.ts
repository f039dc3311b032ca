import { settle } from './consumption';
import type { TokenStore } from './oauth';
import { inUse, lapsesAt, type SlotPool } from './slot-pool';
import type { LicenseSpringState } from './state';
import type { Tamper } from './tamper';
import { iso, isoOrNull } from './wire';

/**
 * `GET /__sandbox/state`: what the vendor's back office would show, for tests and the demo
 * screen. Not part of the protocol, so it is free to show what the License API never reveals
 * (who holds floating slots and until when).
 */

function poolView(pool: SlotPool, now: number) {
  return {
    in_use: inUse(pool, now),
    capacity: pool.capacity,
    slots: [...pool.slots.values()].map((slot) => ({
      hardware_id: slot.hardwareId,
      last_seen: iso(slot.lastSeen),
      borrowed_until: isoOrNull(slot.borrowedUntil),
      lapses_at: iso(lapsesAt(pool, slot)),
    })),
  };
}

export function adminState(
  state: LicenseSpringState,
  tokens: TokenStore,
  tamper: Tamper,
  now: number,
) {
  return {
    now: iso(now),
    licenses: state.allLicences().map((licence) => {
      if (licence.counter) settle(licence.counter, now);
      return {
        id: licence.id,
        license_key: licence.licenseKey,
        username: licence.user?.email ?? null,
        product: licence.product.shortCode,
        enabled: licence.enabled,
        is_trial: licence.terms.isTrial,
        validity_period: isoOrNull(licence.validityPeriod),
        times_activated: licence.activations.size,
        transfer_count: licence.transferCount,
        activations: [...licence.activations.values()].map((a) => ({
          hardware_id: a.hardwareId,
          device_id: a.deviceId,
          activated_at: iso(a.activatedAt),
          last_check: iso(a.lastCheck),
        })),
        floating: licence.pool ? poolView(licence.pool, now) : null,
        total_consumptions: licence.counter?.total ?? null,
        features: [...licence.features.values()].map((feature) => {
          if (feature.counter) settle(feature.counter, now);
          return {
            code: feature.def.code,
            floating: feature.pool ? poolView(feature.pool, now) : null,
            total_consumptions: feature.counter?.total ?? null,
          };
        }),
      };
    }),
    oauth_tokens: tokens.liveCount(now),
    tamper: tamper.armed(),
  };
}
