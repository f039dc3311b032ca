import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock';
import type { Text } from '../../../shared/text';
import { licensespring as ls } from '../../../shared/texts/licensespring.en';
import { LicensingError } from '../licensing-error';
import { maskKey } from '../mask';
import type { LsAuth } from './licensespring-api';
import { toLsLicence } from './licensespring-mapping';
import {
  decodeLicenceFile,
  type OfflineFields,
  hmacBase64,
  notALicenceFile,
  offlineDate,
  offlineFields,
  offlineSigningString,
  sameSignature,
} from './licensespring-offline-wire';
import type { LsLicence } from './licensespring-types';
import type { ResponseVerifier } from './licensespring-verify';
import { licenceWire } from './licensespring-wire';

/**
 * Offline activation and deactivation (contract §5.6) for computers that never reach the License
 * API: this computer writes a signed request file, the person carries it to LicenseSpring's
 * offline portal, and imports the licence file the portal gives back. Nothing here touches the
 * network or stores anything: both directions are pure functions of the configuration, the clock
 * and the file, so the caller decides what to keep.
 */

export type OfflineKind = 'activation' | 'deactivation';

/** Names this client in the request's `sdk_ver`, where the official SDKs put their version. */
export const OFFLINE_SDK_VERSION = 'license-manager-ts/1';

export interface LsOfflineOptions {
  readonly productCode: string;
  readonly hardwareId: string;
  readonly userProduct: boolean;
  readonly auth: LsAuth;
  readonly appName: string;
  readonly appVersion: string;
  readonly clock: Clock;
  readonly verifier: ResponseVerifier;
}

export interface LsOffline {
  /** The request file's text for an identity already checked. */
  request(key: string, kind: OfflineKind): string;
  /** The licence of a licence file made for this computer and product (and `expectedKey`). */
  read(fileText: string, expectedKey?: string): { licence: LsLicence; key: string };
}

const KINDS: readonly string[] = ['activation', 'deactivation'];

function tamperedFile(part: Text, missing: boolean): LicensingError {
  return new LicensingError(
    'tampered',
    missing ? ls.fileSignatureMissing({ part }) : ls.fileSignatureWrong({ part }),
  );
}

export function createLsOffline(options: LsOfflineOptions): LsOffline {
  const { auth, verifier } = options;
  // With OAuth the client id and secret stand in for the API key and shared key (§5.3).
  const signer = auth.kind === 'hmac' ? { api_key: auth.apiKey } : { client_id: auth.clientId };
  const signerId = auth.kind === 'hmac' ? auth.apiKey : auth.clientId;
  const secret = auth.kind === 'hmac' ? auth.sharedKey : auth.clientSecret;

  /** v1 and v2 run through the shared verifier; its refusals speak of server answers, ours of files. */
  function verified(what: Text, value: unknown, check: () => void): void {
    if (typeof value !== 'string' || value.trim() === '') throw tamperedFile(what, true);
    try {
      check();
    } catch (error) {
      if (error instanceof LicensingError && error.code === 'tampered') {
        throw tamperedFile(what, false);
      }
      throw error;
    }
  }

  /** `offline_signature`: our shared key (or client secret) over the file's date and identity. */
  function checkOfflineSignature(file: OfflineFields, key: string, value: unknown): void {
    const what = ls.itsOfflineSignature();
    if (typeof value !== 'string' || value.trim() === '') throw tamperedFile(what, true);
    const date = typeof file.date === 'string' ? file.date : '';
    const expected = hmacBase64(
      secret,
      offlineSigningString(date, key, file.hardware_id, signerId),
    );
    if (date === '' || !sameSignature(expected, value.trim())) throw tamperedFile(what, false);
  }

  return {
    request(key, kind) {
      if (!KINDS.includes(kind)) {
        throw new LicensingError('invalid_input', ls.unknownOfflineRequest({ kind: String(kind) }));
      }
      const request = {
        ...(options.userProduct ? { username: key } : { license_key: key }),
        hardware_id: options.hardwareId,
        product: options.productCode,
        sdk_ver: OFFLINE_SDK_VERSION,
        app_name: options.appName,
        app_ver: options.appVersion,
        request_id: randomUUID(),
        request: kind,
        schema_version: 2,
        ...signer,
        date: offlineDate(options.clock.now()),
      };
      const signature = hmacBase64(secret, JSON.stringify(request));
      return Buffer.from(JSON.stringify({ request, signature }), 'utf8').toString('base64');
    },

    read(fileText, expectedKey) {
      const body = decodeLicenceFile(fileText);
      const wire = licenceWire.safeParse(body);
      const fields = offlineFields.safeParse(body);
      if (!wire.success || !fields.success) throw notALicenceFile();
      const file = fields.data;
      const key = options.userProduct ? (file.username ?? file.user?.email) : file.license_key;
      const product = file.product_details?.short_code ?? file.product;
      if (!key || !product) throw notALicenceFile();

      // Authentic first: only then do its device, product and key mean anything.
      checkOfflineSignature(file, key, body.offline_signature);
      // v1 covers the username before any "|" for user licences, as online (§5.4).
      const v1Id = options.userProduct ? (key.split('|')[0] ?? key) : key;
      const validity = wire.data.validity_period ?? null;
      verified(ls.itsLicenceSignature(), body.license_signature, () =>
        verifier.checkV1(
          { hardwareId: file.hardware_id, id: v1Id, validity },
          body.license_signature,
        ),
      );
      verified(ls.itsV2Signature(), body.license_signature_v2, () =>
        verifier.checkEmbeddedV2(body),
      );

      if (file.hardware_id !== options.hardwareId) {
        throw new LicensingError('wrong_machine', ls.fileForOtherComputer());
      }
      if (product !== options.productCode) {
        throw new LicensingError(
          'wrong_product',
          ls.fileForOtherProduct({ product, expected: options.productCode }),
        );
      }
      if (expectedKey !== undefined && !sameIdentity(key, expectedKey, options.userProduct)) {
        const keys = { file: maskKey(key), expected: maskKey(expectedKey) };
        throw new LicensingError(
          'invalid_key',
          options.userProduct ? ls.fileForOtherAccount(keys) : ls.fileForOtherKey(keys),
        );
      }
      // When the portal made the file, its is_expired was true for that day only; a licence
      // already expired then stays expired, otherwise today's clock decides.
      const current = { ...wire.data, is_expired: wire.data.is_expired === true ? true : null };
      return { licence: toLsLicence(current, { now: options.clock.now() }), key };
    },
  };
}

/** Account names are e-mail addresses, which LicenseSpring matches ignoring case. */
const sameIdentity = (a: string, b: string, userProduct: boolean): boolean =>
  userProduct ? a.toLowerCase() === b.toLowerCase() : a === b;
