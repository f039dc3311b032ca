import type { AppError } from '../../../shared/errors';
import type { ActivationMethod, BackendKind, LicenceView } from '../../../shared/model';
import { tActivation } from '../i18n/activation.en';
import { assertNever } from './assert-never';

/** Words for the ways of activating, in one place so the tabs and the announcements agree. */

export function methodLabel(method: ActivationMethod): string {
  const t = tActivation().methods;
  switch (method) {
    case 'key':
      return t.key;
    case 'account':
      return t.account;
    case 'serial':
      return t.serial;
    default:
      return assertNever(method);
  }
}

/** The line under "Activate this computer": the one way offered, or the choice between several. */
export function activateIntro(offered: ActivationMethod | 'choice'): string {
  const t = tActivation().intro;
  switch (offered) {
    case 'choice':
      return t.choice;
    case 'key':
      return t.key;
    case 'account':
      return t.account;
    case 'serial':
      return t.serial;
    default:
      return assertNever(offered);
  }
}

/** The licence-store action (and so the flow) behind each way of activating. */
/** The store's actions that activate, one per activation method. */
export type ActivateAction = 'activate' | 'activateAccount' | 'activateSerial';

export function activateAction(method: ActivationMethod): ActivateAction {
  switch (method) {
    case 'key':
      return 'activate';
    case 'account':
      return 'activateAccount';
    case 'serial':
      return 'activateSerial';
    default:
      return assertNever(method);
  }
}

/**
 * The headline of a failed sign-in. The generic titles are written for keys and seats; here the
 * same codes mean something about the account, and the server's message says the rest.
 */
export function accountErrorTitle(error: AppError): string | undefined {
  switch (error.code) {
    case 'invalid_credentials':
      return tActivation().accountErrors.invalidCredentials;
    case 'seat_unavailable':
      return tActivation().accountErrors.seatUnavailable;
    default:
      return undefined;
  }
}

/** What deactivating gives up, in words true for this backend. */
export function deactivateConsequence(
  kind: BackendKind,
  licence: Pick<LicenceView, 'mode'>,
): string {
  const t = tActivation().consequence;
  if (licence.mode === 'floating') return t.floating;
  switch (kind) {
    case 'flecs':
      // The FLECS console has no deactivation call: only this computer forgets the session.
      return t.flecs;
    case 'seats':
    case 'licensespring':
    case 'mobiusflow':
    case 'eniris':
      return t.freesActivation;
    case 'licence-file':
      return t.licenceFile;
    default:
      return assertNever(kind);
  }
}
