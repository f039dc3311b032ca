import { BlockList, isIP } from 'node:net';
import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';
import {
  DIRECT,
  portOf,
  socketHost,
  type ProxyResolver,
  type ProxyRoute,
  type ProxyServerRoute,
} from './proxy-route';

/**
 * The proxy environment variables, as curl reads them: `https_proxy` for https URLs, `http_proxy`
 * for plain http, `all_proxy` for both when the specific one is unset; lower case before upper
 * case; `no_proxy` lists hosts reached directly. Supported: http:// proxies (CONNECT for https
 * targets), https:// proxies (the same inside TLS with the proxy, default port 443, as curl) and
 * SOCKS proxies: socks5:// and socks5h://, socks4:// and socks4a:// (the proxy always resolves the
 * server's name, see socks-handshake.ts). Any other scheme is refused in words rather than
 * silently ignored.
 *
 * NO_PROXY entries are separated by commas or spaces: `*` (everything), a host or IP address
 * (that host and its sub-domains), `.example.com` or `*.example.com` (the same), each optionally
 * with `:port`, or an address range (`10.0.0.0/8`, `fd00::/8`), which matches addresses written in
 * the URL (a name is not looked up for it, as curl). Loopback is not bypassed unless listed (as
 * curl does): add `localhost,127.0.0.1`.
 */

export type Env = Readonly<Record<string, string | undefined>>;

const firstSet = (
  env: Env,
  names: readonly string[],
): { name: string; value: string } | undefined => {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
};

const variablesFor = (protocol: string): readonly string[] =>
  protocol === 'https:'
    ? ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']
    : ['http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'];

/** The proxy kinds an address's scheme names; default port as curl's. */
const SCHEMES: Readonly<
  Record<string, { kind: 'http'; secure?: true } | { kind: 'socks'; version: 4 | 5 }>
> = {
  'http:': { kind: 'http' },
  'https:': { kind: 'http', secure: true },
  'socks5:': { kind: 'socks', version: 5 },
  'socks5h:': { kind: 'socks', version: 5 },
  'socks4:': { kind: 'socks', version: 4 },
  'socks4a:': { kind: 'socks', version: 4 },
};

/** A proxy address from a variable or a setting; `source` names it in the error. */
export function parseProxyAddress(text: string, source: string): ProxyServerRoute {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new LicensingError('config', net.proxyNotAnAddress({ source }));
  }
  const scheme = SCHEMES[url.protocol];
  if (!scheme) {
    throw new LicensingError(
      'config',
      net.proxyNotHttpScheme({ source, scheme: url.protocol.replace(':', '') }),
    );
  }
  if (!url.hostname) {
    throw new LicensingError('config', net.proxyNoHost({ source }));
  }
  const auth = url.username
    ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
    : undefined;
  // new URL() knows no default port for socks schemes: 1080 is SOCKS's.
  const port = url.port ? Number(url.port) : scheme.kind === 'socks' ? 1080 : portOf(url);
  return { ...scheme, host: socketHost(url), port, ...(auth ? { auth } : {}) };
}

interface NoProxyEntry {
  readonly host: string;
  readonly port?: number;
}

function parseNoProxyEntry(raw: string): NoProxyEntry {
  let host = raw.toLowerCase();
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] === undefined ? undefined : Number(bracketed[2]);
  } else if (host.split(':').length === 2) {
    const [name, number] = host.split(':');
    host = name ?? '';
    port = /^\d+$/.test(number ?? '') ? Number(number) : undefined;
  }
  return { host: host.replace(/^\*/, '').replace(/^\./, ''), ...(port ? { port } : {}) };
}

/** Whether `host` is an address inside `entry` when that is a range; undefined if it is not one. */
function inRange(host: string, entry: string): boolean | undefined {
  const range = /^\[?([0-9a-f:.]+)\]?\/(\d{1,3})$/.exec(entry);
  if (!range) return undefined;
  const [, base = '', bits = ''] = range;
  const family = isIP(base);
  const prefix = Number(bits);
  if (family === 0 || isIP(host) !== family || prefix > (family === 4 ? 32 : 128)) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  list.addSubnet(base, prefix, type);
  return list.check(host, type);
}

/** Whether NO_PROXY sends this URL straight to its server. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = socketHost(url).toLowerCase();
  const port = portOf(url);
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry.length > 0)
    .some((entry) => {
      if (entry === '*') return true;
      const range = inRange(host, entry.toLowerCase());
      if (range !== undefined) return range;
      const rule = parseNoProxyEntry(entry);
      if (rule.port !== undefined && rule.port !== port) return false;
      return rule.host !== '' && (host === rule.host || host.endsWith(`.${rule.host}`));
    });
}

/** The route the environment gives this URL (one: variables name no backup). */
export function routeFromEnvironment(url: URL, env: Env): ProxyRoute {
  const noProxy = firstSet(env, ['no_proxy', 'NO_PROXY'])?.value;
  if (bypassesProxy(url, noProxy)) return DIRECT;
  const proxy = firstSet(env, variablesFor(url.protocol));
  return proxy ? parseProxyAddress(proxy.value, proxy.name) : DIRECT;
}

/**
 * Whether the variables name a proxy (NO_PROXY alone names none). In the Electron app and its
 * `--cli` they then win over the system's setting: whoever set them for this run meant them (an
 * installer handing over its proxy, with credentials a PAC answer cannot carry).
 */
export const namesProxy = (env: Env = process.env): boolean =>
  firstSet(env, [...variablesFor('https:'), 'http_proxy', 'HTTP_PROXY']) !== undefined;

/** The CLI's and the browser host's resolver; reads the variables on each request. */
export const proxyFromEnvironment =
  (env: Env = process.env): ProxyResolver =>
  async (url) => [routeFromEnvironment(url, env)];

/**
 * The proxy variables that are set, for the diagnostics screen and the support bundle: values
 * with any user name and password replaced by `***`.
 */
export function proxyVariables(env: Env = process.env): { name: string; value: string }[] {
  const names = [...variablesFor('https:'), 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'];
  return [...new Set(names)]
    .filter((name) => env[name]?.trim())
    .map((name) => ({ name, value: hideCredentials(env[name]?.trim() ?? '') }));
}

/** `http://user:secret@proxy:3128` → `http://***@proxy:3128` (any scheme, or none). */
export const hideCredentials = (text: string): string =>
  text.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^/@\s]+@/i,
    (_match, scheme?: string) => `${scheme ?? ''}***@`,
  );
