import { textsOf } from '../text';

/** Sentences every area composes with. */
export const commonEn = {
  /** Our sentence, then what the server said in its own words (quoted, never translated). */
  withServerText: (p: { message: string; server: string }) =>
    `${p.message} (The server said: "${p.server}")`,
  addressNotUrl: () => 'The licensing server address is not a valid URL. Check the configuration.',
  addressNotHttp: () =>
    'The licensing server address must start with http:// or https://. Check the configuration.',
  tooManyRequests: (p: { seconds?: number }) =>
    `The licensing server is receiving too many requests. Wait ${p.seconds === undefined ? 'a minute' : `${p.seconds} seconds`} and try again.`,
  serverGaveUp: (p: { host: string }) =>
    `The licensing server at ${p.host} gave up waiting for the request. Try again.`,
  serverTrouble: (p: { status: number }) =>
    `The licensing server had a problem (HTTP ${p.status}). Try again in a few minutes.`,
  noLicensingService: (p: { host: string }) =>
    `The server at ${p.host} does not offer the licensing service (HTTP 404). Check the server address in the configuration.`,
  redirected: (p: { host: string; status: number }) =>
    `The server at ${p.host} redirected the request (HTTP ${p.status}). Check the server address in the configuration (http vs https).`,
  unexpectedStatus: (p: { host: string; status: number }) =>
    `The licensing server at ${p.host} gave an answer this app does not understand (HTTP ${p.status}).`,
  replyNotUnderstood: (p: { host: string; mismatch: string }) =>
    `The licensing server at ${p.host} sent a reply this app does not understand (${p.mismatch}). Check the server address in the configuration; if it is right, the server may run a version this app does not support: contact the vendor.`,
  replyEmpty: () => 'the reply was empty',
  replyWebPage: () =>
    'a web page instead of data: a captive portal, proxy or wrong address may be in the way',
  replyPlainText: () => 'plain text instead of data',
  replyNotObject: () => 'expected an object',
  replyShape: () => 'unexpected shape',
  /** Which field did not fit and what is wrong with it (zod's words, as a text: see zod-text.ts). */
  replyField: (p: { field: string; problem: string }) => `${p.field || 'reply'}: ${p.problem}`,
};

export const common = textsOf('common', commonEn);
