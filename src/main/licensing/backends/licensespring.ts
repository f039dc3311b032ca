import type { Clock } from '../../../shared/clock';
import type { HttpClient } from '../../http/http-client';
import type { ClientIdentity, Credentials, LicensingBackend } from '../backend';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { LicensingError } from '../licensing-error';
import type { LsAuth, LsParams } from './licensespring-api';
import { createLsClient } from './licensespring-client';
import { createLsOffline, type OfflineKind } from './licensespring-offline';
import type { LsOperation } from './licensespring-errors';
import {
  checkAmount,
  checkBorrowUntil,
  checkEmail,
  checkFeatureCode,
  checkIdentity,
  checkPassword,
} from './licensespring-input';
import {
  toActivationRecord,
  toLsBorrow,
  toLsConsumption,
  toLsFeature,
  toLsProduct,
} from './licensespring-mapping';
import type {
  LsBorrow,
  LsConsumption,
  LsFeature,
  LsLicence,
  LsProduct,
} from './licensespring-types';
import { createResponseVerifier } from './licensespring-verify';
import {
  borrowReply,
  consumptionReply,
  featureWire,
  productReply,
  trialReply,
} from './licensespring-wire';
import { normaliseBaseUrl } from './wire-helpers';

/**
 * Adapter for the LicenseSpring License API v4 (contract: shared/backends/CONTRACTS.md §5):
 * node-locked activation by licence key or user account, floating licences and features (a check
 * takes or refreshes a slot), borrowing, consumption, trials and product details. Requests are
 * signed (HMAC or OAuth, licensespring-api.ts); answers are used only once their RSA signatures
 * verify (licensespring-verify.ts).
 */

export type { LsBorrow, LsConsumption, LsFeature, LsLicence, LsProduct };

export interface LicenseSpringOptions {
  /** Server origin (https://api.licensespring.com or the sandbox url); /api/v4/ is appended. */
  readonly baseUrl: string;
  readonly productCode: string;
  readonly auth: LsAuth;
  /** The vendor's RSA public key (SPKI PEM) for response signatures. */
  readonly publicKeyPem: string;
  readonly authorizationMethod: 'license-key' | 'user';
  readonly timeoutMs?: number;
  readonly http: HttpClient;
  readonly clock: Clock;
  /** hardware_id = identity.machineId. */
  readonly identity: ClientIdentity;
  /** app_name / app_ver of offline request files; default 'license-manager' / '0.0.0'. */
  readonly appName?: string;
  readonly appVersion?: string;
}

/** `key` = the stored identity: the licence key, or the username of a user-based product. */
export interface LicenseSpringCapability {
  /** Takes or refreshes a floating slot on floating licences. */
  check(key: string): Promise<LsLicence>;
  product(): Promise<LsProduct>;
  /** The key of a new (or this device's existing) trial licence. */
  trialKey(email?: string): Promise<string>;
  /** Takes a floating feature slot on floating features. */
  checkFeature(key: string, code: string): Promise<LsFeature>;
  releaseFeature(key: string, code: string): Promise<void>;
  borrowFeature(key: string, code: string, until?: number): Promise<LsBorrow>;
  consume(key: string, amount: number): Promise<LsConsumption>;
  consumeFeature(key: string, code: string, amount: number): Promise<LsConsumption>;
  release(key: string): Promise<void>;
  /** `until` absent: as long as the licence allows (max_borrow_time). */
  borrow(key: string, until?: number): Promise<LsBorrow>;
  /** The request file (base64 text) to upload to LicenseSpring's offline portal (§5.6). */
  offlineRequest(key: string, kind: OfflineKind): Promise<string>;
  /**
   * The licence in a licence file from the offline portal, once its signatures verify and it is
   * for this computer, this product and (when given) `expectedKey`. Stores nothing.
   */
  readOfflineResponse(
    fileText: string,
    expectedKey?: string,
  ): Promise<{ licence: LsLicence; key: string }>;
}

export interface LicenseSpringBackend extends LicensingBackend {
  readonly kind: 'licensespring';
  readonly licenseSpring: LicenseSpringCapability;
}

export function createLicenseSpringBackend(options: LicenseSpringOptions): LicenseSpringBackend {
  const userProduct = options.authorizationMethod === 'user';
  const verifier = createResponseVerifier(options.publicKeyPem);
  const client = createLsClient({
    ...options,
    baseUrl: normaliseBaseUrl(options.baseUrl),
    hardwareId: options.identity.machineId,
    userProduct,
    verifier,
  });
  const offline = createLsOffline({
    ...options,
    hardwareId: options.identity.machineId,
    userProduct,
    appName: options.appName ?? 'license-manager',
    appVersion: options.appVersion ?? '0.0.0',
    verifier,
  });
  const { host } = client;
  const now = (): number => options.clock.now();

  /** A call about one feature of the licence: identity and feature code checked first. */
  const onFeature = (
    operation: LsOperation,
    rawKey: string,
    rawCode: string,
    params: LsParams = {},
  ) => {
    const key = client.identity(rawKey);
    const feature = checkFeatureCode(rawCode);
    return { operation, key, feature, params: { feature, ...params } };
  };

  const licenseSpring: LicenseSpringCapability = {
    // Every method is async, so a refused input is a rejection like any other failure.
    check: async (key) => client.licence('check', client.identity(key)),

    async product() {
      return toLsProduct(await client.read(productReply, { operation: 'product' }));
    },

    async trialKey(rawEmail) {
      const params = { email: checkEmail(rawEmail) };
      const reply = await client.read(trialReply, { operation: 'trial', params });
      const issued = reply.license_key ?? reply.license_user?.email;
      if (issued) return issued;
      throw new LicensingError('protocol', ls.trialWithoutKey({ host }));
    },

    async checkFeature(rawKey, rawCode) {
      const call = onFeature('feature', rawKey, rawCode);
      const wire = await client.read(featureWire, call);
      return toLsFeature(wire, client.floatingTimeout(call.key));
    },

    releaseFeature: async (key, code) => client.letGo(onFeature('feature_release', key, code), ''),

    async borrowFeature(key, code, until) {
      const borrowed_until = checkBorrowUntil(until, now());
      const call = onFeature('feature_borrow', key, code, { borrowed_until });
      return toLsBorrow(await client.read(borrowReply, call));
    },

    async consume(rawKey, amount) {
      const params = { consumptions: checkAmount(amount) };
      const call = { operation: 'consume' as const, key: client.identity(rawKey), params };
      return toLsConsumption(await client.read(consumptionReply, call));
    },

    async consumeFeature(key, code, amount) {
      const call = onFeature('consume_feature', key, code, { consumptions: checkAmount(amount) });
      return toLsConsumption(await client.read(consumptionReply, call));
    },

    release: async (key) => client.letGo({ operation: 'release', key: client.identity(key) }, ''),

    async borrow(rawKey, until) {
      const params = { borrowed_until: checkBorrowUntil(until, now()) };
      const call = { operation: 'borrow' as const, key: client.identity(rawKey), params };
      return toLsBorrow(await client.read(borrowReply, call));
    },

    offlineRequest: async (key, kind) => offline.request(client.identity(key), kind),

    readOfflineResponse: async (fileText, expectedKey) =>
      offline.read(fileText, expectedKey === undefined ? undefined : client.identity(expectedKey)),
  };

  return {
    kind: 'licensespring',
    activationMethods: userProduct ? ['account'] : ['key'],
    // No fixed cadence: the licence service schedules floating checks from floating_timeout.
    revalidateEveryMs: undefined,
    async activate(credentials) {
      const { key, password } = credentialsFor(credentials, userProduct);
      const licence = await client.licence('activate', key, password);
      return toActivationRecord(licence, userProduct ? key : undefined);
    },
    async validate(rawKey) {
      const key = client.identity(storedKey(rawKey));
      return toActivationRecord(await client.licence('check', key), userProduct ? key : undefined);
    },
    deactivate: async (key) =>
      client.letGo(
        { operation: 'deactivate', key: client.identity(storedKey(key)) },
        'license_deactivated',
      ),
    licenseSpring,
  };
}

/** The identity and password to activate with, as this product's authorization method wants. */
function credentialsFor(
  credentials: Credentials,
  userProduct: boolean,
): { key: string; password?: string } {
  if (userProduct && credentials.method === 'account') {
    return {
      key: checkIdentity(credentials.username, true),
      password: checkPassword(credentials.password),
    };
  }
  if (!userProduct && credentials.method === 'key')
    return { key: checkIdentity(credentials.key, false) };
  throw new LicensingError(
    'invalid_input',
    userProduct ? ls.activateWithAccount() : ls.activateWithKey(),
  );
}

function storedKey(key: string | undefined): string {
  if (key === undefined) {
    throw new LicensingError('not_activated', ls.identityMissing());
  }
  return key;
}
