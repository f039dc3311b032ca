import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Checks HTTP exchanges against FLECS's published OpenAPI 3.0 description
 * (shared/backends/flecs-openapi.yaml), for both sides of the protocol: sandbox tests check what
 * the sandbox answers, FLECS adapter tests check what the adapter sends.
 *
 *   checkRequest('POST', '/api/v2/device/license/validate', { headers, body })       -> string[]
 *   checkResponse('POST', '/api/v2/device/license/validate', 200, { headers, body }) -> string[]
 *
 * `createOpenApiChecker(doc)` gives the same pair for any other OpenAPI 3.0 document.
 * [] means valid; each problem is one readable line. An unknown path, method or status is a
 * problem. Checked: header/path/query parameters (required ones present, values match), the JSON
 * body (a body where none is described, or one without a JSON Content-Type, is a problem), the
 * response's declared headers. A header whose schema is not a string (the JSON `X-Session-Id`
 * response header) is parsed as JSON first.
 * Deviations from OpenAPI 3.0, on purpose: an `Authorization` header parameter is checked (3.0
 * says to ignore it, but it is FLECS's only declaration of the Bearer token), and patterns stay
 * unanchored as in JSON Schema ("Bearer .+" matches anywhere). Dialect handled: local `$ref`,
 * `nullable`, formats int16/int32/int64/float/double and those of ajv-formats.
 */

/** A fetch `Headers` object or a plain record; names are matched case-insensitively. */
export type HeaderBag = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface HttpMessage {
  readonly headers?: HeaderBag;
  /** The parsed JSON body; `undefined` means no body at all. */
  readonly body?: unknown;
}

/** A verbatim copy of the vendor's file (test/fixtures/README.md), so a plain clone runs the suites. */
export const FLECS_OPENAPI_PATH = join(__dirname, '../fixtures/flecs-openapi.yaml');

type Node = Record<string, unknown>;

interface ValueCheck {
  readonly name: string;
  readonly where: 'header' | 'query' | 'path';
  readonly required: boolean;
  /** Parse the text as JSON first (headers with a non-string schema) or as a number. */
  readonly as: 'json' | 'number' | 'text';
  readonly validate: ValidateFunction;
}

interface Content {
  readonly required: boolean;
  /** Media type (lower-case) -> validator; undefined when the description gives no schema. */
  readonly media: ReadonlyMap<string, ValidateFunction | undefined>;
}

interface Operation {
  readonly label: string;
  readonly parameters: readonly ValueCheck[];
  readonly body: Content | undefined;
  readonly responses: ReadonlyMap<string, { headers: ValueCheck[]; content?: Content }>;
}

interface PathSpec {
  readonly template: string;
  readonly regex: RegExp;
  readonly names: readonly string[];
  readonly operations: ReadonlyMap<string, Operation>;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const entriesOf = (value: unknown): [string, unknown][] =>
  isNode(value) ? Object.entries(value) : [];

/** Follows local `$ref`s ("#/components/..."); the file has no remote ones. */
function deref(doc: Node, node: unknown, seen: readonly string[] = []): unknown {
  if (!isNode(node) || typeof node.$ref !== 'string') return node;
  const ref = node.$ref;
  if (!ref.startsWith('#/') || seen.includes(ref)) throw new Error(`Unsupported $ref ${ref}`);
  const target = ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, part) => (isNode(at) ? at[part] : undefined), doc);
  return deref(doc, target, [...seen, ref]);
}

const SUBSCHEMA = new Set(['items', 'additionalProperties', 'not']);
const SUBSCHEMA_MAP = new Set(['properties', 'patternProperties']);
const SUBSCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf']);

/**
 * OpenAPI 3.0 schema -> JSON Schema for ajv: `$ref`s inlined (the FLECS file has no recursion) and
 * `nullable: true` turned into a null type. Walks only schema positions, so a property that
 * happens to be called "nullable" is left alone.
 */
function toJsonSchema(doc: Node, raw: unknown, seen: readonly string[] = []): unknown {
  if (isNode(raw) && typeof raw.$ref === 'string') {
    if (seen.includes(raw.$ref)) throw new Error(`Recursive schema ${raw.$ref} is not supported`);
    return toJsonSchema(doc, deref(doc, raw), [...seen, raw.$ref]);
  }
  if (!isNode(raw)) return raw;
  const walk = (sub: unknown) => toJsonSchema(doc, sub, seen);
  const out: Node = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'nullable') continue;
    if (SUBSCHEMA.has(key) && isNode(value)) out[key] = walk(value);
    else if (SUBSCHEMA_MAP.has(key) && isNode(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    } else if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) out[key] = value.map(walk);
    else out[key] = value;
  }
  if (raw.nullable !== true) return out;
  if (typeof out.type !== 'string') return { anyOf: [out, { type: 'null' }] };
  const nullable: Node = { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.enum)) nullable.enum = [...(out.enum as unknown[]), null];
  return nullable;
}

function compileSpec(doc: Node): PathSpec[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int16', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -32768 && n <= 32767,
  });
  const compile = (schema: unknown) => ajv.compile(toJsonSchema(doc, schema ?? {}) as Node);

  const valueCheck = (raw: unknown, name?: string, where?: 'header'): ValueCheck | undefined => {
    const param = deref(doc, raw);
    if (!isNode(param) || param.in === 'cookie') return undefined;
    const at = where ?? (param.in === 'header' || param.in === 'path' ? param.in : 'query');
    const schema = deref(doc, param.schema);
    const type = isNode(schema) ? schema.type : undefined;
    return {
      name: name ?? String(param.name),
      where: at,
      required: param.required === true || at === 'path',
      as:
        at === 'header' && type !== undefined && type !== 'string'
          ? 'json'
          : type === 'integer' || type === 'number'
            ? 'number'
            : 'text',
      validate: compile(param.schema),
    };
  };
  const content = (raw: unknown, required: boolean): Content | undefined => {
    const node = deref(doc, raw);
    if (!isNode(node) || !isNode(node.content)) return undefined;
    const media = entriesOf(node.content).map(([type, entry]) => {
      const schema = isNode(entry) ? entry.schema : undefined;
      return [type.toLowerCase(), schema === undefined ? undefined : compile(schema)] as const;
    });
    return { required, media: new Map(media) };
  };
  const defined = <T>(list: (T | undefined)[]): T[] => list.filter((x): x is T => x !== undefined);

  return entriesOf(doc.paths).map(([template, item]) => {
    const operations = new Map<string, Operation>();
    for (const [method, op] of entriesOf(item)) {
      if (method === 'parameters' || !isNode(op)) continue;
      const params = [item, op].flatMap((n) =>
        isNode(n) && Array.isArray(n.parameters) ? n.parameters : [],
      );
      // Operation-level parameters override path-level ones of the same name and location.
      const byKey = new Map(
        defined(params.map((p) => valueCheck(p))).map((c) => [
          `${c.where}:${c.name.toLowerCase()}`,
          c,
        ]),
      );
      const responses = entriesOf(op.responses).map(([status, raw]) => {
        const response = deref(doc, raw);
        const headers = defined(
          entriesOf(isNode(response) ? response.headers : undefined).map(([name, header]) =>
            valueCheck(header, name, 'header'),
          ),
        );
        return [status.toUpperCase(), { headers, content: content(response, true) }] as const;
      });
      const body = deref(doc, op.requestBody);
      operations.set(method.toUpperCase(), {
        label: `${method.toUpperCase()} ${template}`,
        parameters: [...byKey.values()],
        body: content(body, isNode(body) && body.required === true),
        responses: new Map(responses),
      });
    }
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const source = template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('([^/]+)');
    return { template, regex: new RegExp(`^${source}$`), names, operations };
  });
}

function headerOf(bag: HeaderBag | undefined, name: string): string | undefined {
  if (bag instanceof Headers) return bag.get(name) ?? undefined;
  const value = entriesOf(bag).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(value) ? value.join(', ') : (value as string | undefined);
}

function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    return `${where}${e.instancePath}: ${e.message ?? e.keyword}${extra}`;
  });
}

type Located = { op: Operation; params: Record<string, string>; query: URLSearchParams };

function locate(paths: readonly PathSpec[], method: string, target: string): Located | string {
  const url = new URL(target, 'http://openapi.invalid');
  // A literal segment beats a template (/a/b before /a/{x}), as OpenAPI requires.
  const path = paths
    .filter((p) => p.regex.test(url.pathname))
    .sort((a, b) => a.names.length - b.names.length)[0];
  if (!path) return `no path of the OpenAPI description matches ${url.pathname}`;
  const op = path.operations.get(method.toUpperCase());
  if (!op) {
    const known = [...path.operations.keys()].join(', ');
    return `${method.toUpperCase()} is not described for ${path.template} (only ${known})`;
  }
  const values = path.regex.exec(url.pathname)?.slice(1) ?? [];
  const params = Object.fromEntries(
    path.names.map((n, i) => [n, decodeURIComponent(values[i] ?? '')]),
  );
  return { op, params, query: url.searchParams };
}

function checkValue(check: ValueCheck, raw: string | undefined, label: string): string[] {
  const what = `${label} ${check.name}`;
  if (raw === undefined) return check.required ? [`${what} is required but missing`] : [];
  let value: unknown = raw;
  if (check.as === 'json') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return [`${what} must be JSON, got ${JSON.stringify(raw)}`];
    }
  } else if (check.as === 'number' && raw.trim() !== '' && !Number.isNaN(Number(raw))) {
    value = Number(raw);
  }
  return check.validate(value) ? [] : describeErrors(what, check.validate.errors);
}

function checkContent(content: Content | undefined, message: HttpMessage, what: string): string[] {
  if (message.body === undefined) return content?.required ? [`${what} has no body`] : [];
  if (!content) return [`${what} has a body, but the description gives it none`];
  const mediaType = headerOf(message.headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === undefined) return [`${what} has a body but no Content-Type`];
  if (!content.media.has(mediaType)) {
    return [`${what} has Content-Type ${mediaType}, not ${[...content.media.keys()].join(' or ')}`];
  }
  const validate = content.media.get(mediaType);
  return !validate || validate(message.body) ? [] : describeErrors(`${what} body`, validate.errors);
}

function requestProblems(
  paths: readonly PathSpec[],
  method: string,
  path: string,
  message: HttpMessage,
): string[] {
  const found = locate(paths, method, path);
  if (typeof found === 'string') return [found];
  const value = (check: ValueCheck): string | undefined => {
    if (check.where === 'header') return headerOf(message.headers, check.name);
    if (check.where === 'path') return found.params[check.name];
    return found.query.get(check.name) ?? undefined;
  };
  return [
    ...found.op.parameters.flatMap((check) =>
      checkValue(check, value(check), `${check.where} parameter`),
    ),
    ...checkContent(found.op.body, message, `request of ${found.op.label}`),
  ];
}

function responseProblems(
  paths: readonly PathSpec[],
  method: string,
  path: string,
  status: number,
  message: HttpMessage,
): string[] {
  const found = locate(paths, method, path);
  if (typeof found === 'string') return [found];
  const { responses, label } = found.op;
  const response =
    responses.get(String(status)) ??
    responses.get(`${String(status).charAt(0)}XX`) ??
    responses.get('DEFAULT');
  if (!response) {
    const known = [...responses.keys()].join(', ');
    return [`status ${status} is not described for ${label} (only ${known})`];
  }
  return [
    ...response.headers.flatMap((check) =>
      checkValue(check, headerOf(message.headers, check.name), 'response header'),
    ),
    ...checkContent(response.content, message, `${status} response of ${label}`),
  ];
}

export interface OpenApiChecker {
  /** Problems with a request a client sends; [] when it matches the description. */
  checkRequest(method: string, path: string, message?: HttpMessage): string[];
  /** Problems with a response a server sends; [] when it matches the description. */
  checkResponse(method: string, path: string, status: number, message?: HttpMessage): string[];
}

/** A checker for any OpenAPI 3.0 document (already parsed from YAML or JSON). */
export function createOpenApiChecker(doc: unknown): OpenApiChecker {
  const paths = compileSpec(isNode(doc) ? doc : {});
  return {
    checkRequest: (method, path, message = {}) => requestProblems(paths, method, path, message),
    checkResponse: (method, path, status, message = {}) =>
      responseProblems(paths, method, path, status, message),
  };
}

let flecs: OpenApiChecker | undefined;
/** FLECS's description, parsed and compiled once per test process. */
const flecsChecker = (): OpenApiChecker =>
  (flecs ??= createOpenApiChecker(parse(readFileSync(FLECS_OPENAPI_PATH, 'utf8'))));

/** Problems with a request to the FLECS console; [] when it matches flecs-openapi.yaml. */
export function checkRequest(method: string, path: string, message: HttpMessage = {}): string[] {
  return flecsChecker().checkRequest(method, path, message);
}

/** Problems with a response of the FLECS console; [] when it matches flecs-openapi.yaml. */
export function checkResponse(
  method: string,
  path: string,
  status: number,
  message: HttpMessage = {},
): string[] {
  return flecsChecker().checkResponse(method, path, status, message);
}

export interface CheckedExchange {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON; undefined for an empty body; the raw text when it is not JSON. */
  readonly body: unknown;
  /** Request problems prefixed "request: ", response problems "response: "; [] when both fit. */
  readonly problems: string[];
}

/**
 * Sends one request to a FLECS console (real or sandbox) with fetch and checks both directions.
 * A `body` goes out as JSON with Content-Type application/json unless `headers` say otherwise.
 */
export async function fetchChecked(
  baseUrl: string,
  method: string,
  path: string,
  sent: { readonly headers?: Record<string, string>; readonly body?: unknown } = {},
): Promise<CheckedExchange> {
  const headers: Record<string, string> = {
    ...(sent.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...sent.headers,
  };
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(sent.body === undefined ? {} : { body: JSON.stringify(sent.body) }),
  });
  const text = await res.text();
  let body: unknown = text === '' ? undefined : text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // kept as text: checkResponse then reports it against the JSON schema
  }
  const problems = [
    ...checkRequest(method, path, { headers, body: sent.body }).map((p) => `request: ${p}`),
    ...checkResponse(method, path, res.status, { headers: res.headers, body }).map(
      (p) => `response: ${p}`,
    ),
  ];
  return { status: res.status, headers: res.headers, body, problems };
}
