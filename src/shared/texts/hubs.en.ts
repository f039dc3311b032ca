import { textsOf, type Formats, type Message } from '../text';
import { problemsIn, type NumberedProblems } from './numbered-problems';

/**
 * A hub's problems travel as one flat text, so a German screen says any number of them in German;
 * a draft has a dozen fields, so a list this long is whole in practice.
 */
export const MAX_LISTED_PROBLEMS = 16;

export interface HubProblemsParams extends NumberedProblems {
  /** The problems beyond the listed ones. */
  readonly more: number;
}

/**
 * The engineer's hub inventory: CSV import, drafts, certificates, fleet refreshes. A hub is named
 * by `hubName`/`hubNameAt`; what a hub or a protocol error says comes from other areas, nested.
 */
export const hubsEn = {
  hubName: (p: { name: string }) => `"${p.name}"`,
  hubNameAt: (p: { name: string; site: string }) => `"${p.name}" (${p.site})`,
  /** An error from the hub's protocol client, with the hub's name in front. */
  hubSaid: (p: { hub: string; message: string }) => `Hub ${p.hub}: ${p.message}`,

  // Refreshing the fleet (fleet-refresh.ts).
  hubTimedOut: (p: { hub: string; seconds: number }) =>
    `Hub ${p.hub} did not finish within ${p.seconds} seconds. It may be busy, or the network slow; the other hubs were not held up.`,
  refreshRunning: (p: { total: number; done: number }) =>
    `A refresh of ${p.total} hubs is running (${p.done} done). Wait for it to finish, then refresh these hubs.`,

  // The inventory (hub-service.ts, hub-inventory.ts, hub-edits.ts).
  serviceClosed: () => 'The hub service is closed.',
  /** `hubs` lists the hubs' names as the CLI shows them. */
  hidAmbiguous: (p: { hid: string; count: number; hubs: string }) =>
    `The hub id ${p.hid} names ${p.count} hubs (${p.hubs}). Use the inventory id instead (see \`hub list --json\`).`,
  noHub: (p: { ref: string }) => `There is no hub ${p.ref} in the inventory.`,
  noHubWithId: (p: { id: string }) => `There is no hub with the id ${p.id} in the inventory.`,
  removedElsewhere: () => 'This hub was removed meanwhile (by another window or the CLI).',
  removedMeanwhile: () => 'This hub was removed meanwhile.',
  passwordRequired: () => 'Enter the password of the hub account: a new hub needs one.',
  alreadyInInventory: (p: { hid: string; host: string; twin: string }) =>
    `Hub ${p.hid} at ${p.host} is already in the inventory as ${p.twin}. Edit that hub instead.`,
  httpOffLan: (p: { hub: string }) =>
    `Hub ${p.hub} is set to plain http but not marked as on the site LAN. Edit the hub: use https, or mark it as on the LAN.`,

  /**
   * What is wrong with a hub (a form, or a CSV line): up to MAX_LISTED_PROBLEMS problems, each in a
   * field (a form field or a CSV column; empty for the hub as a whole) and one of the draft's
   * messages below or zod's words (texts of the schema area); `more` counts the problems not listed.
   */
  problems: (p: HubProblemsParams, f: Formats) =>
    problemsIn(p, MAX_LISTED_PROBLEMS)
      .map(({ field, problem }) => `${field || 'hub'}: ${problem}`)
      .concat(p.more ? [`and ${f.number(p.more)} more`] : [])
      .join('; '),
  /** The hub draft schema's messages (shared/hubs-model.ts). */
  nameMissing: () => 'give the hub a name',
  hostMissing: () => 'enter the host name or IP address',
  hostShape: () => 'a host is a name or an IP address, without spaces or a path',
  basePathShape: () => 'a base path looks like /hubs/000001 (or is empty)',
  hidShape: () => 'a hub id is 6 hexadecimal characters, e.g. 00A1F3',
  usernameMissing: () => 'enter the hub account name',
  httpOnlyOnLan: () => 'plain http is allowed only for a hub marked as on the site LAN',

  // Importing an inventory CSV: why a line was not imported (hub-csv.ts, csv.ts, hub-edits.ts).
  csvQuoteOpen: () => 'a quoted field is not closed (a " is missing)',
  csvEmpty: () => 'the file is empty: the first line must name the columns',
  /** `columns` are the unknown names, quoted as written; `known` the columns there are. */
  csvUnknownColumns: (p: { columns: string; known: string }) =>
    `unknown column ${p.columns}; the columns are ${p.known}`,
  csvColumnTwice: (p: { column: string }) => `the column "${p.column}" appears twice`,
  csvMissingColumns: (p: { count: number; columns: string }) =>
    `the header lacks the column${p.count > 1 ? 's' : ''} ${p.columns}`,
  csvTooManyFields: (p: { fields: number; columns: number }) =>
    `the line has ${p.fields} fields but the header names ${p.columns}; quote a field that contains a comma`,
  csvNotAPort: (p: { value: string }) => `port: "${p.value}" is not a port number`,
  csvLanYesNo: (p: { value: string }) => `lan: write yes or no, not "${p.value}"`,
  csvDuplicateLine: (p: { hid: string; host: string; line: number }) =>
    `hub ${p.hid} at ${p.host} is already on line ${p.line}`,
  csvNewHubPassword: () => 'password: a hub that is not in the inventory yet needs its password',

  // Certificates (hub-tls.ts, hub-trust.ts). `where` is host:port.
  certificateReadCancelled: (p: { where: string }) =>
    `Reading the certificate of ${p.where} was cancelled.`,
  noCertificate: (p: { where: string }) => `${p.where} presented no certificate.`,
  notHttps: (p: { where: string }) =>
    `${p.where} does not speak https. Check the port, or whether this hub uses plain http on the LAN.`,
  certificateChanged: (p: { hub: string; pinned: string; presented: string }) =>
    `The certificate of hub ${p.hub} changed since you trusted it (was ${p.pinned}, now ${p.presented}). If the hub was replaced, review and trust the new certificate; otherwise something on the network may be intercepting the connection.`,
  untrustedCertificate: (p: { hub: string }) =>
    `Hub ${p.hub} presents a certificate this computer does not trust (hubs usually have a self-signed one). Review the hub's certificate and trust it if it matches the one shown on the hub.`,
  plainHttpNoCertificate: (p: { hub: string }) =>
    `Hub ${p.hub} uses plain http on the LAN: it has no certificate to trust.`,
  fingerprintShape: () =>
    'A certificate fingerprint is 32 pairs of hexadecimal digits (SHA-256), e.g. 3A:F1:…',
  certificateNotReviewed: (p: { hub: string; presented: string; reviewed: string }) =>
    `Hub ${p.hub} now presents the certificate ${p.presented}, not the one you reviewed (${p.reviewed}). Review the certificate again before trusting it.`,
} satisfies Record<string, Message>;

export const hubs = textsOf('hubs', hubsEn);
