import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { createIpcGate } from '../../src/main/ipc/ipc-gate';
import { createFileRefusalLog } from '../../src/main/ipc/refusal-log';
import { APP_ORIGIN } from '../../src/main/security/trusted-origin';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { supportBundleSchema } from '../../src/shared/diagnostics-model';
import { NO_PROFILES } from '../support/core-harness';
import { useTempDir } from '../support/temp-dir';

// No profile: the bundle has no connection test to run, so it reads the logs at once.
const config = NO_PROFILES;

describe('the support bundle and the IPC refusal log', () => {
  const tempDir = useTempDir();

  it('holds a refusal made just before it was asked for, though its line was still queued', async () => {
    const dataDir = tempDir();
    // Wired as the app wires it: the gate writes the refusal log the core's bundle reads.
    const refusals = createFileRefusalLog({ file: join(dataDir, 'logs', 'ipc-refusals.log') });
    const core = await createCore({
      config,
      version: '0.0.0-test',
      secrets: createMemorySecretStore(),
      state: createFileStateStore(join(dataDir, 'state.json')),
      hubInventoryFile: join(dataDir, 'hubs.json'),
      keepAlive: false,
      allowInProcessDemo: false,
      logFiles: [refusals],
    });
    try {
      const gate = createIpcGate({
        dispatch: core.dispatch,
        trustedOrigins: [APP_ORIGIN],
        log: refusals,
      });
      const refused = await gate(
        { url: 'https://evil.example/', isMainFrame: true },
        'diagnostics:bundle',
        {},
      );
      expect(refused.ok).toBe(false);
      // The line is only queued: the bundle below is asked for before it is written.
      expect(existsSync(refusals.file)).toBe(false);

      const ownPage = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };
      const answer = await gate(ownPage, 'diagnostics:bundle', {});
      if (!answer.ok) throw new Error(answer.error.message);
      const { base64 } = supportBundleSchema.parse(answer.value);
      const zip = unzipSync(Buffer.from(base64, 'base64'));
      const log = Object.entries(zip).find(([name]) => name.endsWith('/recent-log.txt'))?.[1];
      const text = strFromU8(log ?? new Uint8Array());
      expect(text).toContain('== ipc-refusals.log (last lines) ==');
      expect(text).toContain('"sender":"https://evil.example","reason":"untrusted origin"');
    } finally {
      await core.close();
    }
  });
});
