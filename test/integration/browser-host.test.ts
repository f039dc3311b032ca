import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { startBrowserHost } from '../../src/main/host/browser-host';
import type { BabelSandbox } from '../../src/sandbox';
import type { ManualClock } from '../support/manual-clock';
import { DEMO, openInstallation, startClockedSandbox } from '../support/core-harness';
import { useTempDir } from '../support/temp-dir';

describe('browser host', () => {
  const tempDir = useTempDir();
  let sandbox: BabelSandbox;
  let clock: ManualClock;
  let core: Core;
  let host: Awaited<ReturnType<typeof startBrowserHost>>;
  let cookie: string;

  const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.origin, cookie, ...headers },
      body: JSON.stringify(body),
    });

  /** fetch drops a forged Host header, so this one goes through node:http. */
  const statusWithHost = (hostHeader: string) =>
    new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(
        `${host.origin}/ipc/profiles:list`,
        {
          method: 'POST',
          headers: { host: hostHeader, cookie, 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });

  beforeEach(async () => {
    ({ sandbox, clock } = await startClockedSandbox());
    ({ core } = await openInstallation({ sandbox, clock, dataDir: tempDir() }));
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    host = await startBrowserHost({
      rendererDir,
      dispatch: core.dispatch,
      subscribe: core.onEvent,
    });
    const opened = await fetch(host.url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    // Named after the port: cookies are shared between ports of one host.
    expect(cookie).toMatch(new RegExp(`^lm_session_${new URL(host.origin).port}=`));
  });
  afterEach(async () => {
    await host.close();
    await core.close(500);
    await sandbox.close();
  });

  it('trades the one-time token for a session once only', async () => {
    const again = await fetch(host.url, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('serves the bundle with the CSP header, only to the session', async () => {
    const page = await fetch(`${host.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect(
      (await fetch(`${host.origin}/%2e%2e/%2e%2e/etc/passwd`, { headers: { cookie } })).status,
    ).toBe(404);
  });

  it('bridges the IPC contract to the core', async () => {
    const response = await call('licence:activate', { profileId: 'seats', key: DEMO.floatingKey });
    const result = await response.json();
    expect(result).toMatchObject({ ok: true, value: { status: 'active', mode: 'floating' } });
    expect(JSON.stringify(result)).not.toContain(DEMO.floatingKey);
    expect(await (await call('nope:nope', {})).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses calls without the session, from another origin, or with a non-JSON content type', async () => {
    expect(
      (
        await call(
          'profiles:list',
          {},
          { cookie: `lm_session_${new URL(host.origin).port}=forged` },
        )
      ).status,
    ).toBe(401);
    expect((await call('profiles:list', {}, { origin: 'https://evil.example' })).status).toBe(401);
    expect(await statusWithHost('evil.example:80')).toBe(401); // DNS rebinding: our port, someone else's name
    const form = await fetch(`${host.origin}/ipc/profiles:list`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: host.origin, cookie },
      body: '{}',
    });
    expect(form.status).toBe(403);
  });

  it('pushes licence changes as server-sent events', async () => {
    const controller = new AbortController();
    const events = await fetch(`${host.origin}/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    await reader.read(); // the ": connected" comment
    await call('licence:activate', { profileId: 'seats', key: DEMO.floatingKey });
    const { value } = await reader.read();
    const frame = new TextDecoder().decode(value);
    expect(JSON.parse(frame.replace(/^data: /, ''))).toMatchObject({
      channel: 'licence:changed',
      payload: { profileId: 'seats', status: 'active' },
    });
    controller.abort();
  });
});
