import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { parseVendorConfig } from '../../src/main/config/load-config';
import { vendorConfigJsonSchema } from '../../src/main/config/vendor-config-json-schema';

const root = join(__dirname, '../..');
const PUBLISHED = join(root, 'docs/vendor-config.schema.json');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

// Strict, so a keyword ajv does not know fails here instead of being ignored; the anyOf of
// supportContact names its properties in "required" only, which draft 7 allows.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(PUBLISHED, 'utf8')) as object);
const schemaAccepts = (config: unknown): boolean => validate(config) === true;
const loaderAccepts = (config: unknown): boolean => {
  try {
    parseVendorConfig(config, 'sample.json');
    return true;
  } catch {
    return false;
  }
};

const base = {
  productName: 'Acme CAD',
  productId: 'com.acme.cad',
  profiles: [
    {
      id: 'seats',
      kind: 'seats',
      label: 'Seats',
      baseUrl: 'https://licensing.acme.example:5455',
      apiKey: 'api_x',
    },
  ],
};

describe('published vendor configuration schema', () => {
  it('is the one the loader validates with (regenerate: node scripts/vendor-config-schema.mjs)', async () => {
    const generated = await format(JSON.stringify(vendorConfigJsonSchema()), {
      ...(await resolveConfig(PUBLISHED)),
      parser: 'json',
    });
    expect(
      readFileSync(PUBLISHED, 'utf8'),
      'docs/vendor-config.schema.json is out of date: run `node scripts/vendor-config-schema.mjs`',
    ).toBe(generated);
  });

  it.each(['resources/default-config.json', 'docs/vendor-config.example.json'])(
    'accepts %s, as the loader does',
    (file) => {
      const config = readJson(file);
      expect(schemaAccepts(config), JSON.stringify(validate.errors)).toBe(true);
      expect(loaderAccepts(config)).toBe(true);
    },
  );

  it.each([
    ['the minimal configuration', {}],
    ['a demo without profiles', { profiles: [], demo: true }],
    ['a PNG logo in a subfolder', { logo: 'branding/Logo.PNG' }],
    ['an accent colour in capitals', { accentColor: '#0F766E' }],
    ['a support URL only', { supportContact: { url: 'https://acme.example/help' } }],
    ['a support email only', { supportContact: { name: 'Acme', email: 'help@acme.example' } }],
    ['the switches on', { updates: true, telemetry: true }],
    ['screens listed', { screens: ['activation', 'seats'] }],
  ])('accepts %s in both', (_what, fields) => {
    const config = { ...base, ...fields };
    expect(schemaAccepts(config), JSON.stringify(validate.errors)).toBe(true);
    expect(loaderAccepts(config)).toBe(true);
  });

  it.each([
    ['an unknown field', { colour: 'red' }],
    ['a named accent colour', { accentColor: 'teal' }],
    ['a short accent colour', { accentColor: '#0f7' }],
    ['an absolute logo path', { logo: '/etc/acme/logo.png' }],
    ['a logo path out of the folder', { logo: 'branding/../../logo.svg' }],
    ['a logo URL', { logo: 'https://acme.example/logo.svg' }],
    ['a Windows logo path', { logo: 'C:\\acme\\logo.png' }],
    ['a GIF logo', { logo: 'logo.gif' }],
    ['a support contact without email or url', { supportContact: { name: 'Acme' } }],
    ['a plain-http support page', { supportContact: { url: 'http://acme.example/help' } }],
    ['a malformed support email', { supportContact: { email: 'help at acme' } }],
    ['an unknown screen', { screens: ['activation', 'settingz'] }],
    ['an empty screen list', { screens: [] }],
    ['updates as text', { updates: 'no' }],
    ['telemetry as a number', { telemetry: 0 }],
  ])('refuses %s in both', (_what, fields) => {
    const config = { ...base, ...fields };
    expect(schemaAccepts(config)).toBe(false);
    expect(loaderAccepts(config)).toBe(false);
  });
});
