import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';
import { DIRECT, type ProxyRoute, type ProxyRoutes } from './proxy-route';

/**
 * Reads the answer of Chromium's proxy resolver (Electron's `session.resolveProxy(url)`), which is
 * PAC syntax: entries separated by `;`, each `DIRECT`, `PROXY host:port`, `HTTPS host:port`,
 * `SOCKS host:port` (SOCKS4, as in Netscape's PAC), `SOCKS4 …` or `SOCKS5 …`, to be tried in
 * order. An empty answer means DIRECT.
 *
 * Every entry this app can use is kept, in order: the HTTP client falls over to the next one when
 * a proxy (or, for DIRECT, the server) cannot be reached, as Chromium does. Kinds it does not
 * speak (QUIC) are skipped; if nothing usable is left, the request is refused with the system's
 * own setting named, instead of going out directly behind the administrator's back.
 */
export function parsePacAnswer(answer: string): ProxyRoutes {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) return [DIRECT];
  const routes = entries.flatMap((entry) => {
    const route = routeOf(entry);
    return route ? [route] : [];
  });
  const [first, ...rest] = routes;
  if (!first)
    throw new LicensingError('config', net.systemProxyUnusable({ entries: entries.join('; ') }));
  return [first, ...rest];
}

/** One entry as a route; undefined for a kind of proxy this app does not speak. */
function routeOf(entry: string): ProxyRoute | undefined {
  const [kind = '', address = ''] = entry.split(/\s+/, 2);
  switch (kind.toUpperCase()) {
    case 'DIRECT':
      return DIRECT;
    case 'PROXY':
      return { kind: 'http', ...hostPort(address, 80, entry) };
    case 'HTTPS':
      return { kind: 'http', secure: true, ...hostPort(address, 443, entry) };
    case 'SOCKS':
    case 'SOCKS4':
      return { kind: 'socks', version: 4, ...hostPort(address, 1080, entry) };
    case 'SOCKS5':
      return { kind: 'socks', version: 5, ...hostPort(address, 1080, entry) };
    default:
      return undefined;
  }
}

function hostPort(address: string, defaultPort: number, entry: string) {
  const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d{1,5}))?$/.exec(address);
  const port = match?.[2] === undefined ? defaultPort : Number(match[2]);
  if (!match?.[1] || port < 1 || port > 65_535) {
    throw new LicensingError('config', net.systemProxyUnreadable({ entry }));
  }
  return { host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
}
