import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type IpcHandlers } from '../../src/main/ipc/dispatch';
import { createFileRefusalLog, senderLabel } from '../../src/main/ipc/refusal-log';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { IPC_CHANNELS } from '../../src/shared/ipc';
import type { LicenceView } from '../../src/shared/model';
import { useTempDir } from '../support/temp-dir';

const view: LicenceView = {
  profileId: 'seats',
  status: 'inactive',
  mode: 'unknown',
  seat: { state: 'none' },
};

const notUsed = async (): Promise<never> => {
  throw new Error('not used');
};

/** Every channel refuses to be called, except the few these tests answer. */
const handlers = (overrides: Partial<IpcHandlers> = {}): IpcHandlers =>
  ({
    ...Object.fromEntries(IPC_CHANNELS.map((channel) => [channel, notUsed])),
    'licence:status': async () => view,
    'licence:activate': async () => view,
    'eniris:licences': async () => ({ licences: [], checkedAt: 0 }),
    ...overrides,
  }) as IpcHandlers;

describe('IPC dispatcher', () => {
  it('answers a valid call with an ok Result', async () => {
    const dispatch = createDispatcher(handlers());
    expect(await dispatch('licence:status', { profileId: 'seats' })).toEqual({
      ok: true,
      value: view,
    });
  });

  it('refuses unknown channels and prototype names', async () => {
    const dispatch = createDispatcher(handlers());
    for (const channel of ['nope', '__proto__', 'constructor', 42, null]) {
      expect(await dispatch(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it.each([
    [{ profileId: 'seats' }, 'key'],
    [{ profileId: 'seats', key: '' }, 'key'],
    [{ profileId: 'seats', key: 'x'.repeat(257) }, 'key'],
    [{ profileId: 'seats', key: 'AB\nCD' }, 'key'],
    [{ profileId: '../etc', key: 'ABC' }, 'profileId'],
    [{ profileId: 'seats', key: 'ABC', extra: true }, 'request'],
  ])('refuses the malformed payload %j before any handler runs', async (payload, field) => {
    let called = false;
    const dispatch = createDispatcher(
      handlers({ 'licence:activate': async () => ((called = true), view) }),
    );
    const result = await dispatch('licence:activate', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain(field);
    expect(called).toBe(false);
  });

  it('turns a LicensingError into its coded error, and anything else into internal without details', async () => {
    const refused = createDispatcher(
      handlers({
        'seat:request': async () =>
          Promise.reject(new LicensingError('seat_unavailable', 'All 5 seats are in use.')),
      }),
    );
    expect(await refused('seat:request', { profileId: 'seats' })).toEqual({
      ok: false,
      error: { code: 'seat_unavailable', message: 'All 5 seats are in use.', retryable: false },
    });
    const crashed = createDispatcher(
      handlers({
        'seat:request': async () => Promise.reject(new TypeError('token fltk_secret is undefined')),
      }),
    );
    const result = await crashed('seat:request', { profileId: 'seats' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('fltk_secret');
  });

  it('strips fields the contract does not name, so a secret added by mistake never leaves main', async () => {
    const leaky = {
      ...view,
      token: 'fltk_secret',
      seat: { state: 'none', token: 'fltk_secret' },
    } as unknown as LicenceView;
    const dispatch = createDispatcher(handlers({ 'licence:status': async () => leaky }));
    const result = await dispatch('licence:status', { profileId: 'seats' });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('fltk_secret');
  });

  it('asks for exactly one of a controller and a customer when listing Eniris licences', async () => {
    const dispatch = createDispatcher(handlers());
    for (const payload of [
      { profileId: 'eniris' },
      { profileId: 'eniris', nodeId: 'N1', customerId: '3f9c2b1e-8a4d-4c1b-9e2f-7d6a5b4c8f14' },
      { profileId: 'eniris', customerId: 'not-a-uuid' },
    ]) {
      expect(await dispatch('eniris:licences', payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await dispatch('eniris:licences', { profileId: 'eniris', nodeId: 'N1' })).toMatchObject({
      ok: true,
    });
  });
});

describe('IPC refusal log', () => {
  const tempDir = useTempDir();
  const refusal = {
    code: 'invalid_input' as const,
    channel: 'licence:activate',
    sender: 'app://bundle',
    reason: 'key: a licence key has only printable ASCII characters',
  };
  const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

  it('appends one JSON line per refusal, readable by the user only', () => {
    const file = join(tempDir(), 'logs', 'ipc-refusals.log');
    const log = createFileRefusalLog({ file, now: () => Date.UTC(2026, 0, 2) });
    log.refused(refusal);
    log.refused({ ...refusal, code: 'unauthorized', sender: 'https://evil.example' });
    expect(lines(file).map((line) => JSON.parse(line))).toEqual([
      { at: '2026-01-02T00:00:00.000Z', event: 'ipc_refused', ...refusal },
      {
        at: '2026-01-02T00:00:00.000Z',
        event: 'ipc_refused',
        ...refusal,
        code: 'unauthorized',
        sender: 'https://evil.example',
      },
    ]);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps each line short and on one line, whatever the reason says', () => {
    const file = join(tempDir(), 'ipc-refusals.log');
    createFileRefusalLog({ file }).refused({
      ...refusal,
      reason: `request: Unrecognized key: "${'k'.repeat(100_000)}"\n{"event":"forged"}`,
    });
    const [line, ...rest] = lines(file);
    expect(rest).toEqual([]);
    expect(line?.length).toBeLessThan(600);
    expect(JSON.parse(line ?? '{}').reason).toMatch(/… \(\d+ chars\)$/);
  });

  it('never takes more than twice its limit: the full file is moved to .1', () => {
    const file = join(tempDir(), 'ipc-refusals.log');
    const log = createFileRefusalLog({ file, maxBytes: 1_000 });
    for (let i = 0; i < 100; i++) log.refused(refusal);
    expect(statSync(file).size).toBeLessThan(1_300);
    expect(statSync(`${file}.1`).size).toBeLessThan(1_300);
  });

  it('never throws, even where it cannot write', () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const log = createFileRefusalLog({ file: join(blocker, 'ipc-refusals.log') });
    expect(() => log.refused(refusal)).not.toThrow();
    expect(existsSync(join(blocker, 'ipc-refusals.log'))).toBe(false);
  });

  it.each([
    ['app://bundle/index.html#/seats', 'app://bundle'],
    ['https://evil.example/steal?session=abc', 'https://evil.example'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    [undefined, 'none'],
    ['not a url', 'unparsable'],
  ])('names the sender %s by its origin only: %s', (url, label) => {
    expect(senderLabel(url)).toBe(label);
  });
});
