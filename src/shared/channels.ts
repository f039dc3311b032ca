/**
 * Channel names only, without schemas: the sandboxed preload imports this list (and nothing heavy)
 * as its allow-list. `ipc.ts` checks at compile time that it matches the contract.
 */
export const INVOKE_CHANNELS = [
  'app:info',
  'profiles:list',
  'licence:status',
  'licence:activate',
  'licence:activate-account',
  'licence:activate-serial',
  'licence:validate',
  'licence:deactivate',
  'seat:request',
  'seat:heartbeat',
  'seat:release',
  'seat:info',
  'eniris:account',
  'eniris:sign-in',
  'eniris:sign-out',
  'eniris:activate',
  'eniris:claim',
  'eniris:licences',
  'licensespring:product',
  'licensespring:details',
  'licensespring:trial',
  'licensespring:borrow',
  'licensespring:release',
  'licensespring:consume',
  'licensespring:feature-check',
  'licensespring:feature-release',
  'licensespring:feature-borrow',
  'offline:request',
  'offline:activate',
  'offline:deactivate',
  'licence-file:status',
  'licence-file:import',
  'licence-file:remove',
  'hubs:list',
  'hubs:add',
  'hubs:update',
  'hubs:remove',
  'hubs:import',
  'hubs:export',
  'hubs:report',
  'hubs:refresh',
  'hubs:certificate',
  'hubs:trust',
  'hubs:set-code',
  // Desktop integration: the activation link waiting for the form, the start-at-login setting.
  'link:take',
  'settings:start-at-login',
  'settings:set-start-at-login',
  // Diagnostics: versions, configuration, secrets, fingerprint, log; connection test; support zip.
  'diagnostics:report',
  'diagnostics:test-connection',
  'diagnostics:bundle',
] as const;

export const EVENT_CHANNELS = [
  'licence:changed',
  'hubs:changed',
  // An activation link arrived: take it with `link:take`.
  'link:received',
] as const;

/** The single Electron IPC channel that carries every invoke; the contract channel is its first argument. */
export const INVOKE_IPC = 'license-manager:invoke';
