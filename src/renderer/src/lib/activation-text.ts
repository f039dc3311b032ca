import type { AppError } from '../../../shared/errors';
import type { ActivationMethod, BackendKind, LicenceView } from '../../../shared/model';
import { assertNever } from './assert-never';

/** Words for the ways of activating, in one place so the tabs and the announcements agree. */

export function methodLabel(method: ActivationMethod): string {
  switch (method) {
    case 'key':
      return 'Licence key';
    case 'account':
      return 'Sign in with your account';
    case 'serial':
      return 'Device serial number';
    default:
      return assertNever(method);
  }
}

/** The line under "Activate this computer": the one way offered, or the choice between several. */
export function activateIntro(offered: ActivationMethod | 'choice'): string {
  const online = 'Activating needs a connection to the licensing server.';
  switch (offered) {
    case 'choice':
      return 'Choose how to activate. Every way needs a connection to the licensing server.';
    case 'key':
      return `Enter the licence key you received when you bought the software. ${online}`;
    case 'account':
      return `Sign in with the account you bought the software with. ${online}`;
    case 'serial':
      return `Activate by the serial number your vendor registered for this device. ${online}`;
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
      return 'The account name or password is wrong';
    case 'seat_unavailable':
      return 'No unused licence on this account';
    default:
      return undefined;
  }
}

/** What deactivating gives up, in words true for this backend. */
export function deactivateConsequence(
  kind: BackendKind,
  licence: Pick<LicenceView, 'mode'>,
): string {
  if (licence.mode === 'floating') {
    return 'This removes the licence from this computer and gives back any seat it holds.';
  }
  switch (kind) {
    case 'flecs':
      // The FLECS console has no deactivation call: only this computer forgets the session.
      return 'This removes the licence from this computer only. FLECS keeps it assigned to this device, and a licence taken from your account is not given back.';
    case 'seats':
    case 'licensespring':
    case 'mobiusflow':
    case 'eniris':
      return 'This frees the activation so the key can be used on another computer.';
    case 'licence-file':
      return 'This removes the licence file from this computer. Keep a copy if you may need it again.';
    default:
      return assertNever(kind);
  }
}
