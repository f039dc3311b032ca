import { z } from 'zod';
import { MAX_EPOCH_MS } from '../../../shared/epoch';
import type { Text } from '../../../shared/text';
import { eniris } from '../../../shared/texts/eniris.en';
import type { HttpResponse } from '../../http/http-client';
import { isJsonContentType } from '../../http/response-body';
import { LicensingError } from '../licensing-error';

/**
 * The Eniris licence API's replies (contract §4.3 and the vendor page's example payloads), and
 * the text/plain tokens of its auth service (§4.2). What the contract marks nullable is read as
 * null when missing too; what it requires must be there with the right type, or the reply is a
 * `protocol` error.
 */

/** A licence as the rest of the app sees it: instants as epoch ms, "not yet" as absent. */
export interface EnirisLicence {
  readonly id: string;
  /** Secret: the licence key. */
  readonly key: string;
  readonly gridKw: number | null;
  readonly solarKw: number | null;
  readonly batteryKw: number | null;
  readonly evKw: number | null;
  readonly createdAt: number;
  readonly activatedAt?: number;
  readonly deactivatedAt?: number;
  /** As the server sends it; its unit is not documented (contract §4.6). */
  readonly duration: number;
  readonly type: string;
  /** Only when asked for with `includeDatalinks`. */
  readonly datalinks?: readonly string[];
}

// The offset is required: a zone-less timestamp would be read as local time, hours off.
// Before 1970 is refused, as for MobiusFlow hubs: the screens (and the IPC contract) hold epoch
// milliseconds that are never negative, so such a date made a view the contract refused, and the
// whole call failed as `internal` instead of `protocol`.
const instant = z.iso
  .datetime({ offset: true })
  .transform((text) => Date.parse(text))
  .refine((ms) => ms >= 0, 'a time before 1970');
const optionalInstant = instant.nullish().transform((ms) => ms ?? undefined);
const capacity = z
  .number()
  .finite()
  .nullish()
  .transform((kw) => kw ?? null);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a licence activated at `activatedAt` ends. The contract leaves the unit of `duration`
 * open; the sandbox (and Sofar's samples) read days. Rounded: a fractional day count would give
 * an expiry in fractions of a millisecond, which the IPC contract (whole milliseconds) refuses.
 */
export const expiryOf = (activatedAt: number, durationDays: number): number =>
  activatedAt + Math.round(durationDays * DAY_MS);

const licenceFields = z.object({
  id: z.string().min(1),
  key: z.string(),
  gridKw: capacity,
  solarKw: capacity,
  batteryKw: capacity,
  evKw: capacity,
  creationDate: instant,
  activationDate: optionalInstant,
  // Its unit is open (contract §4.6; read as days, see expiryOf). Negative is outside the contract.
  duration: z.number().finite().nonnegative(),
  deactivationDate: optionalInstant,
  // Only "residential" is documented; other values are passed on, not refused.
  type: z.string(),
  datalinks: z.array(z.string()).optional(),
});

// A duration so long that no date lies at its end is outside the contract too: its expiry would
// be one the screens cannot show, failing the call as `internal` rather than `protocol`.
const licenceWire = licenceFields.refine(
  (licence) =>
    licence.activationDate === undefined ||
    expiryOf(licence.activationDate, licence.duration) <= MAX_EPOCH_MS,
  { message: 'a duration that ends after the last date there is', path: ['duration'] },
);

/** `success` must say true: a 200 that says otherwise is outside the contract, not a success. */
export const activateReply = z.object({ success: z.literal(true), license: licenceWire });

export const claimReply = z.object({
  success: z.literal(true),
  license: z.object({ id: z.string().min(1), key: z.string(), nodeId: z.string() }),
});

export const listReply = z.object({ licenses: z.array(licenceWire) });

type LicenceWire = z.output<typeof licenceWire>;

export function toEnirisLicence(wire: LicenceWire): EnirisLicence {
  return {
    id: wire.id,
    key: wire.key,
    gridKw: wire.gridKw,
    solarKw: wire.solarKw,
    batteryKw: wire.batteryKw,
    evKw: wire.evKw,
    createdAt: wire.creationDate,
    duration: wire.duration,
    type: wire.type,
    ...(wire.activationDate === undefined ? {} : { activatedAt: wire.activationDate }),
    ...(wire.deactivationDate === undefined ? {} : { deactivatedAt: wire.deactivationDate }),
    ...(wire.datalinks === undefined ? {} : { datalinks: wire.datalinks }),
  };
}

/** A bearer token must fit in a header: visible ASCII only, and no bigger than any real JWT. */
const TOKEN_TEXT = /^[\x21-\x7e]{1,16384}$/;

/**
 * A token from the auth service: the whole text/plain body, as the official driver reads it
 * (`resp.text`). Surrounding white space is dropped (a trailing newline is harmless); anything
 * else that could not go into an Authorization header is a `protocol` error. Messages describe
 * the reply, never its content. `expected` names the token (`eniris.expectedAccessToken()`, …).
 */
export function readTokenText(
  response: HttpResponse,
  host: string,
  expected: Text | string,
): string {
  const fail = (reply: Text): LicensingError =>
    new LicensingError('protocol', eniris.tokenReplyWrong({ host, reply, expected }));
  const text = response.rawBody.trim();
  if (text === '') throw fail(eniris.tokenReplyEmpty());
  if (isJsonContentType(response.headers['content-type']) || /^[[{"]/.test(text)) {
    throw fail(eniris.tokenReplyJson());
  }
  if (text.startsWith('<')) throw fail(eniris.tokenReplyWebPage());
  if (!TOKEN_TEXT.test(text)) throw fail(eniris.tokenReplyNotToken());
  return text;
}
