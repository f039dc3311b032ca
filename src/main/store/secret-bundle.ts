import { z } from 'zod';
import { LicensingError } from '../licensing/licensing-error';
import { store as says } from '../../shared/texts/store.en';
import { judgeJson } from './file-recovery';
import type { SecretStore } from './secret-store';

/** Another process (the CLI beside `serve`) may change the bundle: reads trust a copy this long. */
const READ_TTL_MS = 2_000;
/**
 * After a write that took W ms, the next one starts no sooner than 3 W after it ended (and at most
 * a second after): however fast changes come, writes under a third of a second take at most a
 * quarter of the time.
 */
const REST_PER_WRITE = 3;
const MAX_REST_MS = 1_000;

const bundleSchema = z.record(z.string(), z.string());

/**
 * Many small secrets kept as one entry of a SecretStore. A fleet of 1,000 hubs has thousands of
 * passwords, refresh tokens and licence codes; as separate OS keyring items every one would be a
 * D-Bus round trip, and a fleet refresh that rotates every refresh token would spend minutes in
 * the keyring. Here a burst of changes is one write: a change made while the store is idle is
 * written at once (a single licence code applied waits for nothing), and the changes that arrive
 * while a write runs, or while it rests after one, are gathered into the next one. Each
 * `set`/`delete` resolves once a write that includes it has completed, writes never overlap, and
 * each write re-reads the entry first, so it keeps what another process wrote meanwhile.
 *
 * The rest is what makes a burst gather: a write of the sealed file is synchronous (read,
 * decrypt, encrypt, fsync on the main thread), so a fleet's replies are handled one at a time
 * after it, and without a rest each paid a write of the whole bundle (1,000 hubs: 30 s).
 */
export function createSecretBundle(store: SecretStore, name: string): SecretStore {
  /** Changes not written yet: a value to set, or undefined to delete. */
  const queued = new Map<string, string | undefined>();
  /** Changes being written now (still the truth for reads until the write is done). */
  let writing = new Map<string, string | undefined>();
  let copy: { entries: Map<string, string>; readAt: number } | undefined;
  let lastWrite: Promise<void> = Promise.resolve();
  let nextWrite: Promise<void> | undefined;
  /** Date.now() before which a new write waits, gathering what arrives meanwhile. */
  let restUntil = 0;
  /** Ends the running rest at once (a flush); undefined while none runs. */
  let wake: (() => void) | undefined;
  /** Set by a flush: the writes it waits for do not rest. */
  let hurry = false;

  const read = async (): Promise<Map<string, string>> => {
    const text = await store.get(name);
    if (text === undefined) return new Map();
    const bundle = judgeJson(text, bundleSchema);
    // The store gave back a whole entry (a damaged file is its to move aside and say), but not a
    // bundle: refused, and never written over, so support can still look at it.
    if (!bundle.ok) {
      const file = store.locate?.(name);
      const { why } = bundle;
      throw new LicensingError(
        'secret_store',
        file === undefined
          ? says.secretsDamagedInKeychain({ name, why })
          : says.secretsDamagedInFile({ file, why }),
      );
    }
    return new Map(Object.entries(bundle.value));
  };

  const entries = async (): Promise<Map<string, string>> => {
    if (!copy || Date.now() - copy.readAt > READ_TTL_MS)
      copy = { entries: await read(), readAt: Date.now() };
    return copy.entries;
  };

  const write = async (): Promise<void> => {
    const started = Date.now();
    nextWrite = undefined;
    writing = new Map(queued);
    queued.clear();
    try {
      const current = await read();
      for (const [key, value] of writing) {
        if (value === undefined) current.delete(key);
        else current.set(key, value);
      }
      if (current.size === 0) await store.delete(name);
      else await store.set(name, JSON.stringify(Object.fromEntries(current)));
      copy = { entries: current, readAt: Date.now() };
    } catch (error) {
      // Not written: the changes wait for the next write, unless a newer change replaced them.
      for (const [key, value] of writing) if (!queued.has(key)) queued.set(key, value);
      throw error;
    } finally {
      writing = new Map();
      const ended = Date.now();
      restUntil = ended + (ended - started) * REST_PER_WRITE;
    }
  };

  const change = (key: string, value: string | undefined): Promise<void> => {
    queued.set(key, value);
    if (!nextWrite) {
      // Starts after the running write and its rest, if any: everything queued until then goes
      // in this one.
      nextWrite = lastWrite.then(() => {
        // Capped here, where it is waited: after a slow write, and when the clock was set back.
        const rest = hurry ? 0 : Math.min(restUntil - Date.now(), MAX_REST_MS);
        if (rest <= 0) return write();
        return new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, rest);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        }).then(() => {
          wake = undefined;
          return write();
        });
      });
      lastWrite = nextWrite.catch(() => undefined);
    }
    return nextWrite;
  };

  return {
    backend: store.backend,
    protected: store.protected,
    warning: store.warning,
    warningText: store.warningText,
    get recoveries() {
      return store.recoveries;
    },
    async get(key) {
      if (queued.has(key)) return queued.get(key);
      if (writing.has(key)) return writing.get(key);
      return (await entries()).get(key);
    },
    set: (key, value) => change(key, value),
    delete: (key) => change(key, undefined),
    async flush() {
      hurry = true;
      wake?.();
      try {
        await lastWrite;
      } finally {
        hurry = false;
      }
    },
  };
}
