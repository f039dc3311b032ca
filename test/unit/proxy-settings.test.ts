import { describe, expect, it } from 'vitest';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { networkSettings } from '../../src/main/net/network-settings';
import { parsePacAnswer } from '../../src/main/net/pac-answer';
import {
  bypassesProxy,
  hideCredentials,
  proxyVariables,
  routeFromEnvironment,
} from '../../src/main/net/proxy-env';
import type { ProxyResolver } from '../../src/main/net/proxy-route';

/** The two ways the app learns its proxy: environment variables (CLI) and Chromium's PAC answer. */

const url = (text: string) => new URL(text);

describe('NO_PROXY', () => {
  it.each([
    ['licensing.acme.example', 'https://licensing.acme.example/', true],
    ['acme.example', 'https://licensing.acme.example/', true],
    ['.acme.example', 'https://licensing.acme.example/', true],
    ['*.acme.example', 'https://licensing.acme.example/', true],
    ['acme.example', 'https://notacme.example/', false],
    ['acme.example:8443', 'https://licensing.acme.example:8443/', true],
    ['acme.example:8443', 'https://licensing.acme.example/', false],
    ['licensing.acme.example:443', 'https://licensing.acme.example/', true],
    ['127.0.0.1', 'http://127.0.0.1:5455/', true],
    ['127.0.0.1', 'http://127.0.0.10:5455/', false],
    ['[::1]:5455', 'http://[::1]:5455/', true],
    ['::1', 'http://[::1]:5455/', true],
    ['*', 'https://anything.example/', true],
    ['other.example, acme.example', 'https://x.acme.example/', true],
    ['other.example acme.example', 'https://x.acme.example/', true],
    ['ACME.EXAMPLE', 'https://licensing.acme.example/', true],
    ['10.0.0.0/8', 'http://10.20.30.40:5455/', true],
    ['10.0.0.0/8', 'http://11.0.0.1/', false],
    ['192.168.1.0/24', 'https://192.168.1.200/', true],
    ['192.168.1.0/24', 'https://192.168.2.1/', false],
    ['0.0.0.0/0', 'https://203.0.113.9/', true],
    ['fd00::/8', 'https://[fd12:3456::1]/', true],
    ['[fd00::]/8', 'https://[fd12:3456::1]/', true],
    ['FD00::/8', 'https://[fe80::1]/', false],
    ['10.0.0.0/8', 'https://[::1]/', false],
    // A range matches addresses only: names are not looked up for it.
    ['10.0.0.0/8', 'https://ten.acme.example/', false],
    ['10.0.0.0/33', 'http://10.0.0.1/', false],
    ['', 'https://licensing.acme.example/', false],
    [',,', 'https://licensing.acme.example/', false],
  ])('%j for %s: bypass %s', (noProxy, target, expected) => {
    expect(bypassesProxy(url(target), noProxy)).toBe(expected);
  });

  it('does not bypass loopback unless it is listed (as curl)', () => {
    expect(bypassesProxy(url('http://127.0.0.1:80/'), 'example.com')).toBe(false);
  });
});

describe('the proxy environment variables', () => {
  it('takes https_proxy for https URLs and http_proxy for http, lower case first', () => {
    const env = {
      https_proxy: 'http://lower:1',
      HTTPS_PROXY: 'http://upper:2',
      HTTP_PROXY: 'plain.example:3',
    };
    expect(routeFromEnvironment(url('https://a.example/'), env)).toEqual({
      kind: 'http',
      host: 'lower',
      port: 1,
    });
    expect(routeFromEnvironment(url('http://a.example/'), env)).toEqual({
      kind: 'http',
      host: 'plain.example',
      port: 3,
    });
  });

  it('falls back to ALL_PROXY, and goes direct with nothing set', () => {
    expect(
      routeFromEnvironment(url('https://a.example/'), { ALL_PROXY: 'http://all:8080' }),
    ).toEqual({ kind: 'http', host: 'all', port: 8080 });
    expect(routeFromEnvironment(url('https://a.example/'), {})).toEqual({ kind: 'direct' });
    expect(routeFromEnvironment(url('https://a.example/'), { HTTP_PROXY: 'http://p:1' })).toEqual({
      kind: 'direct',
    });
  });

  it('decodes credentials and defaults the port to 80', () => {
    expect(
      routeFromEnvironment(url('https://a.example/'), {
        HTTPS_PROXY: 'http://dom%5Cuser:p%40ss@proxy.corp',
      }),
    ).toEqual({ kind: 'http', host: 'proxy.corp', port: 80, auth: 'dom\\user:p@ss' });
  });

  it.each([
    ['socks5://s:1081', { kind: 'socks', version: 5, host: 's', port: 1081 }],
    ['socks5h://s', { kind: 'socks', version: 5, host: 's', port: 1080 }],
    ['socks4://s', { kind: 'socks', version: 4, host: 's', port: 1080 }],
    [
      'SOCKS4A://u@[fd00::2]:9',
      { kind: 'socks', version: 4, host: 'fd00::2', port: 9, auth: 'u:' },
    ],
    ['socks5://u:p%3Aw@s', { kind: 'socks', version: 5, host: 's', port: 1080, auth: 'u:p:w' }],
  ])('reads the SOCKS proxy %s (port 1080 unless given)', (value, route) => {
    expect(routeFromEnvironment(url('https://a.example/'), { ALL_PROXY: value })).toEqual(route);
  });

  it.each([
    ['https://proxy.corp', { kind: 'http', secure: true, host: 'proxy.corp', port: 443 }],
    [
      'HTTPS://u:p@proxy.corp:8443',
      { kind: 'http', secure: true, host: 'proxy.corp', port: 8443, auth: 'u:p' },
    ],
  ])('reads the HTTPS proxy %s (port 443 unless given, as curl)', (value, route) => {
    expect(routeFromEnvironment(url('http://a.example/'), { HTTP_PROXY: value })).toEqual(route);
  });

  it.each([
    ['socks://127.0.0.1:1080', 'HTTPS_PROXY names a socks proxy'],
    ['ftp://proxy.corp:21', 'HTTPS_PROXY names a ftp proxy'],
    ['http://', 'HTTPS_PROXY is not a proxy address'],
  ])('refuses %s in words', (value, words) => {
    const attempt = () => routeFromEnvironment(url('https://a.example/'), { HTTPS_PROXY: value });
    expect(attempt).toThrow(LicensingError);
    expect(attempt).toThrow(words);
  });

  it('lists the variables that are set, with credentials hidden', () => {
    expect(
      proxyVariables({
        HTTPS_PROXY: 'http://u:pw@proxy:3128',
        NO_PROXY: 'localhost',
        PATH: '/bin',
      }),
    ).toEqual([
      { name: 'HTTPS_PROXY', value: 'http://***@proxy:3128' },
      { name: 'NO_PROXY', value: 'localhost' },
    ]);
    expect(hideCredentials('u:pw@proxy:3128')).toBe('***@proxy:3128');
    expect(hideCredentials('http://proxy:3128')).toBe('http://proxy:3128');
  });
});

describe("Chromium's proxy answer (session.resolveProxy)", () => {
  const direct = { kind: 'direct' };
  const http = (host: string, port: number) => ({ kind: 'http', host, port });
  const socks = (version: 4 | 5, host: string, port: number) => ({
    kind: 'socks',
    version,
    host,
    port,
  });
  it.each([
    ['DIRECT', [direct]],
    ['', [direct]],
    ['PROXY proxy.corp:3128', [http('proxy.corp', 3128)]],
    ['PROXY proxy.corp:3128; DIRECT', [http('proxy.corp', 3128), direct]],
    ['proxy proxy.corp', [http('proxy.corp', 80)]],
    ['PROXY [fd00::1]:8080', [http('fd00::1', 8080)]],
    ['SOCKS5 s:1080; PROXY p:8080', [socks(5, 's', 1080), http('p', 8080)]],
    ['SOCKS s; SOCKS4 t:9', [socks(4, 's', 1080), socks(4, 't', 9)]],
    ['HTTPS secure:8443; DIRECT', [{ ...http('secure', 8443), secure: true }, direct]],
    ['HTTPS secure', [{ ...http('secure', 443), secure: true }]],
    ['QUIC q:443; DIRECT', [direct]],
    ['  DIRECT ;', [direct]],
  ])('%j', (answer, routes) => {
    expect(parsePacAnswer(answer)).toEqual(routes);
  });

  it.each([
    ['QUIC q:443', 'names only proxies this app cannot use'],
    ['QUIC q:443; BOGUS b:1', 'names only proxies this app cannot use'],
    ['PROXY :99', 'cannot be read'],
    ['PROXY p:99999', 'cannot be read'],
    ['SOCKS5 s:0', 'cannot be read'],
  ])('refuses %j in words', (answer, words) => {
    expect(() => parsePacAnswer(answer)).toThrow(words);
  });
});

describe('who decides: the system setting or the variables', () => {
  const system: ProxyResolver = async () => [{ kind: 'http', host: 'pac.corp', port: 8080 }];
  const decide = (env: Record<string, string>) =>
    networkSettings({ systemProxy: system, env }).resolveProxy(url('https://a.example/'));

  it('the system setting (Chromium) when no variable names a proxy', async () => {
    expect(networkSettings({ systemProxy: system, env: {} }).proxySource).toBe('system');
    expect(await decide({})).toEqual([{ kind: 'http', host: 'pac.corp', port: 8080 }]);
    expect(await decide({ NO_PROXY: 'intranet.corp' })).toEqual([
      { kind: 'http', host: 'pac.corp', port: 8080 },
    ]);
  });

  it('the variables when they name one: an installer hands over its proxy, credentials and all', async () => {
    const env = { HTTPS_PROXY: 'http://installer:s3cret@proxy.corp:3128' };
    expect(networkSettings({ systemProxy: system, env }).proxySource).toBe('environment');
    expect(await decide(env)).toEqual([
      { kind: 'http', host: 'proxy.corp', port: 3128, auth: 'installer:s3cret' },
    ]);
    expect(await decide({ http_proxy: 'http://proxy.corp:3128' })).toEqual([{ kind: 'direct' }]);
  });

  it('the variables where there is no system setting (the Node CLI, the browser host)', () => {
    expect(networkSettings({ env: {} }).proxySource).toBe('environment');
  });
});
