import { randomUUID } from 'node:crypto';
import { hubDraftSchema, type ParsedHubDraft } from '../../shared/hubs-model';
import { issuesAsTexts } from '../../shared/issue-text';
import { hubs } from '../../shared/texts/hubs.en';
import { LicensingError } from '../licensing/licensing-error';
import { readInventoryCsv } from './hub-csv';
import { hubName, matchKey, type HubRecord } from './hub-records';
import { draftProblems, said } from './hub-problems';
import type { LineProblem } from './csv';

/**
 * What adding, editing and importing hubs does to their records, apart from files and secrets:
 * drafts are checked again here (the CLI and IPC both parse them, but the rule that plain http
 * needs a LAN hub is a security rule, so the service enforces it itself).
 */

export function checkDraft(input: ParsedHubDraft): ParsedHubDraft {
  const parsed = hubDraftSchema.safeParse(input, issuesAsTexts);
  if (parsed.success) return parsed.data;
  throw new LicensingError(
    'invalid_input',
    draftProblems(parsed.error.issues, (issue) => issue.path.join('.')),
  );
}

export const passwordRequired = (): LicensingError =>
  new LicensingError('invalid_input', hubs.passwordRequired());

export function newRecord(draft: ParsedHubDraft, id: string = randomUUID()): HubRecord {
  return {
    id,
    name: draft.name,
    site: draft.site,
    scheme: draft.scheme,
    host: draft.host,
    port: draft.port,
    basePath: draft.basePath,
    hid: draft.hid,
    lan: draft.lan,
    username: draft.username,
    hasPassword: draft.password !== undefined,
  };
}

/** What an edit invalidates: the pin when the hub moved, tokens when the session changed. */
export interface DraftEffect {
  readonly moved: boolean;
  readonly sessionChanged: boolean;
  /** Another hub id: the licence on record belonged to another hub. */
  readonly otherHub: boolean;
}

export function applyDraft(record: HubRecord, draft: ParsedHubDraft): DraftEffect {
  const moved =
    record.scheme !== draft.scheme ||
    record.host.toLowerCase() !== draft.host.toLowerCase() ||
    record.port !== draft.port;
  const otherHub = record.hid.toLowerCase() !== draft.hid.toLowerCase();
  const sessionChanged =
    moved ||
    otherHub ||
    record.basePath !== draft.basePath ||
    record.username !== draft.username ||
    draft.password !== undefined;
  Object.assign(record, newRecord(draft, record.id), {
    hasPassword: record.hasPassword || draft.password !== undefined,
  });
  // What a draft does not carry (pin, licence, last refresh) stays; clear what the edit made stale.
  if (moved) delete record.tlsFingerprint;
  if (otherHub) {
    delete record.licence;
    delete record.codeDigest;
    delete record.lastError;
    delete record.lastRefreshAt;
  }
  return { moved, sessionChanged, otherHub };
}

/** Refuses a draft that names a hub (same hid and host) already in the inventory as another record. */
export function checkNotDuplicate(
  records: readonly HubRecord[],
  draft: ParsedHubDraft,
  self?: string,
): void {
  const key = matchKey(draft);
  const twin = records.find((record) => record.id !== self && matchKey(record) === key);
  if (twin) {
    throw new LicensingError(
      'invalid_input',
      hubs.alreadyInInventory({ hid: draft.hid, host: draft.host, twin: hubName(twin) }),
    );
  }
}

export interface ImportPlan {
  readonly adds: readonly { line: number; draft: ParsedHubDraft; id: string }[];
  readonly updates: readonly { line: number; draft: ParsedHubDraft; id: string }[];
  readonly rejected: readonly LineProblem[];
}

/** Which lines add a hub, which update one (matched by hid and host), and which are refused. */
export function planImport(csv: string, records: readonly HubRecord[]): ImportPlan {
  const { lines, rejected: unreadable } = readInventoryCsv(csv);
  const existing = new Map(records.map((record) => [matchKey(record), record]));
  const firstLine = new Map<string, number>();
  const adds: { line: number; draft: ParsedHubDraft; id: string }[] = [];
  const updates: { line: number; draft: ParsedHubDraft; id: string }[] = [];
  const rejected = [...unreadable];
  for (const { line, draft } of lines) {
    const key = matchKey(draft);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      rejected.push({
        line,
        ...said(hubs.csvDuplicateLine({ hid: draft.hid, host: draft.host, line: earlier })),
      });
      continue;
    }
    firstLine.set(key, line);
    const match = existing.get(key);
    if (match) updates.push({ line, draft, id: match.id });
    else if (draft.password === undefined) {
      rejected.push({ line, ...said(hubs.csvNewHubPassword()) });
    } else adds.push({ line, draft, id: randomUUID() });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { adds, updates, rejected };
}
