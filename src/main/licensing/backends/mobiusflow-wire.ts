import { z } from 'zod';
import { mobiusflow } from '../../../shared/texts/mobiusflow.en';
import { LicensingError } from '../licensing-error';
import { parseReply } from './wire-helpers';

/**
 * The MobiusFlow Engine API's replies (contract §1.2 and §1.3, and the vendor page's example
 * payloads): the v1 auth pair `{token, refreshToken}` and the v2 `{ts, uri, data}` envelope of
 * the licence routes. Counts must be whole and non-negative (the app's views require it); what
 * does not fit is a `protocol` error and is never guessed at.
 */

/** What a hub reports about its licence. `licenceCode` is the customer's secret. */
export interface HubLicence {
  readonly licenceCode: string;
  readonly size: number;
  readonly used: number;
  readonly isActive: boolean;
  readonly isValid: boolean;
  readonly type: string;
  readonly objectCount: number;
  readonly isObjectBased: boolean;
  readonly pointsPerObject: number;
  readonly useCustomPointsMap: boolean;
  /** The hub's own timestamp of the answer (`ts`), epoch ms. */
  readonly reportedAt: number;
}

/** A bearer token must fit in a header: visible ASCII only, and no bigger than any real JWT. */
const token = z.string().regex(/^[\x21-\x7e]{1,16384}$/, 'not a token');

export const tokenPairReply = z.object({ token, refreshToken: token });
export type TokenPair = z.output<typeof tokenPairReply>;

const count = z.number().int().nonnegative();

const licenceData = z.object({
  licenceCode: z.string(),
  size: count,
  used: count,
  isActive: z.boolean(),
  isValid: z.boolean(),
  type: z.string(),
  objectCount: count,
  isObjectBased: z.boolean(),
  pointsPerObject: z.number().finite().nonnegative(),
  useCustomPointsMap: z.boolean(),
});

const envelopeOf = <D extends z.ZodType>(data: D) =>
  z.object({
    // The offset is required: a zone-less timestamp would be read as local time, hours off.
    // A hub whose clock never synced may say 1970: refused for that hub, never stored.
    ts: z.iso
      .datetime({ offset: true })
      .transform((text) => Date.parse(text))
      .refine((ms) => ms >= 0, 'a time before 1970'),
    uri: z.string(),
    data,
  });

const licenceReply = envelopeOf(licenceData);
const codeReply = envelopeOf(z.object({ licenceCode: z.string() }));

/** The envelope names the hub it answers for; another hub's answer is outside the contract. */
function checkUri(uri: string, hid: string, host: string): void {
  if (uri.toLowerCase() === hid.toLowerCase()) return;
  throw new LicensingError(
    'protocol',
    mobiusflow.answeredForOtherHub({ host, uri: uri.slice(0, 40), hid }),
  );
}

/** The envelope of `hid`'s answer: whose answer it is matters before what it says. */
function readEnvelope<T extends { uri: string }>(
  schema: z.ZodType<T>,
  body: unknown,
  hid: string,
  host: string,
): T {
  const uri =
    typeof body === 'object' && body !== null ? (body as { uri?: unknown }).uri : undefined;
  // A valid reply has a string uri, so every reply that parses has passed this check.
  if (typeof uri === 'string') checkUri(uri, hid, host);
  return parseReply(schema, body, host);
}

export function readLicenceReply(body: unknown, hid: string, host: string): HubLicence {
  const { ts, data } = readEnvelope(licenceReply, body, hid, host);
  return { ...data, reportedAt: ts };
}

export function readCodeReply(body: unknown, hid: string, host: string): { licenceCode: string } {
  const { data } = readEnvelope(codeReply, body, hid, host);
  return { licenceCode: data.licenceCode };
}

/**
 * The `iat` and `exp` claims of a JWT, read without verifying it: only to plan when to renew,
 * never to decide what the token allows. Undefined for anything that is not a readable JWT.
 */
export function readJwtTimes(jwt: string): { iat?: number; exp?: number } | undefined {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { iat, exp } = claims as Record<string, unknown>;
    const seconds = (value: unknown): number | undefined =>
      typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    return { iat: seconds(iat), exp: seconds(exp) };
  } catch {
    return undefined;
  }
}
