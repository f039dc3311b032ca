import type { z } from 'zod';
import { hubDraftSchema, type HubDraft, type HubView } from '../../../../shared/hubs-model';
import { issuesAsTexts, issueWording } from '../../../../shared/issue-text';
import { say } from '../error-text';
import { hubsWords as words } from './hubs-words';

/**
 * The add / edit form of a hub: what it holds, how an existing hub fills it, and its check against
 * the contract's own schema: the schema's words (and zod's), as the core says them.
 */

/** The form's fields in screen order: the first with a problem gets the focus. */
export const HUB_FIELDS = [
  'name',
  'site',
  'scheme',
  'host',
  'port',
  'basePath',
  'hid',
  'lan',
  'username',
  'password',
] as const;
export type HubField = (typeof HUB_FIELDS)[number];

/** What the form holds: text as typed, so a half-typed port is not lost to a number parse. */
export interface HubFormValues {
  readonly name: string;
  readonly site: string;
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: string;
  readonly basePath: string;
  readonly hid: string;
  readonly lan: boolean;
  readonly username: string;
  readonly password: string;
}

export const EMPTY_HUB_FORM: HubFormValues = {
  name: '',
  site: '',
  scheme: 'https',
  host: '',
  port: '8443',
  basePath: '',
  hid: '',
  lan: false,
  username: '',
  password: '',
};

/** An existing hub in the form; the password stays empty ("leave blank to keep"). */
export function formFromHub(hub: HubView): HubFormValues {
  return {
    name: hub.name,
    site: hub.site,
    scheme: hub.scheme,
    host: hub.host,
    port: String(hub.port),
    basePath: hub.basePath,
    hid: hub.hid,
    lan: hub.lan,
    username: hub.username,
    password: '',
  };
}

export type HubFormCheck =
  | { readonly ok: true; readonly draft: HubDraft }
  | { readonly ok: false; readonly problems: Partial<Readonly<Record<HubField, string>>> };

/** "give the hub a name" → "Give the hub a name.": the contract's messages, as sentences. */
function sentence(message: string): string {
  const text = message.trim();
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function isHubField(value: unknown): value is HubField {
  return typeof value === 'string' && (HUB_FIELDS as readonly string[]).includes(value);
}

/**
 * One issue the contract's schema found, as a sentence in the active language: the draft schema's
 * own words (a missing name, a malformed host) or zod's (a field too long), as texts of the core's
 * catalogues, so the form and a refused CSV line say the same thing.
 */
const schemaProblem = (issue: z.core.$ZodIssue): string => sentence(say(issueWording(issue)));

/**
 * Checks the form against the contract's own schema (so the screen and the core never disagree),
 * with one message per field. On add a password is required; on edit an empty one keeps the stored.
 */
export function checkHubForm(values: HubFormValues, mode: 'add' | 'edit'): HubFormCheck {
  const form = words().form;
  const problems: Partial<Record<HubField, string>> = {};
  const portText = values.port.trim();
  const port = portText === '' ? undefined : Number(portText);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_535)) {
    problems.port = form.port;
  }
  // The contract says this too, but only once every other field parses; said here, it shows at once.
  if (values.scheme === 'http' && !values.lan) {
    problems.scheme = form.httpOffLan;
  }
  if (mode === 'add' && values.password.length === 0) {
    problems.password = form.passwordMissing;
  }
  const draft: HubDraft = {
    name: values.name,
    site: values.site,
    scheme: values.scheme,
    host: values.host,
    ...(port !== undefined && problems.port === undefined ? { port } : {}),
    basePath: values.basePath,
    hid: values.hid,
    lan: values.lan,
    username: values.username,
    ...(values.password.length > 0 ? { password: values.password } : {}),
  };
  const parsed = hubDraftSchema.safeParse(draft, issuesAsTexts);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isHubField(field) && problems[field] === undefined) {
        problems[field] = schemaProblem(issue);
      }
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, draft };
}

/** The first field, in screen order, that has a problem. */
export function firstProblemField(
  problems: Partial<Readonly<Record<HubField, string>>>,
): HubField | undefined {
  return HUB_FIELDS.find((field) => problems[field] !== undefined);
}
