import { describe, expect, it } from 'vitest';
import { createDispatcher, type IpcHandlers } from '../../src/main/ipc/dispatch';
import { createIpcGate } from '../../src/main/ipc/ipc-gate';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { APP_ORIGIN } from '../../src/main/security/trusted-origin';
import { IPC_CHANNELS } from '../../src/shared/ipc';
import { createMemoryRefusalLog } from '../support/memory-refusal-log';

const APP = { url: `${APP_ORIGIN}/index.html#/hubs`, isMainFrame: true };
const PASSWORD = 'password-5f1c';

/** Every handler answers the way handlers refuse a person's mistake: invalid_input, in words. */
const userMistakes = Object.fromEntries(
  IPC_CHANNELS.map((channel) => [
    channel,
    async () => {
      throw new LicensingError(
        'invalid_input',
        'Hub Plant at plant-7.factory.lan is already in the list (node N-4711).',
      );
    },
  ]),
) as unknown as IpcHandlers;

const setup = () => {
  const log = createMemoryRefusalLog();
  const gate = createIpcGate({
    dispatch: createDispatcher(userMistakes),
    trustedOrigins: [APP_ORIGIN],
    log,
  });
  return { log, gate };
};

describe('the IPC gate writes down refusals of its own checks only', () => {
  it("logs nothing for a handler's invalid_input: a typo or a server's answer is not an attack", async () => {
    const { log, gate } = setup();
    const result = await gate(APP, 'licence:activate', { profileId: 'seats', key: 'ABC' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(log.refusals).toEqual([]);
  });

  it('logs a contract refusal by channel, origin and category, never the value or the rule', async () => {
    const { log, gate } = setup();
    const refused = await gate(APP, 'licence:activate-account', {
      profileId: 'flecs',
      username: 'ada',
      password: PASSWORD,
      remember: 'yes please',
    });
    // The page is told which field and rule; the log only that the contract was broken.
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await gate(APP, 'x'.repeat(100_000), {});
    expect(log.refusals).toEqual([
      {
        code: 'invalid_input',
        channel: 'licence:activate-account',
        sender: APP_ORIGIN,
        reason: 'payload breaks the contract',
      },
      { code: 'invalid_input', channel: 'unknown', sender: APP_ORIGIN, reason: 'unknown channel' },
    ]);
  });

  it('logs a foreign sender before anything is dispatched', async () => {
    const { log, gate } = setup();
    await gate({ url: 'https://evil.example/x?session=1', isMainFrame: true }, 'app:info', {});
    await gate({ url: `${APP_ORIGIN}/frame.html`, isMainFrame: false }, 'nope', {});
    expect(log.refusals).toEqual([
      {
        code: 'unauthorized',
        channel: 'app:info',
        sender: 'https://evil.example',
        reason: 'untrusted origin',
      },
      {
        code: 'unauthorized',
        channel: 'unknown',
        sender: APP_ORIGIN,
        reason: 'not the main frame',
      },
    ]);
  });
});
