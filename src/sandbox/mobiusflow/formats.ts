import { hex, type Random } from './prng';

/** The identifiers and codes of the MobiusFlow licence API (contract 1.3 and 1.4). */

/** The hid path parameter, exactly as the vendor's page states it. */
export const HID_PATTERN_TEXT = '^[0-9A-Fa-f]{6}$';
export const HID_PATTERN = new RegExp(HID_PATTERN_TEXT);

/** The contract's loose check: hex groups joined by "-", any case (both published shapes pass). */
export const LICENCE_CODE_PATTERN = /^[0-9a-f]+(-[0-9a-f]+)+$/i;

export const HUB_FAULTS = ['slow', 'down', 'error500', 'malformed'] as const;
export type HubFault = (typeof HUB_FAULTS)[number];

/** Hids are hex, so `00ABCD` and `00abcd` name the same hub; lookups use this form. */
export const hidKey = (hid: string): string => hid.toLowerCase();

/** Codes compare case-insensitively too; the engine stores and echoes them in lower case. */
export const codeKey = (code: string): string => code.toLowerCase();

/** 8 groups of 16 hex digits: the shape of the vendor's PUT example. */
export function generateLicenceCode(random: Random): string {
  return Array.from({ length: 8 }, () => hex(random, 16)).join('-');
}

/** `000001` for 1: generated fleets number their hubs the way the vendor's example does. */
export const hidOf = (index: number): string => index.toString(16).padStart(6, '0');
