import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';

/**
 * Reading a response the way every adapter wants it: header names in lower case, and the body as
 * JSON when it is JSON. We parse the text ourselves (axios's own parsing silently hands back the
 * raw string when JSON is broken), so a broken JSON reply is a clear `protocol` error.
 */

// application/json, application/problem+json, application/json-patch+json, text/json.
const JSON_TYPE = /^(?:application\/(?:[\w.-]+\+)?|text\/)json\b/i;

export const isJsonContentType = (contentType: string | undefined): boolean =>
  contentType !== undefined && JSON_TYPE.test(contentType.trim());

/** Looks like a JSON document: some servers (ASP.NET with `Accept: text/plain`) label JSON as text. */
const looksLikeJson = (text: string): boolean => /^\s*[[{]/.test(text);

export function parseBody(rawBody: string, contentType: string | undefined, host: string): unknown {
  if (rawBody.trim() === '') return undefined;
  if (isJsonContentType(contentType)) {
    try {
      return JSON.parse(rawBody) as unknown;
    } catch (error) {
      throw new LicensingError('protocol', net.damagedJson({ host }), { cause: error });
    }
  }
  if (looksLikeJson(rawBody)) {
    try {
      return JSON.parse(rawBody) as unknown;
    } catch {
      // Not labelled JSON and not JSON after all: hand the text over as it is.
    }
  }
  return rawBody;
}

export function lowerCaseHeaders(
  headers: Readonly<Record<string, unknown>>,
): Readonly<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) result[name.toLowerCase()] = value.map(String).join(', ');
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      result[name.toLowerCase()] = String(value);
    }
  }
  return result;
}
