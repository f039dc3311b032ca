import { refuse, requiredString, type Call } from './call';
import { addConsumption, type ConsumptionCounter } from './consumption';
import { identifyDevice } from './identity';
import { fullMessage, isFull, occupy } from './slot-pool';
import type { FeatureState, LicenceRecord } from './state';
import { featureCheck, featureConsumptionReply, licenceConsumptionReply } from './views';
import { ok, type Reply } from './wire';

/** check_license_feature, add_consumption and add_feature_consumption. */

export function featureOf(call: Call, licence: LicenceRecord): FeatureState {
  const code = requiredString(call.params, 'feature');
  const feature = licence.features.get(code);
  if (!feature) {
    refuse(
      'invalid_license_feature_code',
      `License feature code '${code}' is invalid or not assigned to the license`,
    );
  }
  return feature;
}

/** A check connects the device to the feature; a floating feature also takes (or keeps) a slot. */
export function checkFeature(call: Call): Reply {
  const { licence, hardwareId } = identifyDevice(call);
  const feature = featureOf(call, licence);
  if (feature.pool) {
    const result = occupy(feature.pool, hardwareId, call.now);
    if (isFull(result)) {
      refuse('floating_not_available', fullMessage(result, `feature '${feature.def.code}'`));
    }
  }
  return ok(featureCheck(licence, feature, call.now));
}

/** `consumptions`: default 1, a whole number, never 0 (a no-op is most likely a client bug). */
function consumptionsOf(call: Call): number {
  const value = call.params.consumptions;
  if (value === undefined || value === null) return 1;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value === 0) {
    refuse('validation_error', 'consumptions must be a non-zero integer');
  }
  return value;
}

function add(counter: ConsumptionCounter, amount: number, now: number, what: string): void {
  const outcome = addConsumption(counter, amount, now);
  switch (outcome.kind) {
    case 'added':
      return;
    case 'negative-not-allowed':
      return refuse(
        'negative_consumptions_not_allowed',
        `Negative consumptions are not allowed on ${what}`,
      );
    case 'below-zero':
      return refuse(
        'validation_error',
        `${amount} would take the total consumptions of ${what} (${outcome.total}) below 0`,
      );
    case 'over-limit':
      return refuse(
        'consumption_limit_exceeded',
        `Adding ${amount} to ${outcome.total} would exceed the ${outcome.ceiling} consumptions ` +
          `allowed on ${what} (max_consumptions plus overages)`,
      );
  }
}

export function addLicenceConsumption(call: Call): Reply {
  const { licence } = identifyDevice(call);
  const amount = consumptionsOf(call);
  if (!licence.counter) {
    refuse('not_consumption_license', 'This license is not a consumption license');
  }
  add(licence.counter, amount, call.now, 'this license');
  return ok(licenceConsumptionReply(licence, call.ctx.companyId, call.now));
}

export function addFeatureConsumption(call: Call): Reply {
  const { licence } = identifyDevice(call);
  const feature = featureOf(call, licence);
  const amount = consumptionsOf(call);
  if (!feature.counter) {
    refuse(
      'unsupported_product_feature',
      `Feature '${feature.def.code}' is an activation feature, not a consumption feature`,
    );
  }
  add(feature.counter, amount, call.now, `feature '${feature.def.code}'`);
  return ok(featureConsumptionReply(licence, feature, call.ctx.companyId, call.now));
}
