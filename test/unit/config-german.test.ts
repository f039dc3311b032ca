import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVendorConfig } from '../../src/main/config/load-config';
import { productIdentity } from '../../src/main/config/product-identity';
import { profileOfKind } from '../../src/main/config/vendor-config';
import { LicensingError } from '../../src/main/licensing/licensing-error';
import { inGerman } from '../support/in-german';
import { refusalOf } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';
import { seats, valid, writeConfig } from '../support/vendor-config-files';

/**
 * A vendor configuration the app cannot use, said in German for the screen: the sentence and our
 * advice per field in German, the file's field names and values as written, and the English
 * message (CLI, log) as it was.
 */

describe('a vendor configuration refused, in German', () => {
  const tempDir = useTempDir();
  const write = (name: string, content: unknown) => writeConfig(tempDir(), name, content);

  it('lists each field with what to do, keeping field names and values', async () => {
    const file = write('vendor.json', {
      ...valid,
      profiles: [
        { ...seats, baseUrl: 'http://licensing.example.com:5455' },
        { ...seats, label: 'Again' },
      ],
    });
    const error = await refusalOf(() => loadVendorConfig({ base: file }));
    expect(error.code).toBe('config');
    expect(error.message).toBe(
      `The configuration file ${file} is not valid:\n` +
        '  - profiles.0.baseUrl: must use https:// (plain http:// is allowed only for 127.0.0.1 and localhost)\n' +
        '  - profiles.1.id: profile id "seats" is used twice; ids must be unique',
    );
    expect(inGerman(error)).toBe(
      `Die Konfigurationsdatei ${file} ist ungültig:\n` +
        '  - profiles.0.baseUrl: muss https:// verwenden (einfaches http:// ist nur für 127.0.0.1 und localhost erlaubt)\n' +
        '  - profiles.1.id: die Profil-ID „seats“ kommt zweimal vor; IDs müssen eindeutig sein',
    );
  });

  it("says zod's own words in German too, keeping field names and values as written", async () => {
    const file = write('vendor.json', {
      ...valid,
      productName: 42,
      Farbe: 'rot',
      profiles: [
        { ...seats, kind: 'sitze' },
        { ...seats, id: 'zwei', timeoutMs: 100 },
      ],
    });
    const error = await refusalOf(() => loadVendorConfig({ base: file }));
    expect(error.message).toBe(
      `The configuration file ${file} is not valid:\n` +
        '  - productName: Invalid input: expected string, received number\n' +
        "  - profiles.0.kind: Invalid discriminator value. Expected 'seats' | 'flecs' | 'eniris' | 'licensespring' | 'mobiusflow' | 'licence-file'\n" +
        '  - profiles.1.timeoutMs: Too small: expected number to be >=500\n' +
        '  - (top level): Unrecognized key: "Farbe"',
    );
    expect(inGerman(error)).toBe(
      `Die Konfigurationsdatei ${file} ist ungültig:\n` +
        '  - productName: Text erwartet, Zahl angegeben\n' +
        "  - profiles.0.kind: muss einer dieser Werte sein: 'seats' | 'flecs' | 'eniris' | 'licensespring' | 'mobiusflow' | 'licence-file'\n" +
        '  - profiles.1.timeoutMs: mindestens 500\n' +
        '  - (oberste Ebene): unbekanntes Feld: "Farbe"',
    );
  });

  it('says where the JSON breaks, and when the file is missing', async () => {
    const broken = write('broken.json', '{\n  "productName": "Acme",\n  oops\n}');
    const error = await refusalOf(() => loadVendorConfig({ base: broken }));
    expect(error.message).toBe(`The configuration file ${broken} is not valid JSON (line 3).`);
    expect(inGerman(error)).toBe(
      `Die Konfigurationsdatei ${broken} ist kein gültiges JSON (Zeile 3).`,
    );
    const missing = join(tempDir(), 'nowhere.json');
    const gone = await refusalOf(() => loadVendorConfig({ base: missing }));
    expect(inGerman(gone)).toBe(
      `Die Konfigurationsdatei ${missing} kann nicht verwendet werden: Sie existiert nicht.`,
    );
  });

  it('refuses a logo that is too large, in German numbers', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'logo.svg'), `<svg>${' '.repeat(200 * 1024)}</svg>`);
    const file = join(dir, 'vendor.json');
    writeFileSync(file, JSON.stringify({ ...valid, logo: 'logo.svg' }));
    const error = await refusalOf(() => loadVendorConfig({ base: file }));
    expect(error.message).toContain(`is 201 KB; a logo may be at most 128 KB`);
    expect(inGerman(error)).toBe(
      `Die Konfigurationsdatei ${file} ist ungültig:\n` +
        `  - logo: ${join(dir, 'logo.svg')} ist 201 KB groß; ein Logo darf höchstens 128 KB groß sein (exportieren Sie es kleiner oder als SVG)`,
    );
  });

  it("refuses a user override that changes the vendor's product id", async () => {
    const base = write('vendor.json', valid);
    const override = write('override.json', { productId: 'com.someone.else' });
    const error = await refusalOf(() => loadVendorConfig({ base, override }));
    expect(inGerman(error)).toBe(
      `Die Konfigurationsdatei ${override} ist ungültig:\n` +
        '  - productId: das legt die Konfiguration des Anbieters fest, eine Benutzerkonfiguration kann es nicht ändern; entfernen Sie productId aus der Benutzerkonfiguration',
    );
  });

  it('names a product id no installed app can have, and a profile of another kind', async () => {
    const identity = () => productIdentity({ productId: 'a..b', productName: 'X' }, 'vendor.json');
    expect(identity).toThrow(LicensingError);
    expect(inGerman(await refusalOf(identity))).toContain(
      '  - productId: „a..b“ kann keine installierte App benennen;',
    );
    const otherKind = await refusalOf(() => profileOfKind([seats] as never, 'seats', 'flecs'));
    expect(otherKind.message).toBe('"seats" is not a FLECS profile.');
    expect(inGerman(otherKind)).toBe('„seats“ ist kein Profil vom Typ FLECS.');
  });
});
