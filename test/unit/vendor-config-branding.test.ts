import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVendorConfig, parseVendorConfig } from '../../src/main/config/load-config';
import { MAX_LOGO_BYTES } from '../../src/main/config/logo-file';
import { supportLinks, vendorViewOf } from '../../src/main/config/vendor-view';
import { vendorViewSchema } from '../../src/shared/vendor-model';
import { licensingFailure } from '../support/licensing-failure';
import { useTempDir } from '../support/temp-dir';
import { seats, valid } from '../support/vendor-config-files';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rest of a PNG'),
]);
const EXAMPLE = join(__dirname, '../../docs/vendor-config.example.json');

const refusal = (raw: unknown) => {
  const parsed = (() => {
    try {
      parseVendorConfig(raw, 'vendor.json');
      return undefined;
    } catch (error) {
      return error as Error;
    }
  })();
  expect(parsed, 'the configuration was accepted').toBeDefined();
  return parsed?.message ?? '';
};

describe('vendor configuration: branding fields', () => {
  const tempDir = useTempDir();
  /** Writes files into a fresh folder and answers the path of the first. */
  const folderWith = (files: Record<string, string | Buffer>): string => {
    const dir = tempDir();
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return join(dir, Object.keys(files)[0] ?? '');
  };
  const configWith = (
    fields: Record<string, unknown>,
    files: Record<string, string | Buffer> = {},
  ) => folderWith({ 'vendor.json': JSON.stringify({ ...valid, ...fields }), ...files });

  it('loads the published example: logo read into a data URL, switches off', async () => {
    const config = await loadVendorConfig({ base: EXAMPLE });
    const logo = readFileSync(join(EXAMPLE, '../vendor-config-logo.svg'));
    expect(config.logoDataUrl).toBe(`data:image/svg+xml;base64,${logo.toString('base64')}`);
    const view = vendorViewSchema.parse(vendorViewOf(config));
    expect(view).toMatchObject({
      support: { name: 'Acme Support', email: 'support@acme.example' },
      screens: ['activation', 'licence-file'],
      updates: false,
      telemetry: false,
      accent: { color: '#0f766e', foreground: '#ffffff' },
    });
  });

  it('leaves updates and telemetry off, and everything else out, when not configured', async () => {
    const view = vendorViewOf(await loadVendorConfig({ base: configWith({}) }));
    expect(view).toEqual({
      logo: undefined,
      accent: undefined,
      support: undefined,
      screens: undefined,
      updates: false,
      telemetry: false,
    });
    const on = vendorViewOf(parseVendorConfig({ ...valid, updates: true, telemetry: true }, 'f'));
    expect([on.updates, on.telemetry]).toEqual([true, true]);
  });

  it('names the field and the fix for every wrong value', () => {
    expect(refusal({ ...valid, accentColor: 'teal' })).toMatch(
      /accentColor: must be a colour written #rrggbb/,
    );
    expect(refusal({ ...valid, accentColor: '#0f766' })).toMatch(/accentColor: /);
    expect(refusal({ ...valid, supportContact: { name: 'Acme' } })).toMatch(
      /supportContact: give an "email", a "url", or both/,
    );
    expect(refusal({ ...valid, supportContact: { url: 'http://acme.example/help' } })).toMatch(
      /supportContact\.url: must be an https:\/\/ address/,
    );
    expect(refusal({ ...valid, supportContact: { email: 'support at acme' } })).toMatch(
      /supportContact\.email: must be an email address/,
    );
    expect(refusal({ ...valid, supportContact: { email: 'a@acme.example', phone: '1' } })).toMatch(
      /supportContact: .*phone/i,
    );
    expect(refusal({ ...valid, screens: ['activation', 'settingz'] })).toMatch(
      /screens\.1: use one of: activation, licence, features, seats, eniris, hubs, licence-file/,
    );
    expect(refusal({ ...valid, screens: [] })).toMatch(/screens: list at least one screen/);
    expect(refusal({ ...valid, screens: ['activation', 'activation'] })).toMatch(
      /screens: name each screen once/,
    );
    expect(refusal({ ...valid, updates: 'no' })).toMatch(/updates: /);
    expect(refusal({ ...valid, telemetry: 0 })).toMatch(/telemetry: /);
  });

  it('refuses a screen list that leaves a profile without the screen it is used on', () => {
    const files = {
      id: 'files',
      kind: 'licence-file',
      label: 'Files',
      productCode: 'com.acme.cad',
      publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----',
    };
    const config = { ...valid, profiles: [seats, files] };
    expect(refusal({ ...config, screens: ['seats', 'licence-file'] })).toMatch(
      /screens: profile "seats" \(seats\) is used on the "activation" screen: add "activation", or remove the profile/,
    );
    expect(refusal({ ...config, screens: ['activation'] })).toMatch(
      /screens: profile "files" \(licence-file\) is used on the "licence-file" screen/,
    );
    expect(
      parseVendorConfig({ ...config, screens: ['activation', 'licence-file'] }, 'f').screens,
    ).toEqual(['activation', 'licence-file']);
  });

  it.each([
    [
      '/etc/acme/logo.png',
      /must be a path relative to the configuration file and inside its folder/,
    ],
    ['../logo.svg', /must be a path relative to the configuration file and inside its folder/],
    [
      'branding/../../logo.svg',
      /must be a path relative to the configuration file and inside its folder/,
    ],
    [
      'https://acme.example/logo.svg',
      /must be a path relative to the configuration file and inside its folder/,
    ],
    [
      'C:\\acme\\logo.png',
      /must be a path relative to the configuration file and inside its folder/,
    ],
    [
      '\\\\server\\share\\logo.png',
      /must be a path relative to the configuration file and inside its folder/,
    ],
    ['logo.gif', /must name a \.png or \.svg file/],
  ])('refuses the logo path %s before reading anything', (logo, message) => {
    expect(refusal({ ...valid, logo })).toMatch(new RegExp(`logo: ${message.source}`));
  });

  it('reads the logo beside the configuration, PNG or SVG, in a subfolder too', async () => {
    const png = await loadVendorConfig({
      base: configWith({ logo: 'branding/Logo.PNG' }, { 'branding/Logo.PNG': PNG }),
    });
    expect(png.logoDataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    const svg = await loadVendorConfig({
      base: configWith(
        { logo: 'logo.svg' },
        { 'logo.svg': `\uFEFF<?xml version="1.0"?>\n<!-- Acme -->\n<!DOCTYPE svg>\n${SVG}` },
      ),
    });
    expect(svg.logoDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('names the logo field and the fix when the file is missing, too large or not an image', async () => {
    const failure = async (files: Record<string, string | Buffer>, logo = 'logo.svg') =>
      (await licensingFailure(loadVendorConfig({ base: configWith({ logo }, files) }))).message;

    expect(await failure({})).toMatch(
      /is not valid:\n {2}- logo: the file .*logo\.svg cannot be read; put the logo beside the configuration file/,
    );
    expect(await failure({ 'logo.svg/inner.txt': 'a folder, not a file' })).toMatch(
      /logo: the file .* cannot be read/,
    );
    expect(await failure({ 'logo.svg': `${SVG}${' '.repeat(MAX_LOGO_BYTES)}` })).toMatch(
      /logo: .*logo\.svg is 129 KB; a logo may be at most 128 KB \(export it smaller, or as SVG\)/,
    );
    expect(await failure({ 'logo.svg': '<html><script>alert(1)</script></html>' })).toMatch(
      /logo: .* is not a PNG or SVG image; export the logo as PNG or SVG/,
    );
    expect(await failure({ 'logo.svg': '<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG })).toMatch(
      /is not a PNG or SVG image/,
    );
    expect(await failure({ 'logo.png': SVG }, 'logo.png')).toMatch(
      /logo: .* holds an SVG image; give the file the matching extension/,
    );
  });

  it('reads a logo named by the user override beside the override, the vendor logo beside the base', async () => {
    const base = configWith({ logo: 'vendor.svg' }, { 'vendor.svg': SVG });
    const withoutLogo = folderWith({ 'config.json': JSON.stringify({ productName: 'Lab' }) });
    expect((await loadVendorConfig({ base, override: withoutLogo })).logoDataUrl).toBe(
      `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`,
    );
    const override = folderWith({
      'config.json': JSON.stringify({ logo: 'mine.png' }),
      'mine.png': PNG,
    });
    expect((await loadVendorConfig({ base, override })).logoDataUrl).toBe(
      `data:image/png;base64,${PNG.toString('base64')}`,
    );
  });

  it('lets the support contact open only its own addresses, as a browser writes them', () => {
    const config = parseVendorConfig(
      { ...valid, supportContact: { email: 'help@acme.example', url: 'https://acme.example' } },
      'f',
    );
    expect(supportLinks(config)).toEqual(['https://acme.example/', 'mailto:help@acme.example']);
    expect(supportLinks(parseVendorConfig(valid, 'f'))).toEqual([]);
  });
});
