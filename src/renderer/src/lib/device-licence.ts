import type { BackendKind } from '../../../shared/model';
import { assertNever } from './assert-never';

/**
 * Whether a profile's licence belongs to this computer (activated here, `licence:status` applies).
 * Eniris licences belong to the installer's account and are managed for controllers instead;
 * MobiusFlow licences belong to the hubs in the engineer's inventory. Apart from the words in
 * licence-text.ts: the shell asks this at start, before any screen's words are loaded.
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
