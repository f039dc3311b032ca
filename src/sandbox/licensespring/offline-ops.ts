import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, pathnameOf, readBody, sendJson, type Handler } from '../http-util';
import { bindDevice, deactivate } from './activation-ops';
import { authenticate } from './auth';
import {
  optionalString,
  Refusal,
  refuse,
  requiredString,
  type Call,
  type LsContext,
  type Params,
  type Principal,
} from './call';
import { identify, type Identified } from './identity';
import type { TokenStore } from './oauth';
import type { LicenceRecord } from './state';
import { hmacBase64, requestSigningString, verifyRequestSignature } from './signatures';
import { lsError, type JsonObject, type Reply } from './wire';

/**
 * POST /api/v4/activate_offline and /api/v4/deactivate_offline (contract 5.6): what the vendor's
 * offline portal does with a request file. The body is the file's base64 text (or the multipart
 * field `file`); the file authenticates itself with its HMAC, so no Authorization header is
 * needed. Activation binds the device through the same code as activate_license and answers a
 * base64 licence file; deactivation frees it like deactivate_license. These routes sit in front
 * of the protocol handler because they read a text body and take their caller from the file,
 * and they answer with the same conventions: Date from the clock, JSON replies v2-signed.
 */

type Kind = 'activation' | 'deactivation';

const ROUTES: Readonly<Record<string, Kind>> = {
  '/api/v4/activate_offline': 'activation',
  '/api/v4/deactivate_offline': 'deactivation',
};

export interface OfflineOptions {
  readonly ctx: LsContext;
  readonly clock: { now(): number };
  readonly tokens: TokenStore;
}

/** A request file whose signature verified. */
interface RequestFile {
  /** Identity and device fields, read by identify() like a JSON body. */
  readonly fields: Params;
  readonly principal: Principal;
  /** The shared key or OAuth client secret that signed it; the answer is signed with it too. */
  readonly secret: string;
  /** The api_key or client_id named in it. */
  readonly signerId: string;
  readonly requestId: string | undefined;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `ddd MMM D YYYY HH:mm:ss [GMT]ZZ` in UTC, the SDK's offline date format. */
export function offlineDate(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()} ${time} GMT+0000`;
}

/** The older request form's signature and every answer's offline_signature cover this. */
const offlineSigningString = (date: string, id: string, hardwareId: string, signerId: string) =>
  [requestSigningString([['date', date]]), id, hardwareId, signerId].join('\n');

const isObject = (value: unknown): value is Params =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The base64 text: the body itself, or the `file` field of a multipart/form-data upload. */
async function fileText(req: IncomingMessage): Promise<string> {
  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) refuse('payload_too_large', error.message);
    throw error;
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return body;
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) refuse('validation_error', 'The multipart/form-data body names no boundary');
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0 && /;\s*name="file"/i.test(part.slice(0, split))) {
      return part.slice(split + 4).replace(/\r\n$/, '');
    }
  }
  return '';
}

/** Who signed the file: a known API key (shared key) or OAuth client (its secret). */
function signerOf(ctx: LsContext, fields: Params): Omit<RequestFile, 'fields' | 'requestId'> {
  const { seed } = ctx.state;
  const apiKey = optionalString(fields, 'api_key');
  const clientId = optionalString(fields, 'client_id');
  if (apiKey !== undefined) {
    const key = seed.apiKeys.find((k) => k.apiKey === apiKey);
    if (!key) refuse('invalid_api_key', 'The api_key of the request file is not valid');
    const principal: Principal = { kind: 'api-key', name: apiKey, products: key.products };
    return { principal, secret: seed.sharedKey, signerId: apiKey };
  }
  if (clientId !== undefined) {
    const client = seed.oauthClients.find((c) => c.clientId === clientId);
    if (!client) refuse('invalid_api_key', 'The client_id of the request file is not known');
    const principal: Principal = { kind: 'oauth', name: clientId, products: client.products };
    return { principal, secret: client.clientSecret, signerId: clientId };
  }
  refuse('missing_parameters', 'Some parameters are missing in the request: api_key or client_id');
}

/** Decodes and authenticates a request file in either form of contract 5.6. */
function readRequestFile(ctx: LsContext, text: string, kind: Kind): RequestFile {
  const base64 = text.replace(/\s+/g, '');
  if (base64 === '') refuse('missing_content', 'The request file is empty');
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('not base64');
    value = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    refuse('invalid_json', 'The request file is not base64-encoded JSON');
  }
  if (!isObject(value)) refuse('validation_error', 'The request file must hold a JSON object');
  const signature = requiredString(value, 'signature');
  // v2 (SDK >= 1.4): {request, signature}, the HMAC over JSON.stringify(request).
  const v2 = isObject(value.request);
  const fields = isObject(value.request) ? value.request : value;
  const signer = signerOf(ctx, fields);
  const signed = v2
    ? JSON.stringify(fields)
    : offlineSigningString(
        requiredString(fields, 'date'),
        optionalString(fields, 'license_key') ?? optionalString(fields, 'username') ?? '',
        optionalString(fields, 'hardware_id') ?? '',
        signer.signerId,
      );
  if (!verifyRequestSignature(signer.secret, signed, signature)) {
    refuse('signature_mismatch', 'The request file signature does not match its content');
  }
  if (v2 && fields.schema_version !== 2) {
    refuse('validation_error', 'The request file has an unsupported schema_version');
  }
  const asked = optionalString(fields, 'request');
  if ((v2 || asked !== undefined) && asked !== kind) {
    refuse('validation_error', `This route takes ${kind} request files, not "${asked ?? ''}"`);
  }
  return { fields, ...signer, requestId: optionalString(fields, 'request_id') };
}

/** Offline activation suits licences that need no server afterwards (contract 5.6). */
function checkOfflineAllowed(licence: LicenceRecord): void {
  const { terms } = licence;
  const why = licence.pool
    ? 'floating licenses need regular check-ins with the server'
    : !terms.isTrial && terms.licenseType !== 'perpetual' && terms.licenseType !== 'consumption'
      ? `only trial, perpetual and consumption licenses can be, not ${terms.licenseType} ones`
      : !terms.allowOfflineActivation
        ? 'the vendor does not allow it for this license'
        : undefined;
  if (why)
    refuse('offline_activation_not_allowed', `This license cannot be activated offline: ${why}`);
}

/** The licence file: the activation object + date, offline_signature and the inner v2 signature. */
function licenceFile(call: Call, file: RequestFile, found: Identified): string {
  const username = found.licence.user ? requiredString(file.fields, 'username') : undefined;
  const date = offlineDate(call.now);
  const id = found.licence.licenseKey ?? username ?? '';
  const body: JsonObject = {
    ...bindDevice(call, found),
    ...(username === undefined ? {} : { username }),
    date,
    offline_signature: hmacBase64(
      file.secret,
      offlineSigningString(date, id, found.hardwareId, file.signerId),
    ),
  };
  const { license_signature: _v1, ...signed } = body;
  const answer = { ...body, license_signature_v2: call.ctx.signer.v2(JSON.stringify(signed)) };
  return Buffer.from(JSON.stringify(answer), 'utf8').toString('base64');
}

type OfflineReply = Reply | { readonly kind: 'text'; readonly text: string };

export function withOfflineRoutes(options: OfflineOptions, next: Handler): Handler {
  const { ctx, clock } = options;
  const processed = new Set<string>();

  async function answer(req: IncomingMessage, kind: Kind, path: string): Promise<OfflineReply> {
    if (req.method !== 'POST') {
      return lsError('method_not_allowed', `${path} accepts POST only`, { allow: 'POST' });
    }
    const now = clock.now();
    // Optional here; when sent, it must hold like on any other route.
    if (req.headers.authorization !== undefined) {
      authenticate(req, { seed: ctx.state.seed, tokens: options.tokens }, now);
    }
    const file = readRequestFile(ctx, await fileText(req), kind);
    if (file.requestId !== undefined && processed.has(file.requestId)) {
      refuse('request_id_reused', 'This request file was already used; generate a new one');
    }
    const call: Call = { ctx, principal: file.principal, params: file.fields, now };
    let reply: OfflineReply;
    if (kind === 'deactivation') reply = deactivate(call);
    else {
      const found = identify(call, { password: file.fields.password !== undefined });
      checkOfflineAllowed(found.licence);
      reply = { kind: 'text', text: licenceFile(call, file, found) };
    }
    if (file.requestId !== undefined) processed.add(file.requestId);
    return reply;
  }

  function send(res: ServerResponse, reply: OfflineReply): void {
    if (res.headersSent || res.destroyed) return;
    res.sendDate = false;
    res.setHeader('date', new Date(clock.now()).toUTCString());
    if (reply.kind === 'text') {
      res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(Buffer.byteLength(reply.text)),
      });
      res.end(reply.text);
    } else if (reply.kind === 'json') {
      const signature: Record<string, string> = reply.signed
        ? { LicenseSignature: ctx.signer.v2(JSON.stringify(reply.body)) }
        : {};
      sendJson(res, reply.status, reply.body, { ...reply.headers, ...signature });
    } else {
      res.writeHead(reply.status, { 'content-length': '0' }).end();
    }
  }

  return async (req, res) => {
    const path = pathnameOf(req);
    const kind = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (kind === undefined) return next(req, res);
    let reply: OfflineReply;
    try {
      reply = await answer(req, kind, path);
    } catch (error) {
      // As in protocol.ts: even a sandbox bug keeps the {status, code, message} envelope.
      reply =
        error instanceof Refusal
          ? error.reply
          : lsError(
              'internal_error',
              `Sandbox bug: ${error instanceof Error ? error.message : String(error)}`,
            );
    }
    send(res, reply);
  };
}
