import { hex, type Random } from './prng';

/** The identifiers and codes of the MobiusFlow licence API (contract 1.3 and 1.4). */

/** The hid path parameter, exactly as the vendor's page states it. */
export const HID_PATTERN_TEXT = '^[0-9A-Fa-f]{6}$';
export const HID_PATTERN = new RegExp(HID_PATTERN_TEXT);

/** The contract's loose check: hex groups joined by "-", any case (both published shapes pass). */
export const LICENCE_CODE_PATTERN = /^[0-9a-f]+(-[0-9a-f]+)+$/i;

/** The vendor's sample access tokens carry 255: every role flag set, an admin (contract 1.2). */
export const ADMIN_ROLES = 255;

/** A role bitmask as tokens carry it: a whole number from 0 to the admin's 255. */
export function checkedRoles(roles: number): number {
  if (!Number.isInteger(roles) || roles < 0 || roles > ADMIN_ROLES) {
    throw new Error(`roles must be a whole number from 0 to ${ADMIN_ROLES}`);
  }
  return roles;
}

/**
 * How a hub answers a well-formed hid that is not its own, which the contract leaves unknown
 * (1.5): `refuse` with a 400, or `answer-own`, ignoring the path's hid and answering for itself.
 */
export const FOREIGN_HID_ANSWERS = ['refuse', 'answer-own'] as const;
export type ForeignHidAnswer = (typeof FOREIGN_HID_ANSWERS)[number];

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
