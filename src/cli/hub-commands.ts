import { readFile, writeFile } from 'node:fs/promises';
import type { HubService } from '../main/hubs/hub-service';
import { LicensingError } from '../main/licensing/licensing-error';
import { cli } from '../shared/texts/cli.en';
import {
  hubDraftSchema,
  type HubCertificate,
  type HubLicenceView,
  type HubList,
  type HubView,
} from '../shared/hubs-model';
import { need } from './args';
import { EXIT } from './exit-codes';
import { when as formatWhen } from './format';

/** The options `hub` verbs read; the lead's CliArgs carries them (see args.ts). */
export interface HubCliArgs {
  readonly name?: string;
  readonly host?: string;
  readonly port?: number;
  readonly scheme?: string;
  readonly lan: boolean;
  readonly basePath?: string;
  readonly hid?: string;
  readonly site?: string;
  readonly username?: string;
  readonly concurrency?: number;
  readonly fingerprint?: string;
}

export interface HubOutput {
  readonly value: unknown;
  readonly text: string;
  /** Set when the command did its job but the shell must see it as not done (`hub trust` unpinned). */
  readonly exitCode?: number;
}

const VERBS = 'hub list|add|get|set|refresh|import|export|report|trust';
const when = (ms: number | undefined): string => formatWhen(ms, '-');

/** Columns padded to their widest cell; the last column is left ragged. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const address = (hub: HubView): string => `${hub.scheme}://${hub.host}:${hub.port}${hub.basePath}`;

const licenceSummary = (licence: HubLicenceView | undefined): string =>
  licence
    ? `${licence.type} ${licence.isValid ? 'valid' : 'INVALID'}${licence.isActive ? '' : ' inactive'} ${licence.used}/${licence.size}`
    : '-';

function formatList(list: HubList): string {
  if (list.hubs.length === 0)
    return 'No hubs in the inventory. Add one with `hub add` or `hub import FILE`.';
  const rows = list.hubs.map((hub) => [
    hub.site || '-',
    hub.name,
    hub.hid,
    address(hub),
    licenceSummary(hub.licence),
    when(hub.lastRefreshAt),
    hub.lastError ? `${hub.lastError.code}: ${hub.lastError.message}` : 'ok',
  ]);
  return table(['SITE', 'NAME', 'HID', 'ADDRESS', 'LICENCE', 'LAST REFRESH', 'STATUS'], rows);
}

function usage(licence: HubLicenceView): string {
  const share = licence.size > 0 ? ` (${Math.round((licence.used / licence.size) * 100)} %)` : '';
  const over = licence.used > licence.size ? ', more than the licence allows' : '';
  return `${licence.used} of ${licence.size}${share}${over}`;
}

/** `label       value` lines, the values in one column. */
const labelled = (rows: readonly (readonly [string, string])[]): string =>
  rows.map(([label, value]) => `${label.padEnd(13)}${value}`).join('\n');

function formatLicence(hub: HubView, licence: HubLicenceView): string {
  return labelled([
    ['hub', `${hub.name}${hub.site ? ` (${hub.site})` : ''}, hid ${hub.hid}, ${address(hub)}`],
    ['licence', licence.codeLabel || '(none)'],
    ['type', licence.type],
    ['valid', licence.isValid ? 'yes' : 'no'],
    ['active', licence.isActive ? 'yes' : 'no'],
    ['usage', usage(licence)],
    [
      'objects',
      `${licence.objectCount}${licence.isObjectBased ? `, object based, ${licence.pointsPerObject} points per object` : ''}`,
    ],
    ['reported', when(licence.reportedAt)],
  ]);
}

const formatCertificate = (hub: HubView, certificate: HubCertificate): string =>
  labelled([
    ['hub', `${hub.name} (${hub.host}:${hub.port})`],
    ['fingerprint', certificate.fingerprint],
    ['subject', certificate.subject],
    ['issuer', `${certificate.issuer}${certificate.selfSigned ? ' (self-signed)' : ''}`],
    ['valid', `${when(certificate.validFrom)} to ${when(certificate.validTo)}`],
  ]);

/** A file the engineer named that cannot be read or written is a usage error, said plainly. */
async function onFile<T>(
  file: string,
  verb: 'read' | 'write',
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new LicensingError('invalid_input', cli.fileUnusable({ verb, file, code }));
  }
}

/**
 * A refresh that failed is an error here: the shell sees the exit code of what went wrong. The
 * hub service's own wording is passed on as it came (its text when it has one).
 */
const throwIfFailed = (hub: HubView): void => {
  const error = hub.lastError;
  if (error) throw new LicensingError(error.code, error.text ?? error.message);
};

async function addHub(
  hubs: HubService,
  args: HubCliArgs,
  password: () => Promise<string>,
): Promise<HubOutput> {
  const draft = hubDraftSchema.safeParse({
    name: need(args.name, '--name NAME'),
    host: need(args.host, '--host HOST'),
    hid: need(args.hid, '--hid HID'),
    username: need(args.username, '--username NAME'),
    site: args.site,
    scheme: args.scheme,
    port: args.port,
    basePath: args.basePath,
    lan: args.lan,
    password: await password(),
  });
  if (!draft.success) {
    throw new LicensingError(
      'invalid_input',
      cli.hubOptions({
        issues: draft.error.issues
          .map((issue) => `--${issue.path.join('.')}: ${issue.message}`)
          .join('; '),
      }),
    );
  }
  const hub = await hubs.add(draft.data);
  const next =
    hub.scheme === 'https' ? `; next: \`hub trust ${hub.hid}\` to review its certificate` : '';
  return { value: hub, text: `added ${hub.name} (hid ${hub.hid}, id ${hub.id})${next}` };
}

async function refreshFleet(hubs: HubService, args: HubCliArgs): Promise<HubOutput> {
  const took = new Map<string, number>();
  const list = await hubs.refresh({
    concurrency: args.concurrency,
    onHubDone: (id, elapsedMs) => took.set(id, elapsedMs),
  });
  const failures = list.hubs.filter((hub) => hub.lastError);
  const slowest = [...took].sort((a, b) => b[1] - a[1])[0];
  const slowHub = list.hubs.find((hub) => hub.id === slowest?.[0]);
  const value = {
    total: list.hubs.length,
    ok: list.hubs.length - failures.length,
    failed: failures.length,
    slowest:
      slowHub && slowest
        ? { id: slowHub.id, name: slowHub.name, hid: slowHub.hid, ms: slowest[1] }
        : undefined,
    failures: failures.map((hub) => ({
      id: hub.id,
      name: hub.name,
      site: hub.site,
      hid: hub.hid,
      error: hub.lastError,
    })),
    progress: list.progress,
  };
  const lines = [
    `${value.total} hubs, ${value.ok} ok, ${value.failed} failed${value.slowest ? `, slowest ${value.slowest.name} (${(value.slowest.ms / 1000).toFixed(1)} s)` : ''}`,
  ];
  if (failures.length > 0) {
    lines.push(
      table(
        ['SITE', 'NAME', 'HID', 'ERROR'],
        failures.map((hub) => [
          hub.site || '-',
          hub.name,
          hub.hid,
          `${hub.lastError?.code}: ${hub.lastError?.message}`,
        ]),
      ),
    );
  }
  return { value, text: lines.join('\n') };
}

async function trustHub(hubs: HubService, ref: string, args: HubCliArgs): Promise<HubOutput> {
  const hub = hubs.find(ref);
  if (args.fingerprint !== undefined) {
    const trusted = await hubs.trust(hub.id, args.fingerprint);
    return {
      value: trusted,
      text: `trusted the certificate ${trusted.tlsFingerprint} for ${trusted.name}`,
    };
  }
  const certificate = await hubs.certificate(hub.id);
  const details = formatCertificate(hub, certificate);
  if (certificate.pinned) return { value: certificate, text: `${details}\nalready trusted` };
  return {
    value: certificate,
    // --fingerprint=…: the installed app's --cli on Windows stops at a word like "AB:CD:…" that
    // has more words after it (Electron takes it for a link: CVE-2018-1000006); glued, it is not.
    text: `${details}\n\nNot trusted yet. Compare the fingerprint with the one the hub shows on its own screen, then run:\n  license-manager hub trust ${hub.hid} --fingerprint=${certificate.fingerprint}`,
    exitCode: EXIT.refused,
  };
}

/**
 * `license-manager hub …`: the engineer's MobiusFlow fleet from the command line. `password` is
 * read by the caller from --password-file or standard input (only `hub add` asks for it).
 */
export async function runHub(
  hubs: HubService,
  verb: string | undefined,
  rest: readonly string[],
  args: HubCliArgs,
  password: () => Promise<string>,
): Promise<HubOutput> {
  const [first, second] = rest;
  switch (verb) {
    case 'list': {
      const list = hubs.list();
      return { value: list, text: formatList(list) };
    }
    case 'add':
      return addHub(hubs, args, password);
    case 'get': {
      const hub = hubs.find(need(first ?? args.hid, 'the hub: hub get HID'));
      const refreshed =
        (await hubs.refresh({ ids: [hub.id] })).hubs.find((item) => item.id === hub.id) ?? hub;
      throwIfFailed(refreshed);
      if (!refreshed.licence)
        throw new LicensingError('protocol', cli.hubNoLicence({ hub: hub.name }));
      return { value: refreshed, text: formatLicence(refreshed, refreshed.licence) };
    }
    case 'set': {
      const hub = hubs.find(need(first, 'the hub and the code: hub set HID CODE'));
      const change = await hubs.setCode(hub.id, need(second, 'the licence code: hub set HID CODE'));
      const before = change.before
        ? `${labelled([['before', `${licenceSummary(change.before)} (${change.before.codeLabel})`]])}\n`
        : '';
      const warning = change.after.isValid
        ? ''
        : '\nwarning: the hub does not accept this code as valid; check it with the licence issuer.';
      return {
        value: change,
        text: `${before}${formatLicence(change.hub, change.after)}${warning}`,
      };
    }
    case 'refresh':
      return refreshFleet(hubs, args);
    case 'import': {
      const file = need(first, 'the file: hub import FILE');
      const result = await hubs.importCsv(await onFile(file, 'read', () => readFile(file, 'utf8')));
      const rejected = result.rejected.map((reject) => `  line ${reject.line}: ${reject.message}`);
      const text = [
        `${result.added} added, ${result.updated} updated, ${result.rejected.length} rejected`,
        ...rejected,
      ];
      return { value: result, text: text.join('\n') };
    }
    case 'export':
    case 'report': {
      const file = need(first, `the file: hub ${verb} FILE`);
      const csv = verb === 'export' ? hubs.exportCsv() : hubs.reportCsv();
      // The inventory names customers' sites and accounts: owner-only, like the state files.
      await onFile(file, 'write', () => writeFile(file, csv, { mode: 0o600 }));
      const count = hubs.list().hubs.length;
      return { value: { file, hubs: count }, text: `wrote ${count} hubs to ${file}` };
    }
    case 'trust':
      return trustHub(hubs, need(first ?? args.hid, 'the hub: hub trust HID'), args);
    default:
      throw new LicensingError('invalid_input', cli.useOneOf({ usage: VERBS }));
  }
}
