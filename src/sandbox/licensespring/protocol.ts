import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson, type Handler } from '../http-util';
import { activate, check, deactivate } from './activation-ops';
import { authenticate } from './auth';
import { Refusal, refuse, type Call, type LsContext, type Params } from './call';
import { addFeatureConsumption, addLicenceConsumption, checkFeature } from './feature-ops';
import { borrow, borrowFeature, release, releaseFeature } from './floating-ops';
import { TOKEN_PATH, tokenRoute, type TokenStore } from './oauth';
import { productDetailsOp, trialKey } from './product-ops';
import type { Tamper } from './tamper';
import { lsError, oauthError, type Reply } from './wire';

/**
 * The HTTP surface: the OAuth token endpoint and the License API routes under /api/v4/. Order on
 * a licence route: path (404) -> method (405) -> auth (Date, HMAC or Bearer) -> parameters
 * (query for GET, JSON body for POST) -> the operation. Every JSON reply of a licence route,
 * errors included, carries a LicenseSignature over its exact bytes, except the deactivation
 * string and the empty release replies (contract 5.4).
 */

export const API_PREFIX = '/api/v4/';

interface Route {
  readonly method: 'GET' | 'POST';
  readonly run: (call: Call) => Reply;
}

const ROUTES: Readonly<Record<string, Route>> = {
  activate_license: { method: 'POST', run: activate },
  check_license: { method: 'GET', run: check },
  deactivate_license: { method: 'POST', run: deactivate },
  check_license_feature: { method: 'GET', run: checkFeature },
  add_consumption: { method: 'POST', run: addLicenceConsumption },
  add_feature_consumption: { method: 'POST', run: addFeatureConsumption },
  'floating/release': { method: 'POST', run: release },
  'floating/borrow': { method: 'POST', run: borrow },
  'floating/feature_release': { method: 'POST', run: releaseFeature },
  'floating/feature_borrow': { method: 'POST', run: borrowFeature },
  product_details: { method: 'GET', run: productDetailsOp },
  trial_key: { method: 'GET', run: trialKey },
};

export interface ProtocolOptions {
  readonly ctx: LsContext;
  readonly clock: { now(): number };
  readonly tokens: TokenStore;
  readonly tamper: Tamper;
}

/** A POST body: JSON object, or nothing at all (then every parameter counts as missing). */
async function bodyParams(req: IncomingMessage): Promise<Params> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) refuse('payload_too_large', error.message);
    throw error;
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse('invalid_json', 'The request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse('validation_error', 'The request body must be a JSON object');
  }
  return value as Params;
}

async function answer(options: ProtocolOptions, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const method = req.method ?? 'GET';
  const now = options.clock.now();
  if (url.pathname === TOKEN_PATH) {
    if (method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST');
    return tokenRoute(req, options.ctx.state.seed, options.tokens, now);
  }
  const name = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : '';
  const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) return lsError('not_found', `No route ${method} ${url.pathname}`);
  if (method !== route.method) {
    return lsError('method_not_allowed', `${url.pathname} accepts ${route.method} only`, {
      allow: route.method,
    });
  }
  const principal = authenticate(
    req,
    { seed: options.ctx.state.seed, tokens: options.tokens },
    now,
  );
  const params =
    route.method === 'GET' ? Object.fromEntries(url.searchParams) : await bodyParams(req);
  return route.run({ ctx: options.ctx, principal, params, now });
}

function send(res: ServerResponse, reply: Reply, options: ProtocolOptions): void {
  if (res.headersSent || res.destroyed) return;
  // The Date header tells clients the server's time (clock-skew checks): it must follow the
  // injected clock, or a test's manual clock would disagree with the server's own answers.
  res.sendDate = false;
  res.setHeader('date', new Date(options.clock.now()).toUTCString());
  if (reply.kind === 'empty') {
    res.writeHead(reply.status, { 'content-length': '0' });
    res.end();
    return;
  }
  if (!reply.signed) return sendJson(res, reply.status, reply.body, reply.headers);
  const signer = options.ctx.signer;
  const signed =
    reply.status === 200
      ? options.tamper.forge(reply.body, signer)
      : { body: reply.body, signature: signer.v2(JSON.stringify(reply.body)) };
  // sendJson writes JSON.stringify(body): the very bytes just signed (unless forged on purpose).
  sendJson(res, reply.status, signed.body, {
    ...reply.headers,
    LicenseSignature: signed.signature,
  });
}

export function createLicenseSpringProtocol(options: ProtocolOptions): Handler {
  return async (req, res) => {
    let reply: Reply;
    try {
      reply = await answer(options, req);
    } catch (error) {
      if (error instanceof Refusal) reply = error.reply;
      else {
        // Caught here rather than by the shared `guarded` so even a sandbox bug keeps the envelope.
        const message = error instanceof Error ? error.message : String(error);
        reply = lsError('internal_error', `Sandbox bug: ${message}`);
      }
    }
    send(res, reply, options);
  };
}
