import type { FileLicenceState } from '../../../shared/offline-model';
import { assertNever } from './assert-never';
import type { Tone } from './tone';

/** A licence file's state as a word and a colour; the sentence beside it comes from the core. */
export function fileStateLabel(state: FileLicenceState): { label: string; tone: Tone } {
  switch (state) {
    case 'valid':
      return { label: 'Valid', tone: 'success' };
    case 'expiring':
      return { label: 'Expires soon', tone: 'warning' };
    case 'grace':
      return { label: 'In grace period', tone: 'warning' };
    case 'expired':
      return { label: 'Expired', tone: 'danger' };
    case 'suspended':
      return { label: 'Suspended', tone: 'danger' };
    default:
      return assertNever(state);
  }
}
