import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../../src/main/core';
import { startBrowserHost } from '../../src/main/host/browser-host';
import type { BabelSandbox } from '../../src/sandbox';
import { openInstallation, startClockedSandbox } from './core-harness';
import { createMemoryRefusalLog } from './memory-refusal-log';
import { useTempDir } from './temp-dir';

type BrowserHost = Awaited<ReturnType<typeof startBrowserHost>>;

/**
 * A real core (on the seats sandbox) behind the real loopback browser host, opened before each
 * test of the calling `describe` and closed after it: the page's own doors (`/ipc`, `/link`) with
 * the session cookie a page would hold.
 */
export function useCoreBehindHost() {
  const tempDir = useTempDir();
  const rig = {} as { sandbox: BabelSandbox; core: Core; host: BrowserHost; cookie: string };

  /** (Re)starts the host; `linkDoor: false` leaves out the OS's link door. */
  const openHost = async (linkDoor = true): Promise<void> => {
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    rig.host = await startBrowserHost({
      rendererDir,
      dispatch: rig.core.dispatch,
      subscribe: rig.core.onEvent,
      log: createMemoryRefusalLog(),
      ...(linkDoor ? { openLink: rig.core.links.receive } : {}),
    });
    const opened = await fetch(rig.host.url, { redirect: 'manual' });
    rig.cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  beforeEach(async () => {
    const started = await startClockedSandbox();
    rig.sandbox = started.sandbox;
    ({ core: rig.core } = await openInstallation({
      sandbox: started.sandbox,
      clock: started.clock,
      dataDir: tempDir(),
      keepAlive: false,
    }));
    await openHost();
  });
  afterEach(async () => {
    await rig.host.close();
    await rig.core.close(500);
    await rig.sandbox.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${rig.host.origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: rig.host.origin,
        cookie: rig.cookie,
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const invoke = async (channel: string, body: unknown = {}) =>
    (await post(`/ipc/${channel}`, body)).json() as Promise<unknown>;

  return { rig, post, invoke, openHost };
}
