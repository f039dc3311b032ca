import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSecretBundle } from '../../src/main/store/secret-bundle';
import { createMemorySecretStore, type SecretStore } from '../../src/main/store/secret-store';

/** A memory store that counts writes, can be told to fail the next one or to hold writes. */
function countingStore() {
  const inner = createMemorySecretStore();
  const counts = { set: 0 };
  let failNext = false;
  let held: Promise<void> | undefined;
  let release = (): void => undefined;
  const store: SecretStore = {
    ...inner,
    set: async (name, value) => {
      counts.set += 1;
      await held;
      if (failNext) {
        failNext = false;
        throw new Error('keyring locked');
      }
      await inner.set(name, value);
    },
  };
  const holdWrites = () => {
    held = new Promise((resolve) => (release = resolve));
    return () => release();
  };
  return { store, inner, counts, failNextWrite: () => void (failNext = true), holdWrites };
}

describe('secret bundle: many secrets as one secret-store entry', () => {
  afterEach(() => void vi.useRealTimers());

  it('writes a lone change at once, without waiting for a burst to gather', async () => {
    // With timers frozen, a write that waited on a timer would never finish.
    vi.useFakeTimers();
    const { store, inner, counts } = countingStore();
    const bundle = createSecretBundle(store, 'hub-secrets');
    await bundle.set('hub-licence-code:1', 'CODE-1');
    expect(counts.set).toBe(1);
    expect(await inner.get('hub-secrets')).toContain('CODE-1');
  });

  it('gathers the changes made while a write runs into the next write', async () => {
    const { store, counts, holdWrites } = countingStore();
    const bundle = createSecretBundle(store, 'hub-secrets');
    const release = holdWrites();
    const first = bundle.set('a', '1');
    await vi.waitFor(() => expect(counts.set).toBe(1));
    // The first write has started; these three arrive while it runs.
    const rest = ['b', 'c', 'd'].map((key) => bundle.set(key, key));
    release();
    await Promise.all([first, ...rest]);
    expect(counts.set).toBe(2);
    expect(await createSecretBundle(store, 'hub-secrets').get('d')).toBe('d');
  });

  it('writes a burst of a thousand changes in a handful of writes, and keeps every one', async () => {
    const { store, counts } = countingStore();
    const bundle = createSecretBundle(store, 'hub-secrets');
    await Promise.all(
      Array.from({ length: 1_000 }, (_, index) =>
        bundle.set(`hub-password:${index}`, `pw-${index}`),
      ),
    );
    expect(counts.set).toBeLessThanOrEqual(2);
    const reopened = createSecretBundle(store, 'hub-secrets');
    expect(await reopened.get('hub-password:0')).toBe('pw-0');
    expect(await reopened.get('hub-password:999')).toBe('pw-999');
  });

  /** A store whose every write holds the thread `ms` long, as the sealed file's does. */
  function slowStore(ms: number) {
    const inner = createMemorySecretStore();
    const writes: number[] = [];
    const store: SecretStore = {
      ...inner,
      set: async (name, value) => {
        writes.push(Date.now());
        vi.setSystemTime(Date.now() + ms); // time passes and no timer runs: the thread is busy
        await inner.set(name, value);
      },
    };
    return { store, writes };
  }

  it("gathers changes that arrive one at a time after a write, as a fleet's replies do", async () => {
    vi.useFakeTimers();
    const { store, writes } = slowStore(10);
    const bundle = createSecretBundle(store, 'hub-secrets');
    await bundle.set('token:0', 't0');
    // A hundred replies a millisecond apart, each handled after the previous write has ended.
    const changes: Promise<void>[] = [];
    for (let hub = 1; hub <= 100; hub++) {
      changes.push(bundle.set(`token:${hub}`, `t${hub}`));
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all(changes);
    // A write straight after each change would be 101 writes.
    expect(writes.length).toBeLessThanOrEqual(6);
    // After each write of 10 ms, none starts for 30 ms: writing takes at most a quarter.
    for (let index = 1; index < writes.length; index++)
      expect((writes[index] as number) - (writes[index - 1] as number)).toBeGreaterThanOrEqual(40);
    const reopened = createSecretBundle(store, 'hub-secrets');
    expect([await reopened.get('token:1'), await reopened.get('token:100')]).toEqual([
      't1',
      't100',
    ]);
  });

  it('writes at once again when the rest after the last write is over', async () => {
    vi.useFakeTimers();
    const { store, writes } = slowStore(10);
    const bundle = createSecretBundle(store, 'hub-secrets');
    await bundle.set('a', '1');
    await vi.advanceTimersByTimeAsync(30);
    // No timer runs from here: a write that waited for one would never finish.
    await bundle.set('b', '2');
    expect(writes).toHaveLength(2);
  });

  it('rests at most a second, however long the last write took', async () => {
    vi.useFakeTimers();
    const { store, writes } = slowStore(20_000); // a keychain prompt the person took a while on
    const bundle = createSecretBundle(store, 'hub-secrets');
    await bundle.set('a', '1');
    const next = bundle.set('b', '2');
    await vi.advanceTimersByTimeAsync(999);
    expect(writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await next;
    expect(writes).toHaveLength(2);
  });

  it('rests at most a second when the clock is set back after a write', async () => {
    vi.useFakeTimers();
    const { store, writes } = slowStore(10);
    const bundle = createSecretBundle(store, 'hub-secrets');
    await bundle.set('a', '1');
    vi.setSystemTime(Date.now() - 3_600_000); // the clock corrected an hour back
    const next = bundle.set('b', '2');
    await vi.advanceTimersByTimeAsync(1_000);
    await next;
    expect(writes).toHaveLength(2);
  });

  it('writes what is resting at once when flushed, as before a quit', async () => {
    vi.useFakeTimers();
    const { store, writes } = slowStore(10);
    const bundle = createSecretBundle(store, 'hub-secrets');
    await bundle.set('a', '1');
    const token = bundle.set('b', '2'); // a refresh token, which nobody waits for
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(1);
    await bundle.flush?.(); // no timer runs: the rest is cut short
    expect(writes).toHaveLength(2);
    await token;
    const reopened = createSecretBundle(store, 'hub-secrets');
    expect(await reopened.get('b')).toBe('2');
  });

  it("keeps another process's changes: each write re-reads the entry first", async () => {
    const { store } = countingStore();
    const first = createSecretBundle(store, 'hub-secrets');
    const second = createSecretBundle(store, 'hub-secrets');
    await first.get('anything'); // both hold a copy from before either write
    await second.get('anything');
    await first.set('a', '1');
    await second.set('b', '2');
    const fresh = createSecretBundle(store, 'hub-secrets');
    expect([await fresh.get('a'), await fresh.get('b')]).toEqual(['1', '2']);
  });

  it('deletes, and removes the entry once it is empty', async () => {
    const { store, inner } = countingStore();
    const bundle = createSecretBundle(store, 'hub-secrets');
    await bundle.set('a', '1');
    await bundle.delete('a');
    expect(await bundle.get('a')).toBeUndefined();
    expect(inner.entries.has('hub-secrets')).toBe(false);
  });

  it('reads its own changes while they are being written', async () => {
    const { store } = countingStore();
    const bundle = createSecretBundle(store, 'hub-secrets');
    const written = bundle.set('a', '1');
    expect(await bundle.get('a')).toBe('1');
    await written;
  });

  it('refuses a damaged entry instead of starting empty over it', async () => {
    const { store, inner } = countingStore();
    await inner.set('hub-secrets', '{not json');
    const bundle = createSecretBundle(store, 'hub-secrets');
    await expect(bundle.get('a')).rejects.toMatchObject({
      code: 'secret_store',
      message: expect.stringContaining('Remove the OS keychain entry "hub-secrets" to start again'),
    });
    await expect(bundle.set('a', '1')).rejects.toMatchObject({ code: 'secret_store' });
    expect(await inner.get('hub-secrets')).toBe('{not json');
  });

  it('names where a damaged entry is kept, and passes on what its store moved aside', async () => {
    const inner = createMemorySecretStore();
    await inner.set('hub-secrets', '["not", "a bundle"]');
    const recoveries = [
      { message: 'The saved sealed secrets file was damaged and was moved to /x.' },
    ];
    const store: SecretStore = { ...inner, recoveries, locate: (name) => `/data/${name}.sealed` };
    const bundle = createSecretBundle(store, 'hub-secrets');
    await expect(bundle.get('a')).rejects.toMatchObject({
      code: 'secret_store',
      message: expect.stringMatching(
        /kept in \/data\/hub-secrets\.sealed are damaged \(unexpected content\); they were left as they are\. Remove \/data\/hub-secrets\.sealed to start again/,
      ),
    });
    expect(bundle.recoveries).toEqual(recoveries);
  });

  it('keeps a change whose write failed and writes it with the next one', async () => {
    const { store, failNextWrite } = countingStore();
    const bundle = createSecretBundle(store, 'hub-secrets');
    failNextWrite();
    await expect(bundle.set('a', '1')).rejects.toThrow('keyring locked');
    await bundle.set('b', '2');
    const fresh = createSecretBundle(store, 'hub-secrets');
    expect([await fresh.get('a'), await fresh.get('b')]).toEqual(['1', '2']);
  });
});
