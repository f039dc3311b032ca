import type { FileLicenceState } from '../../../shared/offline-model';
import { tOffline } from '../i18n/offline.en';
import { assertNever } from './assert-never';
import type { Tone } from './tone';

/** A licence file's state as a word and a colour; the sentence beside it comes from the core. */
export function fileStateLabel(state: FileLicenceState): { label: string; tone: Tone } {
  const t = tOffline().fileState;
  switch (state) {
    case 'valid':
      return { label: t.valid, tone: 'success' };
    case 'expiring':
      return { label: t.expiring, tone: 'warning' };
    case 'grace':
      return { label: t.grace, tone: 'warning' };
    case 'expired':
      return { label: t.expired, tone: 'danger' };
    case 'suspended':
      return { label: t.suspended, tone: 'danger' };
    default:
      return assertNever(state);
  }
}
