import type { ResponseSigner } from './signatures';
import type { LicenseSpringState } from './state';
import { lsError, type LsErrorCode, type Reply } from './wire';

/**
 * What every License API operation receives, and the one way an operation refuses: `refuse`
 * throws a Refusal that the protocol layer turns into the `{status, code, message}` reply. That
 * keeps each operation a straight line of checks in the order the vendor documents them.
 */

/** Who signed the request: an API key (HMAC) or an OAuth client (Bearer). */
export interface Principal {
  readonly kind: 'api-key' | 'oauth';
  readonly name: string;
  /** Short codes it may use; undefined = every product. */
  readonly products: readonly string[] | undefined;
}

export interface LsContext {
  readonly state: LicenseSpringState;
  readonly signer: ResponseSigner;
  readonly companyId: number;
}

export type Params = Readonly<Record<string, unknown>>;

export interface Call {
  readonly ctx: LsContext;
  readonly principal: Principal;
  /** The query of a GET, the JSON body of a POST. */
  readonly params: Params;
  readonly now: number;
}

export class Refusal extends Error {
  constructor(readonly reply: Reply) {
    super('refused');
    this.name = 'Refusal';
  }
}

export function refuse(code: LsErrorCode, message: string): never {
  throw new Refusal(lsError(code, message));
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (!present(value)) return undefined;
  if (typeof value !== 'string') refuse('validation_error', `${name} must be a string`);
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) {
    refuse('missing_parameters', `Some parameters are missing in the request: ${name}`);
  }
  return value;
}

/** Integers arrive as JSON numbers in bodies and as text in queries; both are accepted. */
export function optionalInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (!present(value)) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    refuse('validation_error', `${name} must be an integer`);
  }
  return number;
}

export function hardwareIdOf(params: Params): string {
  const value = optionalString(params, 'hardware_id');
  if (value === undefined)
    refuse('missing_hardware_id', 'The hardware_id is missing in the request');
  return value;
}
