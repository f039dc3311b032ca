import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHubStore } from '../../src/main/hubs/hub-store';
import { createFileStateStore } from '../../src/main/store/file-state-store';
import { createLockedJsonFile } from '../../src/main/store/locked-json-file';
import { createSealedFileSecretStore } from '../../src/main/store/sealed-file-secret-store';
import { createMemorySecretStore } from '../../src/main/store/secret-store';
import { renderText, type Wording } from '../../src/shared/text';
import { textSchema } from '../../src/shared/text-schema';
import { inEnglish } from '../../src/shared/texts/english';
import { german, germanFormats } from '../../src/shared/texts/german';
import { useTempDir } from '../support/temp-dir';

const inGerman = (wording: Wording | undefined): string | undefined =>
  wording?.text && renderText(wording.text, german, germanFormats('de-DE'));

/**
 * A store that moved a damaged file aside says so as a wording: the English the CLI's stderr and
 * the log print, and the text a German screen says, with nothing looked up by its English.
 */
describe("a store's recovery warning", () => {
  const tempDir = useTempDir();

  it('is the English and the text of the same sentence, which crosses IPC', () => {
    const file = join(tempDir(), 'state.json');
    writeFileSync(file, '{"version":1,"clientId":');
    const store = createFileStateStore(file, () => 42);
    store.load();
    const { recovery } = store;
    expect(recovery?.message).toBe(
      `The saved licence state was damaged (not valid JSON) and was moved to ${file}.corrupt-42. Activations will be re-checked with the server. Keep that file: if anything is missing, contact support and send it to them.`,
    );
    expect(recovery?.text && inEnglish(recovery.text)).toBe(recovery?.message);
    expect(textSchema.safeParse(recovery?.text).success).toBe(true);
    expect(inGerman(recovery)).toMatch(
      /^Der gespeicherte Lizenzstatus .*\(kein gültiges JSON\).*Die Aktivierungen werden erneut beim Server geprüft\./,
    );
  });

  it('says why in German too: content of the wrong shape', () => {
    const file = join(tempDir(), 'hubs.json');
    writeFileSync(file, JSON.stringify({ version: 1, hubs: 'none' }));
    const store = createHubStore(file, () => 7);
    store.records();
    expect(store.recovery?.message).toMatch(
      /^The saved hub inventory was damaged \(unexpected content\)/,
    );
    expect(inGerman(store.recovery)).toMatch(
      /^Die gespeicherte Hub-Liste .*\(unerwarteter Inhalt\)/,
    );
  });

  it('is English alone where the caller named the document in English of its own', () => {
    const file = join(tempDir(), 'doc.json');
    writeFileSync(file, 'null');
    const json = createLockedJsonFile({
      file,
      schema: z.object({ n: z.number() }),
      what: 'test document',
      afterRecovery: 'Start again.',
      now: () => 5,
    });
    expect(json.read()).toBeUndefined();
    expect(json.recovery).toEqual({
      message: `The saved test document was damaged (unexpected content) and was moved to ${file}.corrupt-5. Start again. Keep that file: if anything is missing, contact support and send it to them.`,
    });
  });

  it('reaches the app from sealed secrets files as wordings too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hub-secrets.sealed.json'), 'garbage');
    const store = createSealedFileSecretStore({ dir, keys: createMemorySecretStore() });
    expect(store.recoveries).toHaveLength(1);
    const [recovery] = store.recoveries ?? [];
    expect(recovery?.message).toMatch(/sealed secrets file \(hub-secrets\) was damaged/);
    expect(inGerman(recovery)).toMatch(/hub-secrets/);
    expect(inGerman(recovery)).not.toBe(recovery?.message);
  });
});
