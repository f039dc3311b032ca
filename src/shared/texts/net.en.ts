import { textsOf } from '../text';

/**
 * The network's words: what a transport failure, a proxy or the request channel to main means and
 * what to do. Every adapter's failures end here, so the English is the CLI's and the tests'.
 * Messages name the host only, never a path, header or body.
 */

/** A wait as the network messages write it: "1 second", "2.5 seconds". */
const inSeconds = (seconds: number): string => {
  if (seconds === 1) return '1 second';
  const shown =
    typeof seconds === 'number' && !Number.isInteger(seconds) ? seconds.toFixed(1) : seconds;
  return `${shown} seconds`;
};

const WHERE_SET = 'the proxy setting (HTTPS_PROXY / HTTP_PROXY, or this computer’s proxy settings)';

/** A SOCKS proxy's reply codes (RFC 1928; 91 is SOCKS4's "rejected or failed"). */
const SOCKS_REPLIES: Readonly<Record<number, string>> = {
  1: 'general failure',
  2: 'not allowed by its rules',
  3: 'network unreachable',
  4: 'host unreachable',
  5: 'connection refused',
  6: 'timed out',
  7: 'command not supported',
  8: 'address type not supported',
  91: 'rejected or failed',
};

const socksReply = (reply: number): string =>
  `SOCKS reply ${reply}: ${SOCKS_REPLIES[reply] ?? 'unknown'}`;

const PROXY_UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused the connection',
  ENOTFOUND: 'could not be found (DNS)',
  EAI_AGAIN: 'could not be looked up (DNS)',
  EHOSTUNREACH: 'has no network route',
  ENETUNREACH: 'has no network route',
  ECONNRESET: 'closed the connection before answering',
};

/**
 * A proxy's "no" in two parts, what happened and what to do: the connection test shows them
 * apart (diagnostics/words.en.ts), an error joins them into one message.
 */
export const proxyPartsEn = {
  proxyAsksCredentials: (p: { proxy: string }) => ({
    problem: `The proxy ${p.proxy} asks for a user name and password (407 Proxy Authentication Required)`,
    fix: 'Put them in the proxy address (http://user:password@host:port in HTTPS_PROXY), or ask IT to let this computer through',
  }),
  /** Negotiate (Kerberos) or NTLM: the logged-on user's sign-in, which only Chromium's stack does. */
  proxyAsksWindowsSignIn: (p: { proxy: string }) => ({
    problem: `The proxy ${p.proxy} asks for Windows sign-in (Negotiate or NTLM, 407 Proxy Authentication Required)`,
    fix: 'The app signs in to it as you, through this computer’s own network stack; this command line cannot: use the installed app’s --cli, or put a user name and password the proxy accepts in the proxy address (http://user:password@host:port in HTTPS_PROXY)',
  }),
  proxyCannotReachServer: (p: { proxy: string; target: string; status: number }) => ({
    problem: `The proxy ${p.proxy} could not reach ${p.target} (${p.status})`,
    fix: 'Check the server address; the server may be down, or the proxy cannot resolve its name',
  }),
  proxyRefusedServer: (p: { proxy: string; target: string; status: number }) => ({
    problem: `The proxy ${p.proxy} refused to connect to ${p.target} (${p.status})`,
    fix: 'Ask IT to allow this address through the proxy, or list it in NO_PROXY if it is inside your network',
  }),
  proxyTimedOut: (p: { proxy: string }) => ({
    problem: `The proxy ${p.proxy} did not answer in time`,
    fix: `Check ${WHERE_SET}; the proxy may be down or a firewall may be dropping the connection`,
  }),
  proxyUnreachable: (p: { proxy: string; socketCode: string }) => ({
    problem: `The proxy ${p.proxy} ${PROXY_UNREACHABLE[p.socketCode] ?? `cannot be reached (${p.socketCode})`}`,
    fix: `Check ${WHERE_SET}, and that the proxy is running`,
  }),
  /** An HTTPS proxy: TLS with the proxy itself failed; `code` is Node's (proxy-connection.ts). */
  proxyNotVerified: (p: { proxy: string; code: string }) => ({
    problem: `The secure connection to the HTTPS proxy ${p.proxy} could not be verified (${p.code})`,
    fix: `Check that ${WHERE_SET} names an HTTPS proxy (https://); if it does, its certificate must be trusted: add the CA that issued it to the CA bundle (caFile)`,
  }),
  /** `detail` is the tunnel's own words (connect-tunnel.ts), e.g. NOT_HTTP. */
  proxyFailed: (p: { proxy: string; detail: string }) => ({
    problem: `The proxy ${p.proxy} ${p.detail}`,
    fix: `Check ${WHERE_SET}: the address may not be a proxy of the kind it names`,
  }),
  socksAsksCredentials: (p: { proxy: string }) => ({
    problem: `The SOCKS proxy ${p.proxy} did not accept this computer’s user name and password, or asks for one`,
    fix: 'Put them in the proxy address (socks5://user:password@host:port), or ask IT to let this computer through',
  }),
  /** `reply`: the proxy's reply code (socks-handshake.ts). */
  socksRefusedServer: (p: { proxy: string; target: string; reply: number }) => ({
    problem: `The SOCKS proxy ${p.proxy} refused to connect to ${p.target} (${socksReply(p.reply)})`,
    fix: 'Ask IT to allow this address through the proxy, or list it in NO_PROXY if it is inside your network',
  }),
  socksCannotReachServer: (p: { proxy: string; target: string; reply: number }) => ({
    problem: `The SOCKS proxy ${p.proxy} could not reach ${p.target} (${socksReply(p.reply)})`,
    fix: 'Check the server address; the server may be down, or the proxy cannot resolve its name',
  }),
};

export type ProxyParts = typeof proxyPartsEn;

/** The two parts as one message. */
export const sentence = (parts: { problem: string; fix: string }): string =>
  `${parts.problem}. ${parts.fix}.`;

export const netEn = {
  // Transport failures (http/network-errors.ts).
  connectionCut: (p: { host: string }) =>
    `The connection to ${p.host} was cut off before it answered. Try again; if it keeps happening, a proxy or firewall may be interfering.`,
  connectionRefused: (p: { host: string }) =>
    `Cannot reach ${p.host}: connection refused. Check the address and that the server is running.`,
  nameNotFound: (p: { host: string }) =>
    `Cannot reach ${p.host}: the name could not be found. Check the address for typos and that this computer is online.`,
  nameLookupFailed: (p: { host: string }) =>
    `Cannot reach ${p.host}: the name lookup failed for now. Check this computer's network connection and try again.`,
  noRoute: (p: { host: string }) =>
    `Cannot reach ${p.host}: there is no network route to it. Check that this computer is connected to the right network.`,
  closedWhileSending: (p: { host: string }) =>
    `The connection to ${p.host} was closed while sending. Try again; if it keeps happening, a proxy or firewall may be interfering.`,
  /** `seconds` may have a fraction: a deadline of 2500 ms is "2.5 seconds". */
  noAnswerInTime: (p: { host: string; seconds: number }) =>
    `${p.host} did not answer within ${inSeconds(p.seconds)}. The server may be busy or the network slow; try again.`,
  cancelled: (p: { host: string }) => `The request to ${p.host} was cancelled before it answered.`,
  replyTooLarge: (p: { host: string; bytes: number }) =>
    `${p.host} sent a reply larger than ${p.bytes} bytes, far more than a licensing answer needs. Check the server address.`,
  connectTookTooLong: (p: { host: string }) =>
    `Connecting to ${p.host} took too long. The server may be down or a firewall may be dropping the connection.`,
  notVerified: (p: { host: string; code: string }) =>
    `The secure connection to ${p.host} could not be verified (${p.code}). If this is your own on-premises server, its certificate must be trusted; otherwise something on the network may be intercepting the connection.`,
  /** `code` is Node's error code, empty when there was none. */
  cannotReach: (p: { host: string; code: string }) =>
    `Cannot reach ${p.host} (${p.code || 'network error'}). Check this computer's network connection and try again.`,

  // The HTTP client (http/axios-http-client.ts, http/response-body.ts).
  addressNotUrl: () =>
    'The server address is not a valid URL. Check the address in the configuration.',
  /** `protocol` as URL writes it, with its colon ("ftp:"). */
  addressNotHttp: (p: { protocol: string }) =>
    `The server address must start with http:// or https:// (got ${p.protocol}). Check the configuration.`,
  talkingFailed: (p: { host: string }) =>
    `Something went wrong while talking to ${p.host}. Please report this.`,
  damagedJson: (p: { host: string }) =>
    `The server at ${p.host} sent a damaged reply (it claims to be JSON but cannot be read). Try again; if it persists, check the server address.`,

  // Proxies (net/proxy-errors.ts): see proxyPartsEn.
  proxyAsksCredentials: (p: { proxy: string }) => sentence(proxyPartsEn.proxyAsksCredentials(p)),
  proxyAsksWindowsSignIn: (p: { proxy: string }) =>
    sentence(proxyPartsEn.proxyAsksWindowsSignIn(p)),
  proxyCannotReachServer: (p: { proxy: string; target: string; status: number }) =>
    sentence(proxyPartsEn.proxyCannotReachServer(p)),
  proxyRefusedServer: (p: { proxy: string; target: string; status: number }) =>
    sentence(proxyPartsEn.proxyRefusedServer(p)),
  proxyTimedOut: (p: { proxy: string }) => sentence(proxyPartsEn.proxyTimedOut(p)),
  proxyNotVerified: (p: { proxy: string; code: string }) =>
    sentence(proxyPartsEn.proxyNotVerified(p)),
  proxyUnreachable: (p: { proxy: string; socketCode: string }) =>
    sentence(proxyPartsEn.proxyUnreachable(p)),
  /** The one failure a tunnel reports in words of its own (connect-tunnel.ts NOT_HTTP). */
  proxyNotHttp: (p: { proxy: string }) =>
    sentence(
      proxyPartsEn.proxyFailed({
        proxy: p.proxy,
        detail: 'answered CONNECT with something that is not HTTP',
      }),
    ),
  /** A SOCKS handshake's (socks-handshake.ts NOT_SOCKS). */
  proxyNotSocks: (p: { proxy: string }) =>
    sentence(
      proxyPartsEn.proxyFailed({
        proxy: p.proxy,
        detail: 'answered in something that is not SOCKS',
      }),
    ),
  proxyFailed: (p: { proxy: string; detail: string }) => sentence(proxyPartsEn.proxyFailed(p)),
  socksAsksCredentials: (p: { proxy: string }) => sentence(proxyPartsEn.socksAsksCredentials(p)),
  socksRefusedServer: (p: { proxy: string; target: string; reply: number }) =>
    sentence(proxyPartsEn.socksRefusedServer(p)),
  socksCannotReachServer: (p: { proxy: string; target: string; reply: number }) =>
    sentence(proxyPartsEn.socksCannotReachServer(p)),

  // Proxy settings (net/proxy-env.ts, net/pac-answer.ts, shell/system-proxy.ts).
  /** `source` names the variable or setting, e.g. HTTPS_PROXY. */
  proxyNotAnAddress: (p: { source: string }) =>
    `${p.source} is not a proxy address. Write it as http://host:port or socks5://host:port (with user:password@ before the host if the proxy asks for them).`,
  /** `scheme` without its colon: "https", "socks5". */
  proxyNotHttpScheme: (p: { source: string; scheme: string }) =>
    `${p.source} names a ${p.scheme} proxy; supported are http:// and https:// proxies (https is tunnelled through them with CONNECT) and socks5:// or socks4:// proxies. Ask IT for the address of an HTTP, HTTPS or SOCKS proxy.`,
  proxyNoHost: (p: { source: string }) =>
    `${p.source} has no host name. Write it as http://host:port.`,
  /** `entries`: the PAC answer's entries joined with "; ". */
  systemProxyUnusable: (p: { entries: string }) =>
    `The system proxy setting ("${p.entries}") names only proxies this app cannot use (QUIC proxies). Ask IT for an HTTP, HTTPS or SOCKS proxy, or a direct route to the licensing server.`,
  systemProxyUnreadable: (p: { entry: string }) =>
    `The system proxy setting "${p.entry}" cannot be read. Check the proxy settings of this computer.`,
  systemProxyFailed: () =>
    'This computer’s proxy settings could not be read. Check them, or ask IT.',

  // The CA bundle (net/ca-bundle.ts): `file` is the configuration's caFile, resolved.
  caTooLarge: (p: { file: string }) =>
    `caFile: ${p.file} is larger than 1 MB; it cannot be a CA bundle. Check the path.`,
  caMissing: (p: { file: string }) =>
    `caFile: ${p.file} does not exist. Put the PEM file of your CA there, or correct the path in the configuration.`,
  caUnreadable: (p: { file: string; code: string }) =>
    `caFile: ${p.file} cannot be read (${p.code}). Check the file's permissions.`,
  caNoCertificate: (p: { file: string }) =>
    `caFile: ${p.file} holds no certificate. Give the CA certificates in PEM format (-----BEGIN CERTIFICATE-----).`,
  /** `number` counts from 1. */
  caDamaged: (p: { file: string; number: number }) =>
    `caFile: ${p.file} has a damaged certificate (number ${p.number}). Export the bundle again.`,

  // Requests to main (ipc/dispatch.ts, ipc/ipc-gate.ts, host/browser-host.ts).
  unknownRequest: () => 'Unknown request.',
  /** `field` is empty for the request as a whole; `problem` is zod's words (a text: zod-text.ts). */
  requestField: (p: { field: string; problem: string }) => `${p.field || 'request'}: ${p.problem}`,
  /** What the IPC contract says of a request's field (shared/ipc.ts). */
  fieldProfileId: () => 'a profile id is lower-case letters, digits, - and _',
  fieldEnterKey: () => 'enter a licence key',
  fieldKeyTooLong: () => 'a licence key is at most 256 characters',
  fieldKeyPrintable: () => 'a licence key has only printable ASCII characters',
  fieldRequired: () => 'this field is required',
  fieldAtMost256: () => 'at most 256 characters',
  fieldEnirisKeyTooLong: () => 'an Eniris key has at most 50 characters',
  fieldPrintable: () => 'printable characters only',
  fieldEnterControllerId: () => 'enter the controller id',
  fieldEnterFeatureCode: () => 'enter a feature code',
  fieldFeatureNoSpaces: () => 'a feature code has no spaces',
  notFromTheApp: () => 'Request refused: it did not come from the app.',
  sendLink: () => 'Send {"url": "licensemgr://activate?key=…"}.',
  unreadableRequest: () => 'The request body is not valid JSON or is too large.',
  /** `why` is one of the three below. */
  browserHostCannotStart: (p: { why: string }) =>
    `The browser host cannot start: ${p.why}. Choose another --port, or 0 for any free port.`,
  portInUse: (p: { port: number }) => `port ${p.port} is already in use`,
  portNeedsAdmin: (p: { port: number }) => `port ${p.port} needs administrator rights`,
  portUnusable: (p: { port: number; code: string }) =>
    `127.0.0.1:${p.port} cannot be used (${p.code})`,

  // The fetch client (http/fetch-http-client.ts): Chromium cancels a redirect it is told not to follow.
  redirectNotFollowed: (p: { host: string }) =>
    `${p.host} answered with a redirect, which is not followed: the request would carry its keys to another address. Check the server address (https:// instead of http://, or the exact path).`,
  /** Chromium's network stack hands back only a proxy's 407: its sign-in as the user failed. */
  proxySignInRefused: (p: { host: string }) =>
    `The proxy on the way to ${p.host} did not accept this computer's Windows sign-in (407 Proxy Authentication Required). Ask IT whether your account may use the proxy, or to let this computer through.`,
};

export const net = textsOf('net', netEn);
