import type { Locale } from '../locale';

/**
 * zod's string formats by the name an issue gives (`email`, `ipv4`), as a person calls them: the
 * English is zod's own (en locale), so the English texts read as zod's messages always have; the
 * German is the thing's German name. One table, so a format cannot be named in one language only.
 */
const FORMATS: Readonly<Record<string, readonly [en: string, de: string]>> = {
  regex: ['input', 'Eingabe'],
  email: ['email address', 'E-Mail-Adresse'],
  url: ['URL', 'URL'],
  emoji: ['emoji', 'Emoji'],
  uuid: ['UUID', 'UUID'],
  uuidv4: ['UUIDv4', 'UUIDv4'],
  uuidv6: ['UUIDv6', 'UUIDv6'],
  nanoid: ['nanoid', 'Nano ID'],
  guid: ['GUID', 'GUID'],
  cuid: ['cuid', 'CUID'],
  cuid2: ['cuid2', 'CUID2'],
  ulid: ['ULID', 'ULID'],
  xid: ['XID', 'XID'],
  ksuid: ['KSUID', 'KSUID'],
  datetime: ['ISO datetime', 'Datum mit Uhrzeit nach ISO 8601'],
  date: ['ISO date', 'Datum nach ISO 8601'],
  time: ['ISO time', 'Uhrzeit nach ISO 8601'],
  duration: ['ISO duration', 'Dauer nach ISO 8601'],
  ipv4: ['IPv4 address', 'IPv4-Adresse'],
  ipv6: ['IPv6 address', 'IPv6-Adresse'],
  mac: ['MAC address', 'MAC-Adresse'],
  cidrv4: ['IPv4 range', 'IPv4-Adressbereich'],
  cidrv6: ['IPv6 range', 'IPv6-Adressbereich'],
  base64: ['base64-encoded string', 'Base64-kodierter Text'],
  base64url: ['base64url-encoded string', 'Base64url-kodierter Text'],
  json_string: ['JSON string', 'JSON-Text'],
  e164: ['E.164 number', 'Telefonnummer nach E.164'],
  currency_code: ['currency code', 'Währungscode'],
  credit_card: ['credit card number', 'Kreditkartennummer'],
  iban: ['IBAN', 'IBAN'],
  jwt: ['JWT', 'JWT'],
  template_literal: ['input', 'Eingabe nach Vorlage'],
};

/** A format's name in `language`; a format this table does not know keeps zod's name for it. */
export function formatName(format: string, language: Locale): string {
  const names = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  return names?.[language === 'en' ? 0 : 1] ?? format;
}
