import type { LicenceMode, LicenceStatus, SeatState } from '../../../shared/model';
import type { Tone } from './tone';
import { tActivation } from '../i18n/activation.en';
import { tSeats } from '../i18n/seats.en';
import { assertNever } from './assert-never';

/** Words and tones for the core's states, in one place so every screen says the same thing. */

export function statusLabel(status: LicenceStatus): { label: string; tone: Tone } {
  const t = tActivation().status;
  switch (status) {
    case 'active':
      return { label: t.active, tone: 'success' };
    case 'inactive':
      return { label: t.inactive, tone: 'neutral' };
    case 'expired':
      return { label: t.expired, tone: 'danger' };
    case 'revoked':
      return { label: t.revoked, tone: 'danger' };
    case 'invalid':
      return { label: t.invalid, tone: 'danger' };
    default:
      return assertNever(status);
  }
}

export function modeLabel(mode: LicenceMode): string {
  const t = tActivation().mode;
  switch (mode) {
    case 'activation':
      return t.activation;
    case 'floating':
      return t.floating;
    case 'file':
      return t.file;
    case 'unknown':
      return t.unknown;
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
  const t = tSeats().state;
  switch (state) {
    case 'none':
      return { ...t.none, tone: 'neutral' };
    case 'held':
      return { ...t.held, tone: 'success' };
    case 'retrying':
      return { ...t.retrying, tone: 'warning' };
    case 'lost':
      return { ...t.lost, tone: 'danger' };
    default:
      return assertNever(state);
  }
}
