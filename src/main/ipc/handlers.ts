import type { AppInfo } from '../../shared/model';
import type { LicenceService } from '../licensing/licence-service';
import type { IpcHandlers } from './dispatch';

/** Each channel is one line onto the core: all the logic lives in the service. */
export const createHandlers = (
  service: LicenceService,
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
});
