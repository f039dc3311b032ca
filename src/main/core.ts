import { hostname } from 'node:os';
import type { SystemStore } from './net/system-certificates';
import { systemClock, type Clock } from '../shared/clock';
import { eventContract, type EventChannel, type EventPayload } from '../shared/ipc';
import type { AppInfo, LicenceView } from '../shared/model';
import type { Wording } from '../shared/text';
import { config as says } from '../shared/texts/config.en';
import type { VendorConfig } from './config/vendor-config';
import { vendorViewOf } from './config/vendor-view';
import type { DemoEnvironment } from './demo-mode';
import {
  createFingerprinter,
  nodeHardwareSources,
  type HardwareSources,
} from './device/fingerprint';
import { createAxiosHttpClient } from './http/axios-http-client';
import { createFetchHttpClient, type FetchLike } from './http/fetch-http-client';
import type { HttpClient } from './http/http-client';
import { withWindowsProxySignIn } from './http/windows-proxy-sign-in';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { createBackend } from './licensing/backend-factory';
import { createHeartbeatScheduler } from './licensing/heartbeat-scheduler';
import { createEnirisService } from './licensing/eniris-service';
import { createLicenceService } from './licensing/licence-service';
import { createLicenseSpringService } from './licensing/licensespring-service';
import { createHubService } from './hubs/hub-service';
import { openHubSecrets } from './hubs/hub-secrets';
import { LicensingError } from './licensing/licensing-error';
import type { StateStore } from './store/persisted-state';
import type { SecretStore } from './store/secret-store';
import { createLicenceFileService } from './offline/licence-file-service';
import { createLicenseSpringOffline } from './offline/licensespring-offline-service';
import { createTimeAnchor } from './offline/time-anchor';
import { createLinkInbox, type LinkInbox } from './desktop/link-inbox';
import type { LoginItem } from './desktop/login-item';
import { createStartAtLogin } from './desktop/start-at-login';
import { createDiagnostics, createDiagnosticsLog } from './diagnostics/diagnostics-service';
import { licenceChangeLogger, loggingFailures } from './diagnostics/recent-log';
import type { HostLogFile } from './diagnostics/support-bundle';
import { networkSettings } from './net/network-settings';
import type { ProxyResolver } from './net/proxy-route';

/** What a host (the Electron app, the CLI, the browser host, a test) hands the core. */
export interface CoreHost {
  readonly config: VendorConfig;
  readonly version: string;
  readonly secrets: SecretStore;
  readonly state: StateStore;
  /** Where the engineer's MobiusFlow hub inventory is kept (a JSON document; secrets go to `secrets`). */
  readonly hubInventoryFile: string;
  /** Long-running hosts heartbeat held seats and release them on close. */
  readonly keepAlive: boolean;
  /** Run the sandbox in-process when the configuration asks for demo mode (app and browser host). */
  readonly allowInProcessDemo: boolean;
  readonly http?: HttpClient;
  readonly clock?: Clock;
  readonly hardware?: HardwareSources;
  /** Where the OS hands activation links (the Electron shell makes it before the core exists). */
  readonly links?: LinkInbox;
  /** The OS registration for start at login; absent where the host cannot register (CLI, browser). */
  readonly loginItem?: LoginItem;
  /** The folder a relative `caFile` is read from: the vendor configuration file's. */
  readonly configDir?: string;
  /** The Electron app's proxy resolver (Chromium's); absent: the *_PROXY environment variables. */
  readonly systemProxy?: ProxyResolver;
  /**
   * The Electron app's fetch over Chromium's network stack (net.fetch): requests go through it
   * once a proxy asks for Windows sign-in, which only Chromium can do (windows-proxy-sign-in.ts).
   */
  readonly chromiumFetch?: FetchLike;
  /** The Electron app's: this computer's certificate store (system-certificates.ts). */
  readonly systemCertificates?: () => Promise<SystemStore>;
  /** Log files of the host whose last lines go into the support bundle. */
  readonly logFiles?: readonly HostLogFile[];
}

/** One pushed event, whichever channel it is on. */
export type CoreEvent = {
  [E in EventChannel]: { readonly channel: E; readonly payload: EventPayload<E> };
}[EventChannel];

/**
 * The composition root shared by every host: configuration, fingerprint, stores, adapters, the
 * heartbeat scheduler and the licence service, plus the IPC dispatcher over them.
 */
export async function createCore(host: CoreHost) {
  const clock = host.clock ?? systemClock;
  let demo: DemoEnvironment | undefined;
  let config = host.config;
  if (config.demo && config.profiles.length === 0) {
    if (!host.allowInProcessDemo) throw new LicensingError('config', says.noProfiles());
    // Loaded only for the demo: the sandbox servers are most of the code a real start would load.
    const { startDemo } = await import('./demo-mode');
    demo = await startDemo(config);
    config = demo.config;
  }

  // Proxy and CA bundle, shared by the HTTP client and the connection test (a bad caFile stops
  // here). First: this computer's store is read in a worker while the rest starts.
  const network = networkSettings({
    caFile: host.config.caFile,
    configDir: host.configDir,
    systemProxy: host.systemProxy,
    systemCertificates: host.systemCertificates,
  });
  const fingerprinter = createFingerprinter(config.productId, host.hardware ?? nodeHardwareSources);
  const fingerprint = await fingerprinter.get();
  const state = host.state.load();
  const identity = { machineId: fingerprint.id, clientId: state.clientId, clientName: hostname() };
  const log = createDiagnosticsLog(config, () => clock.now());
  log.record('info', `started ${config.productName} ${host.version} (${host.secrets.backend})`);
  const userAgent = `license-manager/${host.version}`;
  const overNode = createAxiosHttpClient({
    userAgent,
    resolveProxy: network.resolveProxy,
    unreachableProxies: network.unreachableProxies,
    ca: network.ca,
  });
  const windowsSignIn = host.chromiumFetch
    ? withWindowsProxySignIn(
        overNode,
        createFetchHttpClient({ fetch: host.chromiumFetch, userAgent }),
        (proxy) =>
          log.record(
            'info',
            `proxy ${proxy} asks for Windows sign-in: requests go through Chromium's network stack from now on`,
          ),
      )
    : undefined;
  const http = host.http ?? windowsSignIn ?? overNode;

  const scheduler = createHeartbeatScheduler({ clock });
  const timeAnchor = createTimeAnchor({
    storage: {
      read: () => host.state.load().timeAnchor,
      write: (record) => void host.state.update((state) => void (state.timeAnchor = record)),
    },
    secrets: host.secrets,
    clock,
  });
  const service = createLicenceService({
    profiles: config.profiles,
    backendFor: (profile) =>
      createBackend(profile, { http, identity, clock, secrets: host.secrets }),
    secrets: host.secrets,
    state: host.state,
    scheduler,
    clock,
    identity,
    keepAlive: host.keepAlive,
  });
  await service.restore();
  const licenseSpring = createLicenseSpringService({
    licences: service,
    profiles: config.profiles,
    state: host.state,
    scheduler,
    clock,
    keepAlive: host.keepAlive,
    timeAnchor,
  });
  licenseSpring.restore();
  const lsOffline = createLicenseSpringOffline({
    licences: service,
    licenseSpring,
    profiles: config.profiles,
    clock,
  });
  const licenceFiles = createLicenceFileService({
    profiles: config.profiles,
    secrets: host.secrets,
    state: host.state,
    clock,
    fingerprint: fingerprint.id,
    timeAnchor,
  });
  const hubProfile = config.profiles.find((profile) => profile.kind === 'mobiusflow');
  const hubSecrets = openHubSecrets(host.hubInventoryFile, host.secrets);
  const hubs = createHubService({
    file: host.hubInventoryFile,
    secrets: hubSecrets,
    clock,
    httpTimeoutMs: hubProfile?.timeoutMs,
    maxConcurrency: hubProfile?.concurrency,
    network: {
      resolveProxy: network.resolveProxy,
      unreachableProxies: network.unreachableProxies,
      ca: network.ca,
      ...(host.chromiumFetch ? { chromiumFetch: host.chromiumFetch } : {}),
    },
  });
  // The demo starts with the sandbox's hubs in the inventory, so the fleet screen has a fleet.
  if (demo && hubs.list().hubs.length === 0) await hubs.importCsv(demo.hubsCsv);
  const eniris = createEnirisService({
    profiles: config.profiles,
    http,
    clock,
    secrets: host.secrets,
  });

  /**
   * Read on every call, so the Diagnostics screen also shows a file found damaged while the app
   * runs; the banner reads them once, at start.
   */
  const storageWarnings = () => {
    const said = [host.state.recovery, hubs.recovery, ...(hubSecrets.recoveries ?? [])].filter(
      (warning): warning is Wording => warning !== undefined,
    );
    return {
      storageWarnings: said.map((warning) => warning.message),
      storageWarningTexts: said.map((warning) => warning.text ?? null),
    };
  };
  const appInfo = async (): Promise<AppInfo> => ({
    productName: config.productName,
    version: host.version,
    demoMode: demo !== undefined,
    demoKeys: demo?.demoKeys ?? [],
    fingerprint: {
      label: fingerprint.id.slice(0, 12),
      source: fingerprint.source,
      warning: fingerprint.warning,
      warningText: fingerprint.warningText,
    },
    secretStore: {
      backend: host.secrets.backend,
      protected: host.secrets.protected,
      warning: host.secrets.warning,
      warningText: host.secrets.warningText,
    },
    ...storageWarnings(),
    // From the host's configuration: the demo's generated one keeps only the product's name.
    vendor: vendorViewOf(host.config),
  });

  for (const warning of (await appInfo()).storageWarnings) log.record('warn', warning);
  service.onChange(licenceChangeLogger(log));
  const diagnostics = createDiagnostics({
    ...{ config, version: host.version, network, http, appInfo, log },
    logFiles: host.logFiles,
    ...(host.http === undefined && windowsSignIn ? { windowsSignIn } : {}),
    now: () => clock.now(),
  });

  const links = host.links ?? createLinkInbox();
  const startAtLogin = createStartAtLogin({ state: host.state, loginItem: host.loginItem });

  /** Pushed views pass the same output schema as answers, so no stray field is ever sent. */
  const onChange = (listener: (view: LicenceView) => void) =>
    service.onChange((view) => listener(eventContract['licence:changed'].parse(view)));
  /** Every pushed event, for hosts that forward them all (Electron IPC, the browser host's SSE). */
  const onEvent = (listener: (event: CoreEvent) => void): (() => void) => {
    const stopLicences = onChange((payload) => listener({ channel: 'licence:changed', payload }));
    const stopHubs = hubs.onChange((change) =>
      listener({ channel: 'hubs:changed', payload: eventContract['hubs:changed'].parse(change) }),
    );
    const stopLinks = links.onReceived(() => listener({ channel: 'link:received', payload: {} }));
    return () => {
      stopLicences();
      stopHubs();
      stopLinks();
    };
  };

  return {
    config,
    fingerprint,
    service,
    onChange,
    onEvent,
    appInfo,
    demoKeys: demo?.demoKeys ?? [],
    eniris,
    licenseSpring,
    hubs,
    lsOffline,
    licenceFiles,
    links,
    startAtLogin,
    diagnostics,
    // Every failed request is written to the recent log the diagnostics show (code and words only).
    dispatch: loggingFailures(
      createDispatcher(
        createHandlers({
          ...{ licences: service, eniris, licenseSpring, hubs, lsOffline, licenceFiles },
          appInfo,
          takeLink: () => links.take(service.profiles()),
          startAtLogin,
          diagnostics,
        }),
      ),
      log,
    ),
    /** powerMonitor 'suspend': stop timers; 'resume': renew every held seat at once. */
    suspend: () => scheduler.suspend(),
    resume: () => scheduler.resume(),
    /** Releases held seats (bounded), then stops the in-process sandbox. */
    async close(releaseTimeoutMs = 3_000) {
      licenseSpring.close();
      const outcome = host.keepAlive
        ? await service.shutdown(releaseTimeoutMs, (id) => licenseSpring.releaseEntry(id))
        : undefined;
      await hubs.close();
      await demo?.close();
      return outcome;
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
