import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveBundlePath } from '../../src/main/security/bundle-path';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/main/security/csp';
import { EVENT_CHANNELS, INVOKE_CHANNELS, INVOKE_IPC } from '../../src/shared/channels';
import {
  APP_ORIGIN,
  isPermissionAllowed,
  isTrustedUrl,
} from '../../src/main/security/trusted-origin';

/**
 * The Electron pieces these tests reach (the app:// protocol, the preload's bridge) run against a
 * stand-in `electron` module: the real binary cannot load under Node.
 */
const electron = vi.hoisted(() => {
  type Handler = (request: Request) => Promise<Response>;
  const state = {
    protocolHandler: undefined as Handler | undefined,
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
  };
  return {
    state,
    module: {
      protocol: {
        handle: (_scheme: string, handler: Handler) => (state.protocolHandler = handler),
        registerSchemesAsPrivileged: () => undefined,
      },
      contextBridge: {
        exposeInMainWorld: (name: string, api: unknown) => state.exposed.set(name, api),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => (state.invoked.push(args), { ok: true }),
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
          state.listeners.set(channel, listener),
        removeListener: (channel: string) => state.listeners.delete(channel),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const root = resolve('/srv/bundle');

describe('resolveBundlePath', () => {
  it('maps the root and plain files inside the bundle', () => {
    expect(resolveBundlePath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveBundlePath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cwindows',
    '/assets/%00.js',
    '/%E0%A4%A',
    '/a/%2e%2e/%2e%2e/x',
  ])('refuses %s', (path) => {
    expect(resolveBundlePath(root, path)).toBeUndefined();
  });

  it('keeps absolute-looking paths inside the bundle', () => {
    expect(resolveBundlePath(root, '//etc/passwd')).toBe(join(root, 'etc/passwd'));
  });
});

describe('isTrustedUrl', () => {
  const allowed = [APP_ORIGIN];
  it('accepts pages of the app bundle', () => {
    expect(isTrustedUrl('app://bundle/index.html', allowed)).toBe(true);
    expect(isTrustedUrl('app://bundle/#/seats', allowed)).toBe(true);
  });

  it.each([
    'app://bundle.evil/index.html',
    'app://evil/index.html',
    'app://user@bundle/index.html',
    'https://evil.example/app://bundle/',
    'https://bundle/',
    'file:///index.html',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url, allowed)).toBe(false);
  });

  it('refuses missing frames (sender gone)', () => {
    expect(isTrustedUrl(null, allowed)).toBe(false);
    expect(isTrustedUrl(undefined, allowed)).toBe(false);
  });

  it('accepts the dev server only when it is listed', () => {
    expect(isTrustedUrl('http://localhost:5173/', allowed)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', [...allowed, 'http://localhost:5173'])).toBe(
      true,
    );
  });
});

describe('policy', () => {
  it('denies every permission a page could ask for', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });

  it('keeps the CSP strict: no inline or eval script, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
  });
});

/** The directives of a policy, by name. */
const directives = (policy: string): Map<string, string> =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.split(/\s+/)[0] ?? '', part] as const),
  );

describe('the CSP is present wherever the renderer is served', () => {
  it('is one of the headers both hosts send', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('is in index.html too, with the same effect but for frame-ancestors (ignored in a meta tag)', () => {
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    const copy = directives(meta ?? '');
    // Fetch directives left out fall back to default-src (CSP3 §6.8.3), so compare what applies.
    const FALLS_BACK = /-src$/;
    const effective = (policy: Map<string, string>, name: string) =>
      policy.get(name)?.replace(name, '').trim() ??
      (FALLS_BACK.test(name)
        ? policy.get('default-src')?.replace('default-src', '').trim()
        : undefined);
    for (const name of header.keys())
      if (name !== 'frame-ancestors')
        expect(effective(copy, name), name).toBe(effective(header, name));
    expect([...copy.keys()].every((name) => header.has(name))).toBe(true);
  });

  it('is sent by the app:// protocol with every file of the bundle, which serves nothing else', async () => {
    const { serveRendererBundle } = await import('../../src/main/shell/app-protocol');
    const dir = mkdtempSync(join(tmpdir(), 'lm-bundle-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html>');
      writeFileSync(join(dir, 'assets', 'app.js'), 'void 0;');
      writeFileSync(join(tmpdir(), 'lm-outside.txt'), 'outside');
      serveRendererBundle(dir);
      const handle = electron.state.protocolHandler;
      if (!handle) throw new Error('no app:// handler registered');
      for (const url of [
        'app://bundle/',
        'app://bundle/index.html',
        'app://bundle/assets/app.js',
      ]) {
        const response = await handle(new Request(url));
        expect(response.status, url).toBe(200);
        expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      }
      for (const url of [
        'app://bundle/../lm-outside.txt',
        'app://bundle/%2e%2e/lm-outside.txt',
        'app://other/index.html',
        'app://bundle/missing.js',
      ])
        expect((await handle(new Request(url))).status, url).toBe(404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(tmpdir(), 'lm-outside.txt'), { force: true });
    }
  });
});

describe('the preload bridge', () => {
  interface Bridge {
    invoke(channel: string, input: unknown): Promise<unknown>;
    on(channel: string, listener: (payload: unknown) => void): () => void;
  }
  const bridge = async (): Promise<Bridge> => {
    await import('../../src/preload/index');
    return electron.state.exposed.get('licenseManager') as Bridge;
  };

  it('exposes one object with two functions, and no Electron or Node API', async () => {
    const api = await bridge();
    expect([...electron.state.exposed.keys()]).toEqual(['licenseManager']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('forwards only contract channels, all over the one IPC channel', async () => {
    const api = await bridge();
    electron.state.invoked.length = 0;
    for (const channel of INVOKE_CHANNELS) await api.invoke(channel, { probe: channel });
    expect(electron.state.invoked).toEqual(
      INVOKE_CHANNELS.map((channel) => [INVOKE_IPC, channel, { probe: channel }]),
    );
    electron.state.invoked.length = 0;
    for (const channel of ['shell:open', INVOKE_IPC, 'licence:changed', '__proto__'])
      expect(await api.invoke(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    expect(electron.state.invoked).toEqual([]);
  });

  it('subscribes only to event channels, and hands the page the payload without the IPC event', async () => {
    const api = await bridge();
    expect(api.on('licence:activate', () => undefined)()).toBeUndefined();
    expect(electron.state.listeners.has('licence:activate')).toBe(false);
    for (const channel of EVENT_CHANNELS) {
      const heard: unknown[][] = [];
      const stop = api.on(channel, (...args) => heard.push(args));
      electron.state.listeners.get(channel)?.({ sender: 'the IPC event' }, { channel });
      expect(heard).toEqual([[{ channel }]]);
      stop();
      expect(electron.state.listeners.has(channel)).toBe(false);
    }
  });
});
