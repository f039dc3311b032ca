/*
 * LicenseSpring License API v4 sandbox (CONTRACTS.md sections 0 and 5; the vendor's feature-check
 * reference page decides that shape field for field).
 *
 * Protocol decisions the contract leaves open: our ASSUME defaults.
 * - One server: the License API under /api/v4/ and a Keycloak-style token endpoint at
 *   /auth/realms/user-portal/protocol/openid-connect/token. Admin routes under /__sandbox/.
 * - Order on a licence route: unknown path -> 404 not_found; wrong method -> 405
 *   method_not_allowed (+ Allow); then auth; then parameters; then the operation.
 * - Date: IMF-fixdate only (what toUTCString() writes); unparseable -> 400
 *   authorization_invalid_headers; more than 15 min older or newer than the sandbox clock -> 401
 *   signature_mismatch whose message names the Date header. The OAuth path checks it too.
 * - HMAC header: missing Date/Authorization -> 400 missing_headers; not a name="value" list -> 400
 *   authorization_invalid_headers; any of algorithm/headers/signature/apikey absent -> 400
 *   authorization_missing_params; algorithm other than hmac-sha256 -> 400 hmac_required;
 *   `headers` must list date (else authorization_invalid_headers) and every header it lists is
 *   signed, in that order. Then unknown API key -> 400 invalid_api_key, then the Date window,
 *   then the constant-time signature check -> 401 signature_mismatch.
 * - Bearer: an unknown or expired token -> 401 invalid_token in the {status, code, message} envelope.
 * - OAuth token endpoint: form-urlencoded only (else 400 invalid_request); grant_type
 *   client_credentials only (400 unsupported_grant_type); credentials in the form or HTTP Basic;
 *   unknown client -> 401 invalid_client; wrong secret -> 401 unauthorized_client; tokens live
 *   480 s by the injected clock; scope from the seed; replies are not signed (not the License API).
 * - API keys and OAuth clients may be limited to products in the seed -> 400
 *   api_key_product_not_allowed.
 * - Every JSON reply of a licence route is v2-signed, errors included; deactivate_license answers
 *   the JSON string "license_deactivated" and the release routes an empty body, all unsigned.
 * - Parameters: GET from the query, POST from a JSON body whatever the Content-Type; an empty
 *   body has no parameters; invalid JSON -> invalid_json; a non-object -> validation_error;
 *   over 64 KiB -> 413 payload_too_large. Missing hardware_id -> missing_hardware_id; other
 *   missing ones -> missing_parameters; wrong types -> validation_error; a key-based product
 *   without license_key -> license_key_required; license_id not matching -> license_not_found.
 * - User-based licences have license_key null; username matches the user's email ignoring case;
 *   a wrong password at activation -> 400 invalid_credentials; without license_id the user's first
 *   licence of the product is used. The v1 signature covers username.split('|')[0].
 * - Gates on every device call, in order: disabled -> license_not_enabled; start_date ahead ->
 *   license_not_active; trial past validity -> trial_expired. Deactivation and release skip them,
 *   so a client can always free its device.
 * - A time-limited, non-trial licence past validity: activation -> 400 license_expired; check ->
 *   200 with is_expired true; other calls keep working (the client decides what expiry means).
 * - Seats: times_activated counts bound devices (deactivation decrements). Re-activating a bound
 *   device changes nothing. A new device beyond max_activations -> license_activated_max_times.
 * - Transfers: activating a new device while a deactivated device has not come back is a transfer
 *   (transfer_count++), the returning device itself is not. max_transfers 0 = unlimited, -1 = no
 *   transfer at all, n = at most n (license_transferred_max_times).
 * - Floating cloud: activation also takes a slot (full -> floating_not_available and the device
 *   stays unbound); every check takes or refreshes one; a slot lapses floating_timeout minutes
 *   after the last check or at borrowed_until, whichever is later. The message says how many of
 *   how many slots are in use and when the earliest lapses. Deactivation frees licence and
 *   feature slots. Release is idempotent but needs an activated device. is_floating is always
 *   false (no on-premise floating server). license_active is true on any successful check.
 * - Borrow: needs a floating-cloud licence with can_borrow (else 400 borrowing_not_allowed);
 *   borrowed_until null/absent = now + max_borrow_time h; otherwise ISO-8601 with Z or an offset,
 *   after now and within max_borrow_time, else borrow_until_not_valid. A full pool still refuses.
 *   Feature slots borrow under their licence's can_borrow and max_borrow_time.
 * - Feature check: every field the reference marks required, for every feature type (activation
 *   features report zero counters and consumption_period ""), max_consumption singular as the
 *   reference spells it; floating_timeout/floating_users/floating_in_use_devices on floating
 *   features only. add_feature_consumption writes max_consumptions (plural, as the contract lists).
 * - Consumption: consumptions defaults to 1 and must be a non-zero integer (validation_error);
 *   negative only with allow_negative_consumptions (400 negative_consumptions_not_allowed) and
 *   never below 0 (validation_error); past max_consumptions + max_overages (when allow_overages)
 *   -> 400 consumption_limit_exceeded; allow_overages with max_overages 0 = no cap; a
 *   non-consumption licence -> 400 not_consumption_license; an activation feature -> 400
 *   unsupported_product_feature. The request's allow_overages/max_overages and deactivation's
 *   consumptions are ignored. The device must be activated.
 * - Resets: with reset_consumption the total returns to 0 each consumption_period, in UTC calendar
 *   steps from the sandbox start (or the trial's creation); months clamp to their last day.
 * - trial_key: one trial per (product, hardware_id, email); a new one is time-limited, 1
 *   activation, the product's trial_days, validity set at its first activation. A second call
 *   answers a shorter "existing trial" shape. User products need email (email_missing); the user
 *   is created with the given password or a random one, returned once as license_user.password.
 *   A product without allow_trial -> trial_not_allowed.
 * - product_details adds latest_version / custom_fields ([]) only when include_latest_version /
 *   include_custom_fields is true. is_vm true on a prevent_vm licence or product -> vm_not_allowed.
 *   Hardware ids on the seed's blacklist -> blacklisted.
 * - Ids are 16-digit numbers like the vendor's; instants are ISO-8601 UTC with milliseconds.
 * - Faults: an injected 5xx answers {status, code: "internal_error", message}, a 429
 *   {status: 429, code: "too_many_requests", message}.
 * - Offline (activate_offline, deactivate_offline): the body is the request file's base64 text,
 *   whatever the Content-Type, or the field `file` of a multipart/form-data upload. Both request
 *   forms of 5.6 are read: v2 {request, signature} (HMAC over JSON.stringify(request)) and the
 *   older flat object (HMAC over licenseSpring\ndate: <date>\n<key|username>\n<hardware_id>\n
 *   <api_key|client_id>). The file authenticates itself, as on the vendor's portal: no
 *   Date/Authorization headers needed; when an Authorization header is sent it is verified like
 *   on any other route. The file's api_key (signed with the seed's shared key) or client_id
 *   (signed with that client's secret) is the caller, product restrictions included.
 * - Offline order: path -> POST (405) -> optional headers -> body (empty -> 400 missing_content;
 *   not base64 JSON -> invalid_json; not an object -> validation_error) -> signature field
 *   (missing_parameters) -> api_key/client_id (unknown -> 400 invalid_api_key, for client_id
 *   too) -> signature (401 signature_mismatch) -> v2 schema_version must be 2 and the file's
 *   `request` must match the route (validation_error) -> request_id replay -> the operation. The
 *   request date is signed but not age-limited: a file may travel for days.
 * - Offline replay: a request_id that already completed an offline call -> 400
 *   request_id_reused (in memory, per sandbox); a refused request may be retried. The flat form
 *   carries no request_id, so its replays are not caught.
 * - Offline activation: password optional for user licences (checked when present); floating
 *   licences, time-limited non-trial and subscription licences, and licences with
 *   allowOfflineActivation false -> 400 offline_activation_not_allowed. Then exactly
 *   activate_license's binding (gates, seats, transfers, trial start). The answer is text/plain
 *   base64 of the activation object + `username` (user licences, the request's; what
 *   offline_signature covers) + `date` (the request date format, sandbox clock) +
 *   offline_signature (HMAC with the file's secret) + license_signature_v2 (over the body
 *   without both license_signature fields); no LicenseSignature header, no admin tampering.
 * - Offline deactivation: no licence-type limit; exactly deactivate_license (device_not_found
 *   when not bound), answering the JSON string "license_deactivated" unsigned.
 * - Admin: GET /__sandbox/state (licences, activations, slots, counters); POST
 *   /__sandbox/revoke {license_key, revoked?} disables/enables a licence; POST /__sandbox/tamper
 *   {what: "v1"|"v2"|"body", times?} forges the next signed 200 replies ({clear: true} disarms).
 */
import { revokeAction, withAdmin } from '../admin';
import { withFaults, type FaultController } from '../faults';
import { listen } from '../http-server';
import { adminState } from './admin-view';
import { createTokenStore, TOKEN_PATH } from './oauth';
import { withOfflineRoutes } from './offline-ops';
import { createLicenseSpringProtocol } from './protocol';
import {
  demoRoles,
  licenseSpringDemoSeed,
  parseLicenseSpringSeed,
  type LicenseSpringSeed,
} from './seed';
import { createResponseSigner, type KeyPairPem } from './signatures';
import { createLicenseSpringState } from './state';
import { createTamper } from './tamper';

export type { LicenseSpringSeed } from './seed';

export interface LicenseSpringSandboxOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 = ephemeral. */
  port?: number;
  /** Default Date.now; tests pass a manual clock (floating lapse, Date window, trials, borrow). */
  clock?: { now(): number };
  /** Default: demo-seed.json next to this file. Validated either way. */
  seed?: LicenseSpringSeed;
  /** Default: a fresh RSA 2048 pair per sandbox. */
  keyPair?: KeyPairPem;
}

export interface LicenseSpringSandbox {
  /** e.g. http://127.0.0.1:PORT; the API lives under `${url}/api/v4/`. */
  readonly url: string;
  readonly port: number;
  readonly apiKey: string;
  readonly sharedKey: string;
  /** SPKI PEM of the key that signs responses. */
  readonly publicKeyPem: string;
  /** Short code of the key-based demo product. */
  readonly productCode: string;
  /** Short code of the user-based demo product. */
  readonly userProductCode: string;
  readonly oauth: { tokenUrl: string; clientId: string; clientSecret: string };
  readonly faults: FaultController;
  close(): Promise<void>;
}

export async function startLicenseSpringSandbox(
  options: LicenseSpringSandboxOptions = {},
): Promise<LicenseSpringSandbox> {
  const clock = options.clock ?? { now: () => Date.now() };
  const seed =
    options.seed === undefined ? licenseSpringDemoSeed() : parseLicenseSpringSeed(options.seed);
  const state = createLicenseSpringState(seed, clock.now());
  const signer = createResponseSigner(options.keyPair);
  const tokens = createTokenStore();
  const tamper = createTamper();

  const ctx = { state, signer, companyId: seed.company.id };
  const protocol = withOfflineRoutes(
    { ctx, clock, tokens },
    createLicenseSpringProtocol({ ctx, clock, tokens, tamper }),
  );
  const faultLayer = withFaults(protocol, {
    errorBody: (status, message) => ({
      status,
      code: status === 429 ? 'too_many_requests' : 'internal_error',
      message,
    }),
  });
  // Disabling a licence happens in the vendor's back office, outside the protocol.
  const revoke = revokeAction('license_key', (key, revoked) => state.setEnabled(key, !revoked), {
    code: 'license_not_found',
    message: 'No licence has this license_key.',
  });
  const handler = withAdmin(
    {
      faults: faultLayer.controller,
      state: () => adminState(state, tokens, tamper, clock.now()),
      actions: { revoke, tamper: tamper.action },
    },
    faultLayer.handler,
  );
  const server = await listen(handler, options.host ?? '127.0.0.1', options.port ?? 0);

  const byMethod = (method: 'license-key' | 'user') =>
    seed.products.find((p) => p.authorizationMethod === method)?.shortCode ?? '';
  const client = seed.oauthClients[0];
  return {
    url: server.url,
    port: server.port,
    apiKey: seed.apiKeys[0]?.apiKey ?? '',
    sharedKey: seed.sharedKey,
    publicKeyPem: signer.publicKeyPem,
    productCode: seed.demo?.productCode ?? byMethod('license-key'),
    userProductCode: seed.demo?.userProductCode ?? byMethod('user'),
    oauth: {
      tokenUrl: `${server.url}${TOKEN_PATH}`,
      clientId: client?.clientId ?? '',
      clientSecret: client?.clientSecret ?? '',
    },
    faults: faultLayer.controller,
    close: () => server.close(),
  };
}

/** Demo keys and credentials from the demo seed, as the demo screen and the tests use them. */
export function licenseSpringDemo(): {
  nodeLockedKey: string;
  floatingKey: string;
  consumptionKey: string;
  trialKey: string;
  expiredKey: string;
  username: string;
  password: string;
  features: { activation: string; consumption: string; floating: string };
} {
  const roles = demoRoles();
  const user = licenseSpringDemoSeed().users.find((u) => u.email === roles.username);
  if (!user) throw new Error(`The LicenseSpring demo seed has no user ${roles.username}`);
  return {
    nodeLockedKey: roles.nodeLockedKey,
    floatingKey: roles.floatingKey,
    consumptionKey: roles.consumptionKey,
    trialKey: roles.trialKey,
    expiredKey: roles.expiredKey,
    username: user.email,
    password: user.password,
    features: { ...roles.features },
  };
}
