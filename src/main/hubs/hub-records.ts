import { z } from 'zod';
import { hubViewSchema, type HubView } from '../../shared/hubs-model';
import type { Text } from '../../shared/text';
import { inEnglish } from '../../shared/texts/english';
import { hubs } from '../../shared/texts/hubs.en';

/**
 * The hub inventory document: what the engineer entered (minus the password), the pinned
 * certificate, and the last licence each hub reported with its code masked. Secrets live in the
 * SecretStore under the names below; the document only says whether a password is saved.
 */

export const hubRecordSchema = hubViewSchema.extend({
  id: z.string().uuid(),
  /**
   * SHA-256 of the full licence code (first 16 hex digits): tells whether the code changed
   * without reading the secret store for every hub on every refresh. A licence code has far too
   * much entropy for this to reveal it.
   */
  codeDigest: z.string().optional(),
});
export type HubRecord = z.infer<typeof hubRecordSchema>;

export const hubDocumentSchema = z.object({
  version: z.literal(1),
  hubs: z.array(hubRecordSchema),
});
export type HubDocument = z.infer<typeof hubDocumentSchema>;

export const emptyHubDocument = (): HubDocument => ({ version: 1, hubs: [] });

export const hubSecretName = {
  password: (id: string) => `hub-password:${id}`,
  refreshToken: (id: string) => `hub-refresh:${id}`,
  licenceCode: (id: string) => `hub-licence:${id}`,
} as const;

export const allHubSecretNames = (id: string): readonly string[] => [
  hubSecretName.password(id),
  hubSecretName.refreshToken(id),
  hubSecretName.licenceCode(id),
];

export function toHubView(record: HubRecord): HubView {
  const { codeDigest: _digest, ...view } = record;
  return view;
}

/** `${scheme}://${host}:${port}${basePath}`; IPv6 literals get their brackets. */
export function hubBaseUrl(
  record: Pick<HubRecord, 'scheme' | 'host' | 'port' | 'basePath'>,
): string {
  const host =
    record.host.includes(':') && !record.host.startsWith('[') ? `[${record.host}]` : record.host;
  return `${record.scheme}://${host}:${record.port}${record.basePath}`;
}

/** How messages name a hub: its name, and the site when there is one. */
export const hubName = ({ name, site }: Pick<HubRecord, 'name' | 'site'>): Text =>
  site ? hubs.hubNameAt({ name, site }) : hubs.hubName({ name });

/** `hubName` in English, for the CLI and for telling whether a message names the hub already. */
export const hubLabel = (record: Pick<HubRecord, 'name' | 'site'>): string =>
  inEnglish(hubName(record));

/** Where a hub is and who signs in: a change here invalidates its tokens. */
export const sessionKey = (record: HubRecord): string =>
  [hubBaseUrl(record), record.username, record.hid.toLowerCase()].join('\n');

/** Import and add match hubs by hid and host, both case-insensitive. */
export const matchKey = (hub: { hid: string; host: string }): string =>
  `${hub.hid.toLowerCase()}@${hub.host.toLowerCase()}`;
