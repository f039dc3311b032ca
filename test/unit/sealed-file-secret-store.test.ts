import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSealedFileSecretStore } from '../../src/main/store/sealed-file-secret-store';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { useTempDir } from '../support/temp-dir';

describe('sealed file secret store: large secrets on disk, their key in the keychain', () => {
  const tempDir = useTempDir();

  it('round-trips a value, and the file never holds it in readable form', async () => {
    const dir = tempDir();
    const keys = createMemorySecretStore();
    const sealed = createSealedFileSecretStore({ dir, keys });
    const secret = JSON.stringify({ 'hub-password:1': 'correct horse battery staple' });
    await sealed.set('hubs-secrets', secret);
    expect(await sealed.get('hubs-secrets')).toBe(secret);
    const onDisk = readFileSync(join(dir, 'hubs-secrets.sealed.json'), 'utf8');
    expect(onDisk).not.toContain('correct horse');
    expect(onDisk).not.toContain(Buffer.from('correct horse').toString('base64'));
    expect(keys.entries.size).toBe(1);
    // Another process with the same keychain reads it too.
    expect(await createSealedFileSecretStore({ dir, keys }).get('hubs-secrets')).toBe(secret);
  });

  it('refuses a changed file or a lost key with a secret-store error, never a wrong value', async () => {
    const dir = tempDir();
    const keys = createMemorySecretStore();
    await createSealedFileSecretStore({ dir, keys }).set('s', 'value');
    const file = join(dir, 's.sealed.json');
    const document = JSON.parse(readFileSync(file, 'utf8'));
    const flipped = Buffer.from(document.data, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    writeFileSync(file, JSON.stringify({ ...document, data: flipped.toString('base64') }));
    await expect(createSealedFileSecretStore({ dir, keys }).get('s')).rejects.toMatchObject({
      code: 'secret_store',
    });
    await createSealedFileSecretStore({ dir, keys }).set('t', 'other');
    const withoutKeys = createSealedFileSecretStore({ dir, keys: createMemorySecretStore() });
    await expect(withoutKeys.get('t')).rejects.toMatchObject({ code: 'secret_store' });
  });

  it('deletes the file and its key', async () => {
    const dir = tempDir();
    const keys = createMemorySecretStore();
    const sealed = createSealedFileSecretStore({ dir, keys });
    await sealed.set('s', 'value');
    await sealed.delete('s');
    expect(await sealed.get('s')).toBeUndefined();
    expect(keys.entries.size).toBe(0);
  });

  it('moves a damaged file aside on opening and says where, keeping it byte for byte', async () => {
    const dir = tempDir();
    const keys = createMemorySecretStore();
    await createSealedFileSecretStore({ dir, keys }).set('hubs-secrets', 'value');
    const file = join(dir, 'hubs-secrets.sealed.json');
    const damaged = readFileSync(file, 'utf8').slice(0, 30);
    writeFileSync(file, damaged);

    const sealed = createSealedFileSecretStore({ dir, keys });
    const aside = readdirSync(dir).filter((name) => name.includes('.corrupt-'));
    expect(aside).toEqual([expect.stringMatching(/^hubs-secrets\.sealed\.json\.corrupt-\d+$/)]);
    expect(readFileSync(join(dir, String(aside[0])), 'utf8')).toBe(damaged);
    expect(sealed.recoveries?.map((warning) => warning.message)).toEqual([
      expect.stringContaining(`(not valid JSON) and was moved to ${join(dir, String(aside[0]))}.`),
    ]);
    expect(await sealed.get('hubs-secrets')).toBeUndefined();
    // Said by the store that found it; the next one finds no damage.
    expect(createSealedFileSecretStore({ dir, keys }).recoveries).toEqual([]);
  });

  it('keeps the word of a damage found by a later read, for the next time the warnings are read', async () => {
    const dir = tempDir();
    const keys = createMemorySecretStore();
    const sealed = createSealedFileSecretStore({ dir, keys });
    await sealed.set('s', 'value');
    writeFileSync(join(dir, 's.sealed.json'), JSON.stringify({ version: 1 }));
    expect(await sealed.get('s')).toBeUndefined();
    expect(sealed.recoveries?.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/sealed secrets file \(s\) was damaged \(unexpected content\)/),
    ]);
    expect(sealed.locate?.('s')).toBe(join(dir, 's.sealed.json'));
  });
});
