import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVendorConfig, parseVendorConfig } from '../../src/main/config/load-config';
import { generateVendorKeyPair } from '../../src/main/offline/vendor-keys';
import { licensingFailure } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';
import { seats, valid, writeConfig } from '../support/vendor-config-files';

describe('vendor configuration', () => {
  const tempDir = useTempDir();
  const write = (name: string, content: unknown) => writeConfig(tempDir(), name, content);

  it('loads a valid file and fills defaults', async () => {
    const config = await loadVendorConfig({ base: write('c.json', valid) });
    expect(config.profiles[0]?.id).toBe('seats');
    expect(config.allowWeakSecretStore).toBe(false);
    expect(config.demo).toBe(false);
  });

  it('names the field and the fix when a value is wrong', () => {
    const bad = { ...valid, profiles: [{ ...seats, baseUrl: 'ftp://x' }] };
    expect(() => parseVendorConfig(bad, 'vendor.json')).toThrow(
      /profiles\.0\.baseUrl: must start with https:\/\//,
    );
  });

  it('allows plain http only to this computer', () => {
    const at = (baseUrl: string) => () =>
      parseVendorConfig({ ...valid, profiles: [{ ...seats, baseUrl }] }, 'f');
    expect(at('http://licensing.example.com:5455')).toThrow(/must use https:\/\//);
    expect(at('http://192.168.1.20:5455')).toThrow(/must use https:\/\//);
    expect(at('http://127.0.0.1:5455')).not.toThrow();
    expect(at('http://localhost:5455')).not.toThrow();
  });

  it('takes a profile’s name and description in German beside the English', () => {
    const named = {
      ...seats,
      description: 'Floating seats for Acme CAD',
      translations: { de: { label: 'Plätze', description: 'Floating-Lizenzplätze für Acme CAD' } },
    };
    const config = parseVendorConfig({ ...valid, profiles: [named] }, 'f');
    expect(config.profiles[0]?.translations).toEqual(named.translations);
    const withTranslations = (translations: unknown) => () =>
      parseVendorConfig({ ...valid, profiles: [{ ...seats, translations }] }, 'f');
    expect(withTranslations({ de: { label: 'Plätze' } })).not.toThrow();
    expect(withTranslations({ fr: { label: 'Places' } })).toThrow(/profiles\.0\.translations/);
    expect(withTranslations({ de: { label: '' } })).toThrow(/profiles\.0\.translations\.de\.label/);
    expect(withTranslations({ de: { title: 'Plätze' } })).toThrow(/translations\.de/);
  });

  it('refuses duplicate profile ids, unknown kinds and unknown fields', () => {
    expect(() => parseVendorConfig({ ...valid, profiles: [seats, seats] }, 'f')).toThrow(
      /used twice/,
    );
    expect(() =>
      parseVendorConfig({ ...valid, profiles: [{ ...seats, kind: 'nope' }] }, 'f'),
    ).toThrow(/profiles\.0\.kind/);
    expect(() => parseVendorConfig({ ...valid, colour: 'red' }, 'f')).toThrow(
      /colour|unrecognized/i,
    );
  });

  it('asks for profiles unless the config is a demo', () => {
    expect(() => parseVendorConfig({ ...valid, profiles: [] }, 'f')).toThrow(
      /at least one profile/,
    );
    expect(parseVendorConfig({ ...valid, profiles: [], demo: true }, 'f').demo).toBe(true);
  });

  it('reports a missing file, broken JSON and an oversized file as config errors', async () => {
    expect(
      (await licensingFailure(loadVendorConfig({ base: '/nonexistent/c.json' }))).message,
    ).toMatch(/does not exist/);
    const broken = await licensingFailure(
      loadVendorConfig({ base: write('b.json', '{"productName": "x",\n"apiKey": api_TOPSECRET}') }),
    );
    expect(broken.code).toBe('config');
    expect(broken.message).toMatch(/not valid JSON/);
    expect(broken.message).not.toContain('TOPSECRET'); // V8 quotes the text near the mistake
    expect(
      (await licensingFailure(loadVendorConfig({ base: write('big.json', ' '.repeat(300_000)) })))
        .message,
    ).toMatch(/larger than 256 KB/);
  });

  it('applies a user override: fields replace, profiles merge by id', async () => {
    const base = write('base.json', valid);
    const override = write('o.json', {
      productName: 'Acme CAD (lab)',
      profiles: [
        { ...seats, label: 'Lab seats' },
        { ...seats, id: 'second' },
      ],
    });
    const config = await loadVendorConfig({ base, override });
    expect(config.productName).toBe('Acme CAD (lab)');
    expect(config.profiles.map((profile) => [profile.id, profile.label])).toEqual([
      ['seats', 'Lab seats'],
      ['second', 'Seats'],
    ]);
  });

  it('an override changes the fields it names in a vendor profile, and adds profiles', async () => {
    const base = write('base.json', valid);
    const override = write('o.json', {
      profiles: [{ id: 'seats', baseUrl: 'https://lab.example.com' }],
    });
    const [profile] = (await loadVendorConfig({ base, override })).profiles;
    expect(profile).toMatchObject({ ...seats, baseUrl: 'https://lab.example.com' });
  });

  it('an override cannot change what the vendor’s trust rests on', async () => {
    const vendorKey = generateVendorKeyPair().publicKeyPem;
    const ownKey = generateVendorKeyPair().publicKeyPem;
    const licenceFile = {
      id: 'file',
      kind: 'licence-file',
      label: 'Licence file',
      productCode: 'acme-cad',
      publicKey: vendorKey,
    };
    const base = write('base.json', { ...valid, profiles: [seats, licenceFile] });
    const refused = async (change: unknown) => {
      const override = write('o.json', change);
      return (await licensingFailure(loadVendorConfig({ base, override }))).message;
    };
    // A user's own key would accept licence files they signed themselves with `vendor sign`.
    expect(await refused({ profiles: [{ ...licenceFile, publicKey: ownKey }] })).toMatch(
      /profiles\.0\.publicKey: the vendor's configuration sets this/,
    );
    expect(await refused({ profiles: [{ id: 'file', productCode: 'other' }] })).toMatch(
      /profiles\.0\.productCode/,
    );
    expect(await refused({ profiles: [{ ...seats, kind: 'flecs' }] })).toMatch(/profiles\.0\.kind/);
    expect(await refused({ productId: 'com.other' })).toMatch(/productId: the vendor's/);
    // Repeating the vendor's own values is no change.
    const same = write('same.json', { productId: valid.productId, profiles: [licenceFile] });
    const loaded = await loadVendorConfig({ base, override: same });
    expect(loaded.profiles.find((profile) => profile.id === 'file')).toMatchObject(licenceFile);
  });

  it('ignores a missing override but not a broken one', async () => {
    const base = write('base.json', valid);
    expect(
      (await loadVendorConfig({ base, override: join(tempDir(), 'absent.json') })).productName,
    ).toBe('Acme CAD');
    const override = write('o.json', { profiles: [{ ...seats, apiKey: '' }] });
    expect((await licensingFailure(loadVendorConfig({ base, override }))).message).toMatch(
      /apiKey/,
    );
  });

  it('ships a default configuration that starts the demo', async () => {
    const config = await loadVendorConfig({
      base: join(__dirname, '../../resources/default-config.json'),
    });
    expect(config.demo).toBe(true);
  });
});
