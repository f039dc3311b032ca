import { LicensingError } from '../licensing/licensing-error';
import { net } from '../../shared/texts/net.en';
import { DIRECT, type ProxyRoute } from './proxy-route';

/**
 * Reads the answer of Chromium's proxy resolver (Electron's `session.resolveProxy(url)`), which is
 * PAC syntax: entries separated by `;`, each `DIRECT`, `PROXY host:port`, `HTTPS host:port`,
 * `SOCKS host:port`, `SOCKS4 …` or `SOCKS5 …`, to be tried in order. An empty answer means
 * DIRECT.
 *
 * The first entry this app can use wins: DIRECT, or PROXY (an HTTP proxy; CONNECT for https).
 * HTTPS and SOCKS proxies are skipped (the HTTP client speaks neither); if nothing usable is
 * left, the request is refused with the system's own setting named, instead of going out
 * directly behind the administrator's back. Chromium would fall over to the next entry when a
 * proxy fails; this reader does not: a dead first proxy is reported (the connection test names
 * it), which is what the person needs to know anyway.
 */
export function parsePacAnswer(answer: string): ProxyRoute {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) return DIRECT;
  for (const entry of entries) {
    const [kind = '', address = ''] = entry.split(/\s+/, 2);
    if (kind.toUpperCase() === 'DIRECT') return DIRECT;
    if (kind.toUpperCase() === 'PROXY') return proxyEntry(address, entry);
  }
  throw new LicensingError('config', net.systemProxyUnusable({ entries: entries.join('; ') }));
}

function proxyEntry(address: string, entry: string): ProxyRoute {
  const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d{1,5}))?$/.exec(address);
  const port = match?.[2] === undefined ? 80 : Number(match[2]);
  if (!match?.[1] || port < 1 || port > 65_535) {
    throw new LicensingError('config', net.systemProxyUnreadable({ entry }));
  }
  return { kind: 'http', host: match[1].replace(/^\[(.*)\]$/, '$1'), port };
}
