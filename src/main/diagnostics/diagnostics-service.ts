import { hostname } from 'node:os';
import type {
  ConnectionTest,
  DiagnosticsReport,
  SupportBundle,
} from '../../shared/diagnostics-model';
import type { Locale } from '../../shared/locale';
import type { AppInfo } from '../../shared/model';
import type { ProfileConfig, VendorConfig } from '../config/vendor-config';
import type { HttpClient } from '../http/http-client';
import { LicensingError } from '../licensing/licensing-error';
import { config as says } from '../../shared/texts/config.en';
import type { NetworkSettings } from '../net/network-settings';
import { proxyVariables } from '../net/proxy-env';
import type { ConnectionTestDeps } from './connection-test';
import { fingerprintBasis, runtimeVersions, secretProtection } from './machine-facts';
import { testProfileConnection } from './profile-connection';
import { createRecentLog, type RecentLog } from './recent-log';
import { redactConfig, redactText, secretsOf } from './redaction';
import { logTail, zipSupportBundle, type HostLogFile } from './support-bundle';
import { wordsFor } from './words';

/**
 * The diagnostics behind the screen, `license-manager diagnose` and the support bundle. Built
 * from what the core already knows (configuration, network settings, the secret store and
 * fingerprint as AppInfo reports them, the recent log); it keeps no state of its own. The screen
 * asks in its language; the CLI, the support bundle and the recent log are always English.
 */
export interface DiagnosticsDeps {
  /** The configuration in effect (the demo's generated one in demo mode). */
  readonly config: VendorConfig;
  readonly version: string;
  readonly network: NetworkSettings;
  /** The app's own HTTP client: the connection test's last step goes through it. */
  readonly http: HttpClient;
  /** The Electron app: how `http` signs in to proxies that ask for Windows sign-in. */
  readonly windowsSignIn?: ConnectionTestDeps['windowsSignIn'];
  readonly appInfo: () => Promise<AppInfo>;
  readonly log: RecentLog;
  readonly logFiles?: readonly HostLogFile[];
  readonly now: () => number;
  /** Each connection-test step's deadline (default 5 s). */
  readonly stepTimeoutMs?: number;
}

/** A profile's settings (not its identity or description), flattened (`auth.kind`), credentials masked. */
function profileSettings(profile: ProfileConfig): { name: string; value: string }[] {
  const { id: _id, kind: _kind, label: _label, description: _description, ...rest } = profile;
  const flatten = (value: unknown, path: string): { name: string; value: string }[] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([key, item]) => flatten(item, path ? `${path}.${key}` : key))
      : [{ name: path, value: String(value) }];
  return flatten(redactConfig(rest), '');
}

/** The proxy that asked for Windows sign-in, for the report, once one has. */
function windowsSignInOf(signIn: DiagnosticsDeps['windowsSignIn']): {
  windowsSignIn?: { proxy: string };
} {
  const proxy = signIn?.signInProxy();
  return proxy === undefined ? {} : { windowsSignIn: { proxy } };
}

/** The core's recent log: every line has this configuration's credentials masked as written. */
export function createDiagnosticsLog(config: VendorConfig, now: () => number): RecentLog {
  const secrets = secretsOf(config);
  return createRecentLog({ now, redact: (text) => redactText(text, secrets) });
}

export function createDiagnostics(deps: DiagnosticsDeps) {
  const { config, network } = deps;
  const secrets = secretsOf(config);
  const redact = (text: string): string => redactText(text, secrets);
  const profileOf = (profileId: string): ProfileConfig => {
    const profile = config.profiles.find((candidate) => candidate.id === profileId);
    if (!profile) throw new LicensingError('invalid_input', says.noProfileToTest({ profileId }));
    return profile;
  };
  const testDeps = {
    resolveProxy: network.resolveProxy,
    unreachableProxies: network.unreachableProxies,
    ca: network.ca,
    http: deps.http,
    windowsSignIn: deps.windowsSignIn,
    stepTimeoutMs: deps.stepTimeoutMs,
  };

  async function report(locale?: Locale): Promise<DiagnosticsReport> {
    const words = wordsFor(locale);
    const info = await deps.appInfo();
    return {
      generatedAt: deps.now(),
      versions: runtimeVersions(deps.version),
      configuration: {
        productName: config.productName,
        productId: config.productId,
        demoMode: info.demoMode,
        allowWeakSecretStore: config.allowWeakSecretStore,
        profiles: config.profiles.map((profile) => ({
          id: profile.id,
          kind: profile.kind,
          label: words.profileName(profile),
          settings: profileSettings(profile),
        })),
      },
      network: {
        proxySource: words.proxySource[network.proxySource],
        proxyVariables: network.proxySource === 'environment' ? proxyVariables() : [],
        ...(network.caBundle ? { caFile: network.caBundle.file } : {}),
        caCertificates: [...(network.caBundle?.summary ?? [])],
        ...(network.systemStore ? { systemStore: await network.systemStore } : {}),
        ...windowsSignInOf(deps.windowsSignIn),
      },
      secrets: secretProtection(info.secretStore, config.allowWeakSecretStore, words),
      fingerprint: fingerprintBasis(
        info.fingerprint,
        config.productId,
        hostname(),
        process.platform,
        words,
      ),
      storageWarnings: info.storageWarnings,
      storageWarningTexts: info.storageWarningTexts,
      recentLog: [...deps.log.lines()],
    };
  }

  async function testConnection(profileId: string, locale?: Locale): Promise<ConnectionTest> {
    const { test, englishFailure } = await testProfileConnection(
      profileOf(profileId),
      testDeps,
      deps.now,
      wordsFor(locale),
    );
    // The log is English whatever the screen's language: it goes to support in the bundle.
    deps.log.record(
      englishFailure ? 'warn' : 'info',
      `connection test ${profileId}: ${englishFailure ? englishFailure.message : 'ok'}`,
    );
    return test;
  }

  async function bundle(): Promise<SupportBundle> {
    // Every profile at once: a dead server costs one step deadline, not one per profile.
    const connectionTests = await Promise.all(
      config.profiles.map((profile) => testConnection(profile.id)),
    );
    const hostLogs = deps.logFiles ?? [];
    // A refusal is written after the request it refused returns: one made just before this
    // bundle was asked for may still be queued.
    await Promise.all(hostLogs.map((log) => log.flush?.()));
    const logFiles = await Promise.all(hostLogs.map((log) => logTail(log.file, redact)));
    return zipSupportBundle({
      report: await report(),
      configuration: redactConfig(config),
      connectionTests,
      logFiles: logFiles.filter((file) => file !== undefined),
    });
  }

  return { report, testConnection, bundle };
}

export type Diagnostics = ReturnType<typeof createDiagnostics>;
