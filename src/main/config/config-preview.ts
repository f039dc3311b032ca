import { accentPalette } from './accent-palette';
import type { ProfileConfig, VendorConfig } from './vendor-config';

/**
 * What `license-manager serve` is showing, said before the link: a vendor previewing their
 * configuration sees at once which file was read and what of it the page will show.
 */
export interface ConfigPreview {
  /** For `--json`: the same facts as values. */
  readonly value: {
    readonly config: string | null;
    readonly productName: string;
    readonly productId: string;
    readonly demo: boolean;
    readonly profiles: readonly { id: string; kind: string; label: string }[];
    readonly screens: readonly string[] | 'all';
    readonly logo: string | null;
    readonly accentColor: string | null;
    readonly supportContact: VendorConfig['supportContact'] | null;
    readonly updates: boolean;
    readonly telemetry: boolean;
  };
  readonly lines: readonly string[];
}

/**
 * `config` as the vendor wrote it (branding, switches) and `profiles` as the page shows them (in
 * demo mode, the sandbox's); `file` is the --config path, absent for the built-in demo.
 */
export function configPreview(
  file: string | undefined,
  config: VendorConfig,
  profiles: readonly ProfileConfig[],
): ConfigPreview {
  const contact = config.supportContact;
  const value: ConfigPreview['value'] = {
    config: file ?? null,
    productName: config.productName,
    productId: config.productId,
    demo: config.demo,
    profiles: profiles.map(({ id, kind, label }) => ({ id, kind, label })),
    screens: config.screens ?? 'all',
    logo: config.logo ?? null,
    accentColor: config.accentColor ?? null,
    supportContact: contact ?? null,
    updates: config.updates ?? false,
    telemetry: config.telemetry ?? false,
  };
  const onOff = (on: boolean) => (on ? 'on' : 'off');
  const accent = config.accentColor
    ? `${config.accentColor} (${accentPalette(config.accentColor).foreground === '#ffffff' ? 'white' : 'black'} text on it)`
    : 'the default blue';
  const lines = [
    file
      ? `Previewing the vendor configuration ${file}`
      : 'Previewing the built-in demo configuration (no --config given)',
    `  product:   ${config.productName} (${config.productId})${config.demo ? ', demo: the sandbox servers run in this process' : ''}`,
    `  profiles:  ${profiles.map((profile) => `${profile.id} (${profile.kind}: ${profile.label})`).join(', ')}`,
    `  screens:   ${config.screens ? `${config.screens.join(', ')}; the others are hidden` : 'all'}`,
    `  logo:      ${config.logo ?? 'none (the default mark)'}`,
    `  accent:    ${accent}`,
    `  support:   ${contact ? [contact.name, contact.email, contact.url].filter(Boolean).join(', ') : 'none'}`,
    `  updates:   ${onOff(value.updates)}, telemetry: ${onOff(value.telemetry)} (this release has neither; the switches are only shown)`,
  ];
  return { value, lines };
}
