import { z } from 'zod';
import { vendorConfigSchema } from './vendor-config';

/**
 * The vendor configuration's JSON schema, generated from the zod schema the loader validates with,
 * so the two cannot drift: `node scripts/vendor-config-schema.mjs` writes it to
 * docs/vendor-config.schema.json and a test fails while the committed copy is out of date.
 * Draft 7, which editors and validators support most widely. The loader checks more than a JSON
 * schema can say (unique profile ids, plain http only to this computer, a screen for every
 * profile, the logo file itself); the schema catches the rest while the vendor types.
 */

/** Editors show these beside each field (the branding fields carry their own, in zod metadata). */
const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  $schema:
    'Where editors find this schema, such as "./vendor-config.schema.json". Ignored by the app.',
  productName: 'The product name shown in the window title, the header and the CLI.',
  productId:
    'Salt of the machine fingerprint (two products never share one) and the name of the local state.',
  demo: 'With no profiles: run the built-in sandbox servers (the default configuration).',
  allowWeakSecretStore:
    'Linux without a keyring makes Electron use a hard-coded key; storing licences that way is refused unless this is true.',
  profiles:
    'One per licensing backend; the profile picker shows them by label. See docs/vendor-config.md for each kind.',
  caFile:
    'A PEM bundle of CA certificates trusted besides the usual ones (an on-premises licensing server, a TLS-inspecting proxy): absolute, or relative to this file.',
};

export function vendorConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(vendorConfigSchema, { io: 'input', target: 'draft-7' });
  const properties = (generated.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [field, description] of Object.entries(FIELD_DESCRIPTIONS)) {
    const property = properties[field];
    if (property && property.description === undefined) property.description = description;
  }
  return {
    $schema: generated.$schema,
    title: 'License Manager vendor configuration',
    description:
      'One JSON file shipped by the vendor (resources/vendor-config.json). See docs/vendor-config.md.',
    ...generated,
  };
}
