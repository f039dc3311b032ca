import type { PendingLink } from '../../shared/desktop-model';
import type { AppInfo } from '../../shared/model';
import type { StartAtLogin } from '../desktop/start-at-login';
import type { Diagnostics } from '../diagnostics/diagnostics-service';
import type { HubService } from '../hubs/hub-service';
import type { EnirisService } from '../licensing/eniris-service';
import type { LicenceService } from '../licensing/licence-service';
import type { LicenseSpringService } from '../licensing/licensespring-service';
import type { LicenceFileService } from '../offline/licence-file-service';
import type { LicenseSpringOffline } from '../offline/licensespring-offline-service';
import type { IpcHandlers } from './dispatch';

export interface HandlerServices {
  readonly licences: LicenceService;
  readonly eniris: EnirisService;
  readonly licenseSpring: LicenseSpringService;
  readonly hubs: HubService;
  readonly lsOffline: LicenseSpringOffline;
  readonly licenceFiles: LicenceFileService;
  readonly appInfo: () => Promise<AppInfo>;
  /** The activation link waiting for the renderer, taken once. */
  readonly takeLink: () => PendingLink;
  readonly startAtLogin: StartAtLogin;
  readonly diagnostics: Diagnostics;
}

const instant = (iso: string | undefined): number | undefined =>
  iso === undefined ? undefined : Date.parse(iso);

/** Each channel is one line onto the core: all the logic lives in the services. */
export const createHandlers = ({
  licences: service,
  eniris,
  licenseSpring: ls,
  hubs,
  lsOffline,
  licenceFiles,
  appInfo,
  takeLink,
  startAtLogin,
  diagnostics,
}: HandlerServices): IpcHandlers => ({
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
  'licensespring:product': ({ profileId }) => ls.product(profileId),
  'licensespring:details': ({ profileId, refresh }) => ls.details(profileId, refresh),
  'licensespring:trial': ({ profileId, email }) => ls.startTrial(profileId, email),
  'licensespring:borrow': ({ profileId, until }) => ls.borrow(profileId, instant(until)),
  'licensespring:release': ({ profileId }) => ls.release(profileId),
  'licensespring:consume': ({ profileId, amount, feature }) =>
    ls.consume(profileId, amount, feature),
  'licensespring:feature-check': ({ profileId, feature }) => ls.checkFeature(profileId, feature),
  'licensespring:feature-release': ({ profileId, feature }) =>
    ls.releaseFeature(profileId, feature),
  'licensespring:feature-borrow': ({ profileId, feature, until }) =>
    ls.borrowFeature(profileId, feature, instant(until)),
  'offline:request': ({ profileId, key }) => lsOffline.request(profileId, key),
  'offline:activate': ({ profileId, text }) => lsOffline.activate(profileId, text),
  'offline:deactivate': ({ profileId }) => lsOffline.deactivate(profileId),
  'licence-file:status': ({ profileId }) => licenceFiles.status(profileId),
  'licence-file:import': ({ profileId, text }) => licenceFiles.import(profileId, text),
  'licence-file:remove': ({ profileId }) => licenceFiles.remove(profileId),
  'hubs:list': async () => hubs.list(),
  'hubs:add': ({ hub }) => hubs.add(hub),
  'hubs:update': ({ id, hub }) => hubs.update(id, hub),
  'hubs:remove': ({ id }) => hubs.remove(id),
  'hubs:import': ({ csv }) => hubs.importCsv(csv),
  'hubs:export': async () => ({ csv: hubs.exportCsv() }),
  'hubs:report': async () => ({ csv: hubs.reportCsv() }),
  'hubs:refresh': ({ ids, concurrency }) => hubs.refresh({ ids, concurrency }),
  'hubs:certificate': ({ id }) => hubs.certificate(id),
  'hubs:trust': ({ id, fingerprint }) => hubs.trust(id, fingerprint),
  'hubs:set-code': ({ id, code }) => hubs.setCode(id, code),
  'link:take': async () => takeLink(),
  'settings:start-at-login': async () => startAtLogin.view(),
  'settings:set-start-at-login': async ({ enabled }) => startAtLogin.set(enabled),
  'diagnostics:report': ({ locale }) => diagnostics.report(locale),
  'diagnostics:test-connection': ({ profileId, locale }) =>
    diagnostics.testConnection(profileId, locale),
  'diagnostics:bundle': () => diagnostics.bundle(),
});
