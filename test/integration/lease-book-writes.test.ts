import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { secretName } from '../../src/main/store/persisted-state';
import { createMemorySecretStore, type SecretStore } from '../../src/main/store/secret-store';
import type { BabelSandbox } from '../../src/sandbox';
import { DEMO, openInstallation, startClockedSandbox } from '../support/core-harness';
import type { ManualClock } from '../support/manual-clock';
import { useTempDir } from '../support/temp-dir';

/** A memory secret store that counts writes per secret name. */
function countingSecrets(): SecretStore & {
  writes: Map<string, number>;
  inner: Map<string, string>;
} {
  const inner = createMemorySecretStore();
  const writes = new Map<string, number>();
  return {
    ...inner,
    writes,
    inner: inner.entries as Map<string, string>,
    set: async (name, value) => {
      writes.set(name, (writes.get(name) ?? 0) + 1);
      await inner.set(name, value);
    },
  };
}

const tokenName = secretName.seatToken('seats');

describe('heartbeats and the secret store (Babel sandbox, real HTTP)', () => {
  const tempDir = useTempDir();
  let sandbox: BabelSandbox;
  let clock: ManualClock;
  let core: Core | undefined;

  beforeEach(async () => {
    ({ sandbox, clock } = await startClockedSandbox());
  });
  afterEach(async () => {
    await core?.close(500);
    await sandbox.close();
  });

  it('writes the seat token once, not on every heartbeat that keeps it', async () => {
    const secrets = countingSecrets();
    ({ core } = await openInstallation({ sandbox, clock, dataDir: tempDir(), secrets }));
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    const token = secrets.inner.get(tokenName);
    expect(token).toBeDefined();
    for (let beat = 0; beat < 5; beat += 1) await core.service.renewSeat('seats');

    expect((await core.service.status('seats')).seat.state).toBe('held');
    expect(secrets.inner.get(tokenName)).toBe(token);
    expect(secrets.writes.get(tokenName)).toBe(1);
  });

  it('writes the token again once the seat was given back and taken anew', async () => {
    const secrets = countingSecrets();
    ({ core } = await openInstallation({ sandbox, clock, dataDir: tempDir(), secrets }));
    await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
    await core.service.requestSeat('seats');
    await core.service.releaseSeat('seats');
    expect(secrets.inner.has(tokenName)).toBe(false);

    await core.service.requestSeat('seats');
    await core.service.renewSeat('seats');
    expect(secrets.inner.get(tokenName)).toBeDefined();
    expect(secrets.writes.get(tokenName)).toBe(2);
  });

  it('leaves no seat without its token when the CLI gives it back during a heartbeat', async () => {
    const dataDir = tempDir();
    const inner = createMemorySecretStore();
    /** Runs once, right after the app has written a new seat token: mid-heartbeat. */
    let afterTokenWrite: (() => Promise<unknown>) | undefined;
    const keychain: SecretStore = {
      ...inner,
      set: async (name, value) => {
        await inner.set(name, value);
        const during = name === tokenName ? afterTokenWrite : undefined;
        afterTokenWrite = undefined;
        await during?.();
      },
    };
    // The app and the CLI: one data folder and one keychain, each its own process's books.
    const opened = (keepAlive: boolean) =>
      openInstallation({ sandbox, clock, dataDir, secrets: keychain, keepAlive });
    ({ core } = await opened(false));
    const { core: cli } = await opened(false);
    try {
      await core.service.activate('seats', { method: 'key', key: DEMO.floatingKey });
      await core.service.requestSeat('seats');
      // The server lets the seat lapse, so the app's next heartbeat takes a new one, and while
      // it writes that seat down the CLI gives the seat back.
      clock.advance(200_000);
      afterTokenWrite = () => cli.service.releaseSeat('seats');
      await expect(core.service.renewSeat('seats')).rejects.toMatchObject({
        code: 'seat_lost',
        message: expect.stringMatching(/given back from another window or from the command line/),
      });

      expect(afterTokenWrite).toBeUndefined(); // the CLI did give it back mid-heartbeat
      expect(createFileStateStore(join(dataDir, 'state.json')).load().leases).toEqual({});
      expect(inner.entries.has(tokenName)).toBe(false);
      expect((await core.service.status('seats')).seat.state).not.toBe('held');
      expect((await cli.service.status('seats')).seat.state).not.toBe('held');
    } finally {
      await cli.close(500);
    }
  });
});
