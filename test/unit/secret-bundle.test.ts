import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSecretBundle } from '../../src/main/store/secret-bundle';
import { createMemorySecretStore, type SecretStore } from '../../src/main/store/secret-store';

/** A memory store that counts writes and can be told to fail the next one. */
function countingStore() {
  const inner = createMemorySecretStore();
  const counts = { set: 0 };
  let failNext = false;
  const store: SecretStore = {
    ...inner,
    set: async (name, value) => {
      counts.set += 1;
      if (failNext) {
        failNext = false;
        throw new Error('keyring locked');
      }
      await inner.set(name, value);
    },
  };
  return { store, inner, counts, failNextWrite: () => void (failNext = true) };
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
    const { store, counts } = countingStore();
    const bundle = createSecretBundle(store, 'hub-secrets');
    const first = bundle.set('a', '1');
    // The first write has started; these three arrive while it runs.
    await Promise.resolve();
    const rest = ['b', 'c', 'd'].map((key) => bundle.set(key, key));
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
