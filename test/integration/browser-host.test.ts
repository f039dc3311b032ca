import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { startBrowserHost } from '../../src/main/host/browser-host';
import type { BabelSandbox } from '../../src/sandbox';
import type { ManualClock } from '../support/manual-clock';
import { DEMO, openInstallation, startClockedSandbox } from '../support/core-harness';
import { createMemoryRefusalLog } from '../support/memory-refusal-log';
import { useTempDir } from '../support/temp-dir';

describe('browser host', () => {
  const tempDir = useTempDir();
  let sandbox: BabelSandbox;
  let clock: ManualClock;
  let core: Core;
  let host: Awaited<ReturnType<typeof startBrowserHost>>;
  let cookie: string;
  let log: ReturnType<typeof createMemoryRefusalLog>;

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
    log = createMemoryRefusalLog();
    host = await startBrowserHost({
      rendererDir,
      dispatch: core.dispatch,
      subscribe: core.onEvent,
      log,
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

  it('writes each refusal down by check, channel and origin, never what the request carried', async () => {
    const secret = 'SECRET-KEY-0042';
    const refusals: {
      status: number;
      code: string;
      channel: string;
      sender: string;
      reason: string;
    }[] = [];
    const expectRefusal = async (
      response: Response | number | undefined,
      status: number,
      logged: Omit<(typeof refusals)[number], 'status'>,
    ) => {
      expect(typeof response === 'object' ? response.status : response).toBe(status);
      refusals.push({ status, ...logged });
    };
    const port = new URL(host.origin).port;

    await expectRefusal(await fetch(`${host.url}&key=${secret}`, { redirect: 'manual' }), 403, {
      code: 'unauthorized',
      channel: 'none',
      sender: 'none',
      reason: 'wrong or used link token',
    });
    await expectRefusal(
      await call('profiles:list', {}, { cookie: `lm_session_${port}=forged` }),
      401,
      { code: 'unauthorized', channel: 'profiles:list', sender: host.origin, reason: 'no session' },
    );
    await expectRefusal(
      await call('licence:activate', { key: secret }, { origin: 'https://evil.example' }),
      401,
      {
        code: 'unauthorized',
        channel: 'licence:activate',
        sender: 'https://evil.example',
        reason: 'foreign host or origin',
      },
    );
    await expectRefusal(await statusWithHost('evil.example:80'), 401, {
      code: 'unauthorized',
      channel: 'profiles:list',
      sender: 'none',
      reason: 'foreign host or origin',
    });
    await expectRefusal(await call('nope:nope', {}, { 'content-type': 'text/plain' }), 403, {
      code: 'unauthorized',
      channel: 'unknown',
      sender: host.origin,
      reason: 'wrong origin or content type',
    });
    const truncated = await fetch(`${host.origin}/ipc/licence:activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.origin, cookie },
      body: `{"profileId": "seats", "key": "${secret}`,
    });
    await expectRefusal(truncated, 400, {
      code: 'invalid_input',
      channel: 'licence:activate',
      sender: host.origin,
      reason: 'unreadable or oversized body',
    });
    // Refused by the contract, behind the host's checks: the dispatcher says so, the host logs it.
    await expectRefusal(
      await call('licence:activate', { profileId: 'seats', key: `${secret}\n` }),
      200,
      {
        code: 'invalid_input',
        channel: 'licence:activate',
        sender: host.origin,
        reason: 'payload breaks the contract',
      },
    );
    await expectRefusal(await call('%E0%A4%A', {}), 200, {
      code: 'invalid_input',
      channel: 'unknown',
      sender: host.origin,
      reason: 'unknown channel',
    });
    // A handler's own invalid_input names what the person typed: not a refusal, not logged.
    const typo = await call('licence:status', { profileId: 'seets' });
    expect(await typo.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(log.refusals).toEqual(refusals.map(({ status: _status, ...logged }) => logged));
    expect(JSON.stringify(log.refusals)).not.toMatch(/SECRET|seets/);
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
