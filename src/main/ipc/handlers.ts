import type { AppInfo } from '../../shared/model';
import type { EnirisService } from '../licensing/eniris-service';
import type { LicenceService } from '../licensing/licence-service';
import type { IpcHandlers } from './dispatch';

/** Each channel is one line onto the core: all the logic lives in the service. */
export const createHandlers = (
  service: LicenceService,
  eniris: EnirisService,
  appInfo: () => Promise<AppInfo>,
): IpcHandlers => ({
  'app:info': () => appInfo(),
  'profiles:list': async () => service.profiles(),
  'licence:status': ({ profileId }) => service.status(profileId),
  'licence:activate': ({ profileId, key }) => service.activate(profileId, { method: 'key', key }),
  'licence:activate-account': ({ profileId, username, password }) =>
    service.activate(profileId, { method: 'account', username, password }),
  'licence:activate-serial': ({ profileId }) => service.activate(profileId, { method: 'serial' }),
  'licence:validate': ({ profileId }) => service.validate(profileId),
  'licence:deactivate': ({ profileId }) => service.deactivate(profileId),
  'seat:request': ({ profileId }) => service.requestSeat(profileId),
  'seat:heartbeat': ({ profileId }) => service.renewSeat(profileId),
  'seat:release': ({ profileId }) => service.releaseSeat(profileId),
  'seat:info': ({ profileId }) => service.seatInfo(profileId),
  'eniris:account': ({ profileId }) => eniris.account(profileId),
  'eniris:sign-in': ({ profileId, username, password }) =>
    eniris.signIn(profileId, username, password),
  'eniris:sign-out': ({ profileId }) => eniris.signOut(profileId),
  'eniris:activate': ({ profileId, key, activationIso }) =>
    eniris.activate(profileId, key, activationIso),
  'eniris:claim': ({ profileId, key, nodeId }) => eniris.claim(profileId, key, nodeId),
  'eniris:licences': ({ profileId, nodeId, customerId }) =>
    eniris.licences(profileId, { nodeId, customerId }),
});
