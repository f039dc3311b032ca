import type { z } from 'zod';
import { LicensingError } from '../licensing-error';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { createLsApi, type LsApiOptions, type LsParams } from './licensespring-api';
import type { LsKnownLimits, LsOperation } from './licensespring-errors';
import { checkIdentity } from './licensespring-input';
import { toLsLicence } from './licensespring-mapping';
import type { LsLicence } from './licensespring-types';
import type { ResponseVerifier } from './licensespring-verify';
import { licenceWire } from './licensespring-wire';
import { parseReply } from './wire-helpers';

/**
 * The plumbing between the adapter's methods and the API: the identity parameter of the product
 * (licence key or username), the limits remembered from earlier answers (for messages with
 * numbers), the v1 licence signature, and the unsigned acknowledgements of deactivate and release.
 */

export interface LsCall {
  readonly operation: LsOperation;
  /** The stored identity, already checked. */
  readonly key?: string;
  readonly params?: LsParams;
  /** Values beyond the key that must never reach a message (the password). */
  readonly secrets?: readonly string[];
  readonly feature?: string;
}

export interface LsClient {
  readonly host: string;
  /** The stored identity (licence key or username), checked before anything is sent. */
  identity(raw: string): string;
  /** One call whose verified 2xx body must fit `schema`. */
  read<S extends z.ZodType>(schema: S, call: LsCall): Promise<z.output<S>>;
  /** activate_license / check_license, verified with both signatures. */
  licence(operation: 'activate' | 'check', key: string, password?: string): Promise<LsLicence>;
  /** deactivate and releases: done, or already done when the server holds nothing for us. */
  letGo(call: LsCall, expected: string): Promise<void>;
  /** The licence's floating timeout from the last check, for features that do not state theirs. */
  floatingTimeout(key: string): number | undefined;
}

export function createLsClient(
  options: LsApiOptions & { readonly verifier: ResponseVerifier },
): LsClient {
  const { userProduct, verifier, hardwareId, clock } = options;
  const api = createLsApi(options);
  const { host } = api;
  const known = new Map<string, LsKnownLimits>();

  const send = (call: LsCall, deviceNotFoundIsDone = false) => {
    const { key } = call;
    const identity: LsParams =
      key === undefined ? {} : userProduct ? { username: key } : { license_key: key };
    return api.send({
      operation: call.operation,
      params: { ...identity, ...call.params },
      secrets: [...(key === undefined ? [] : [key]), ...(call.secrets ?? [])],
      feature: call.feature,
      known: key === undefined ? undefined : known.get(key),
      deviceNotFoundIsDone,
    });
  };

  return {
    host,
    identity: (raw) => checkIdentity(raw, userProduct),

    async read(schema, call) {
      const { response } = await send(call);
      return parseReply(schema, response.body, host);
    },

    async licence(operation, key, password) {
      const { response, serverTime } = await send({
        operation,
        key,
        params: password === undefined ? {} : { password },
        secrets: password === undefined ? [] : [password],
      });
      const wire = parseReply(licenceWire, response.body, host);
      // v1 binds the answer to this computer and this licence: another device's valid answer
      // replayed here fails. For user licences the id is the username before any "|".
      const id = userProduct ? (key.split('|')[0] ?? key) : key;
      const signature = (response.body as { license_signature?: unknown }).license_signature;
      verifier.checkV1({ hardwareId, id, validity: wire.validity_period ?? null }, signature);
      const licence = toLsLicence(wire, { now: clock.now(), serverTime });
      known.set(key, {
        maxActivations: licence.maxActivations,
        maxTransfers: licence.maxTransfers,
        maxBorrowHours: licence.floating?.maxBorrowHours,
        floatingTimeoutMinutes: licence.floating?.timeoutMinutes,
      });
      return licence;
    },

    async letGo(call, expected) {
      const { response } = await send(call, true);
      if (response.status >= 300 || response.body === undefined) return;
      // The body may come as JSON ("license_deactivated") or as bare text.
      const text = typeof response.body === 'string' ? response.body.replace(/^"|"$/g, '') : null;
      // Still checked: a captive portal's 200 page must not pass for a release.
      if (text !== expected) {
        throw new LicensingError('protocol', ls.notConfirmed({ host }));
      }
    },

    floatingTimeout: (key) => known.get(key)?.floatingTimeoutMinutes,
  };
}
