import { isAbsolute, resolve } from 'node:path';
import { readCaBundle, trustedCertificates, type CaBundle } from './ca-bundle';
import { namesProxy, proxyFromEnvironment, type Env } from './proxy-env';
import type { ProxyResolver } from './proxy-route';
import type { SystemStore } from './system-certificates';
import { unreachableProxies, type UnreachableProxies } from './unreachable-proxies';

/**
 * The network settings of one running app, shared by its HTTP client and its connection test so
 * the test checks exactly what the app does: who decides the proxy, and which CAs are trusted.
 */
export interface NetworkSettings {
  readonly resolveProxy: ProxyResolver;
  /** Proxies found unreachable lately: a proxy one of them finds down, the others try last. */
  readonly unreachableProxies: UnreachableProxies;
  /**
   * Trusted CAs (PEM) when a CA bundle or this computer's store adds any; undefined: Node's
   * defaults. Settles once the store has been read (in a worker): the first request waits for it,
   * the start does not.
   */
  readonly ca: Promise<readonly string[] | undefined>;
  readonly caBundle?: CaBundle;
  /** This computer's store (the Electron app): how many of its CAs are trusted, or why none. */
  readonly systemStore?: Promise<StoreUse>;
  /** `system`: the Electron app asks Chromium (system settings, PAC); `environment`: *_PROXY. */
  readonly proxySource: 'environment' | 'system';
}

export interface NetworkSettingsOptions {
  /** The configuration's `caFile`. */
  readonly caFile?: string;
  /** The folder a relative `caFile` is read from: the vendor configuration file's. */
  readonly configDir?: string;
  /**
   * The Electron app's resolver (Chromium's); absent, or when the proxy variables name a proxy:
   * the variables.
   */
  readonly systemProxy?: ProxyResolver;
  /** The process's environment; default process.env. */
  readonly env?: Env;
  /** The Electron app's: reads this computer's certificate store (system-certificates.ts). */
  readonly systemCertificates?: () => Promise<SystemStore>;
}

/** How much of this computer's store is trusted, or why none of it is. */
export type StoreUse = { readonly trusted: number } | Extract<SystemStore, { unused: unknown }>;

/**
 * Reads the CA bundle now, so a missing or broken one is reported at start, naming the file; this
 * computer's store is read meanwhile, off the main thread.
 */
export function networkSettings(options: NetworkSettingsOptions): NetworkSettings {
  const { caFile, configDir } = options;
  const caBundle =
    caFile === undefined
      ? undefined
      : readCaBundle(isAbsolute(caFile) ? caFile : resolve(configDir ?? '.', caFile));
  const system = namesProxy(options.env) ? undefined : options.systemProxy;
  // A store that fails to answer is one that cannot be read: never a rejection left unheard.
  const store = options.systemCertificates?.().catch((): SystemStore => ({ unused: 'unreadable' }));
  const ca = (store ?? Promise.resolve(undefined)).then((read) => {
    const fromStore = read && 'certificates' in read ? read.certificates : [];
    const extra = [...fromStore, ...(caBundle?.certificates ?? [])];
    return extra.length > 0 ? trustedCertificates(extra) : undefined;
  });
  return {
    resolveProxy: system ?? proxyFromEnvironment(options.env),
    unreachableProxies: unreachableProxies(),
    ca,
    ...(caBundle ? { caBundle } : {}),
    ...(store
      ? {
          systemStore: store.then((read): StoreUse =>
            'unused' in read ? { unused: read.unused } : { trusted: read.certificates.length },
          ),
        }
      : {}),
    proxySource: system ? 'system' : 'environment',
  };
}
