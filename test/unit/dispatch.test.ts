import { describe, expect, it } from 'vitest';
import { createDispatcher, type IpcHandlers } from '../../src/main/ipc/dispatch';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { IPC_CHANNELS } from '../../src/shared/ipc';
import type { LicenceView } from '../../src/shared/model';
import { inGerman } from '../support/in-german';

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

  it("says a contract refusal's field and zod's words in German too", async () => {
    const result = await createDispatcher(handlers())('licence:activate', { profileId: 'seats' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(
      'key: Invalid input: expected string, received undefined',
    );
    expect(inGerman(result.error)).toContain('Feld key: fehlt (Text erwartet)');
  });

  it("says the contract's own words for a field in German too", async () => {
    const dispatch = createDispatcher(handlers());
    const result = await dispatch('licence:activate', { profileId: 'seats', key: 'k'.repeat(257) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('key: a licence key is at most 256 characters');
    expect(inGerman(result.error)).toBe('Feld key: ein Lizenzschlüssel hat höchstens 256 Zeichen');
  });

  it('tells onRefused about contract refusals only, never about what a handler refused', async () => {
    const told: unknown[][] = [];
    const onRefused = (...args: unknown[]) => void told.push(args);
    const dispatch = createDispatcher(
      handlers({
        'licence:activate': async () =>
          Promise.reject(new LicensingError('invalid_input', 'ABC is not a key of this server.')),
      }),
    );
    expect(await dispatch('licence:status', { profileId: 'seats' }, { onRefused })).toMatchObject({
      ok: true,
    });
    // A handler's invalid_input: the same code as a contract refusal, but a person's mistake.
    expect(
      await dispatch('licence:activate', { profileId: 'seats', key: 'ABC' }, { onRefused }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(told).toEqual([]);

    await dispatch('no:such', {}, { onRefused });
    await dispatch('licence:activate', { profileId: 'seats', key: 'AB\nCD' }, { onRefused });
    await dispatch('licence:activate', 'not an object', { onRefused });
    expect(told).toEqual([
      ['unknown', 'unknown channel'],
      ['licence:activate', 'payload breaks the contract'],
      ['licence:activate', 'payload breaks the contract'],
    ]);
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
