import type { BackendKind, LicenceMode, LicenceStatus, SeatState } from '../../../shared/model';
import type { Tone } from './tone';
import { assertNever } from './assert-never';

/** Words and tones for the core's states, in one place so every screen says the same thing. */

/**
 * Whether a profile's licence belongs to this computer (activated here, `licence:status` applies).
 * Eniris licences belong to the installer's account and are managed for controllers instead;
 * MobiusFlow licences belong to the hubs in the engineer's inventory.
 */
export function hasDeviceLicence(kind: BackendKind): boolean {
  switch (kind) {
    case 'seats':
    case 'flecs':
    case 'licensespring':
      return true;
    case 'eniris':
    case 'mobiusflow':
    case 'licence-file':
      return false;
    default:
      return assertNever(kind);
  }
}

export function statusLabel(status: LicenceStatus): { label: string; tone: Tone } {
  switch (status) {
    case 'active':
      return { label: 'Active', tone: 'success' };
    case 'inactive':
      return { label: 'Not activated', tone: 'neutral' };
    case 'expired':
      return { label: 'Expired', tone: 'danger' };
    case 'revoked':
      return { label: 'Revoked', tone: 'danger' };
    case 'invalid':
      return { label: 'Not valid', tone: 'danger' };
    default:
      return assertNever(status);
  }
}

export function modeLabel(mode: LicenceMode): string {
  switch (mode) {
    case 'activation':
      return 'Activation (this computer)';
    case 'floating':
      return 'Floating seats';
    case 'file':
      return 'Licence file (offline)';
    case 'unknown':
      return 'Unknown';
    default:
      return assertNever(mode);
  }
}

export interface SeatStateText {
  readonly label: string;
  readonly tone: Tone;
  readonly explanation: string;
}

export function seatStateText(state: SeatState): SeatStateText {
  switch (state) {
    case 'none':
      return {
        label: 'No seat',
        tone: 'neutral',
        explanation:
          "This computer doesn't hold a seat. Request one to start using the software; it's returned to the pool when you release it.",
      };
    case 'held':
      return {
        label: 'Seat held',
        tone: 'success',
        explanation:
          'This computer holds a floating seat. The app renews it in the background while it runs, and gives it back when it quits.',
      };
    case 'retrying':
      return {
        label: 'Retrying',
        tone: 'warning',
        explanation:
          'Renewing the seat is failing, but it is still reserved for you. The app keeps trying until the seat expires; you can keep working.',
      };
    case 'lost':
      return {
        label: 'Seat lost',
        tone: 'danger',
        explanation:
          'The seat lapsed or was taken back by the server and could not be recovered. Request a new seat when one is free.',
      };
    default:
      return assertNever(state);
  }
}
