import { z } from 'zod';
import type { AdminAction } from '../admin';
import { describeIssues } from '../faults';
import type { ResponseSigner } from './signatures';
import type { Json, JsonObject } from './wire';

/**
 * `POST /__sandbox/tamper {what, times?}`: the next `times` successful signed replies go out
 * forged, so client tests can prove they refuse them. `what`:
 * - "v2": the LicenseSignature header signs other bytes than the body;
 * - "v1": the body's license_signature covers another string (only replies that carry one count);
 * - "body": a field changes after signing (validity_period pushed out, else a number bumped).
 * `{clear: true}` disarms everything. Error replies are never tampered with and never count.
 */

export type TamperWhat = 'v1' | 'v2' | 'body';

const armSchema = z.union([
  z.strictObject({
    what: z.enum(['v1', 'v2', 'body']),
    times: z.number().int().positive().max(1000).default(1),
  }),
  z.strictObject({ clear: z.literal(true) }),
]);

interface Armed {
  readonly what: TamperWhat;
  remaining: number;
}

export interface Tamper {
  readonly action: AdminAction;
  armed(): readonly { what: TamperWhat; times: number }[];
  /** Forges a 200 reply as armed: the body to send and the LicenseSignature to send with it. */
  forge(body: Json, signer: ResponseSigner): { body: Json; signature: string };
}

const FAR_FUTURE = '2099-12-31T23:59:59.000Z';
const isObject = (body: Json): body is JsonObject =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/** The change an attacker would want: a later expiry, else a bigger number. */
function alter(body: JsonObject): JsonObject {
  if ('validity_period' in body) {
    return { ...body, validity_period: body.validity_period === FAR_FUTURE ? null : FAR_FUTURE };
  }
  const numeric = Object.entries(body).find(([, value]) => typeof value === 'number');
  if (numeric) return { ...body, [numeric[0]]: (numeric[1] as number) + 1000 };
  return { ...body, tampered: true };
}

export function createTamper(): Tamper {
  let queue: Armed[] = [];
  const applies = (entry: Armed, body: Json) =>
    isObject(body) && (entry.what !== 'v1' || typeof body.license_signature === 'string');

  const armed = () => queue.map((e) => ({ what: e.what, times: e.remaining }));
  const action: AdminAction = (input) => {
    const parsed = armSchema.safeParse(input);
    if (!parsed.success) {
      return {
        status: 400,
        body: {
          code: 'InvalidArgument',
          message: `Invalid tamper: ${describeIssues(parsed.error)}`,
        },
      };
    }
    if ('clear' in parsed.data) queue = [];
    else queue.push({ what: parsed.data.what, remaining: parsed.data.times });
    return { status: 200, body: { armed: armed() } };
  };

  return {
    action,
    armed,
    forge(body, signer) {
      const entry = queue.find((e) => applies(e, body));
      if (!entry || !isObject(body)) return { body, signature: signer.v2(JSON.stringify(body)) };
      entry.remaining -= 1;
      if (entry.remaining <= 0) queue = queue.filter((e) => e !== entry);
      switch (entry.what) {
        case 'v1': {
          const forged = { ...body, license_signature: signer.v1('forged', 'forged', null) };
          return { body: forged, signature: signer.v2(JSON.stringify(forged)) };
        }
        case 'v2':
          return { body, signature: signer.v2(`${JSON.stringify(body)} `) };
        case 'body':
          return { body: alter(body), signature: signer.v2(JSON.stringify(body)) };
      }
    },
  };
}
