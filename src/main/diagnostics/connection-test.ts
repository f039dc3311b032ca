import { lookup } from 'node:dns/promises';
import { STATUS_CODES } from 'node:http';
import net from 'node:net';
import type { ConnectionStep, StepResult, TargetResult } from '../../shared/diagnostics-model';
import { isRedirectNotFollowed } from '../http/fetch-http-client';
import type { HttpClient } from '../http/http-client';
import type { WindowsProxySignIn } from '../http/windows-proxy-sign-in';
import type { TrustedCas } from '../net/ca-bundle';
import { connectThrough } from '../net/proxy-agents';
import { openProxyConnection } from '../net/proxy-connection';
import { ProxyFailure } from '../net/proxy-dialogue';
import type { UnreachableProxies } from '../net/unreachable-proxies';
import {
  portOf,
  proxyAddress,
  socketHost,
  type ProxyResolver,
  type ProxyRoute,
  type ProxyRoutes,
} from '../net/proxy-route';
import { certificateDetail, codeOf, connectTcp, handshake, within } from './connection-steps';
import {
  detailOf,
  dnsFailure,
  failureOf,
  httpStatusFailure,
  proxyFailure,
  tcpFailure,
  tlsFailure,
  type Peer,
  type StepFailure,
} from './step-failures';
import { diagnosticsWordsEn, type DiagnosticsWords } from './words.en';

/**
 * "Test connection" for one server address, step by step as a request really travels: DNS
 * lookup, TCP connect (to the proxy when one applies), the proxy's CONNECT tunnel or SOCKS
 * handshake, the TLS handshake (certificate errors named), and one harmless GET through the app's
 * own HTTP client over the route just tested, so the proxy and CA settings tested are the ones the
 * app uses. The first step
 * that fails stops the test and is named with what to do; the rest are marked skipped. When the
 * proxy setting names more than one route (a PAC answer with a backup), a route whose proxy (or,
 * for DIRECT, the server) cannot be reached is reported as passed over and the next route is
 * tested, as the HTTP client does.
 */

export interface ConnectionTestDeps {
  readonly resolveProxy: ProxyResolver;
  /** The app's memory of unreachable proxies, which the HTTP client shares. */
  readonly unreachableProxies?: UnreachableProxies;
  /** Trusted CA certificates when a CA bundle or the store adds any (the HTTP client's own list). */
  readonly ca?: TrustedCas;
  readonly http: HttpClient;
  /**
   * The Electron app: `http` signs in to a proxy that asks for Windows sign-in through Chromium's
   * network stack (windows-proxy-sign-in.ts), so such a proxy's 407 is not where the test stops;
   * `signInProxy` says whether (and for which proxy) it now sends that way.
   */
  readonly windowsSignIn?: Pick<WindowsProxySignIn, 'signInProxy'>;
  /** Each step's deadline; default 5 s. */
  readonly stepTimeoutMs?: number;
}

const DEFAULT_STEP_TIMEOUT_MS = 5_000;

/**
 * Whether `route` needs the proxy's own step: a CONNECT tunnel (https), SOCKS, or TLS with an
 * HTTPS proxy that forwards plain http.
 */
const talksToProxy = (url: URL, route: ProxyRoute): boolean =>
  route.kind === 'socks' ||
  (route.kind === 'http' && (url.protocol === 'https:' || !!route.secure));

/** The steps a test of `url` runs over `route`, in order. */
const planFor = (url: URL, route: ProxyRoute): readonly ConnectionStep[] => [
  'dns',
  'tcp',
  ...(talksToProxy(url, route) ? (['proxy'] as const) : []),
  ...(url.protocol === 'https:' ? (['tls'] as const) : []),
  'http',
];

/** The proxy step's answer when the proxy asks for Windows sign-in and the app does it. */
const SIGNED_IN_BY_CHROMIUM: unique symbol = Symbol('signed in by Chromium');

/** A 5xx answer: the server is reached, and it says it has a problem. */
class ServerTrouble extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** A test's result, and its failure in English for the recent log (the log is English). */
export interface TargetOutcome {
  readonly result: TargetResult;
  readonly englishFailure?: StepFailure;
}

/**
 * One route's test, and whether it failed because its first hop (the proxy, or the server itself
 * for DIRECT) could not be reached at all: then the next route is tested, as the HTTP client
 * would send over it.
 */
interface RouteOutcome extends TargetOutcome {
  readonly unreachable: boolean;
}

/**
 * Records the steps of one test as they run: each is timed, the first failure is kept (in the
 * words asked for, and in English for the log), and the planned steps that never ran are reported
 * as skipped.
 */
function stepRecorder(plan: readonly ConnectionStep[], words: DiagnosticsWords) {
  const steps: StepResult[] = [];
  let failure: StepFailure | undefined;
  let englishFailure: StepFailure | undefined;
  return {
    /** Runs one step; answers its value, or undefined once it has recorded the failure. */
    async run<T>(
      name: ConnectionStep,
      work: () => Promise<T>,
      detail: (value: T) => string,
      explain: (error: unknown, words: DiagnosticsWords) => StepFailure,
    ): Promise<T | undefined> {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const value = await work();
        steps.push({ step: name, status: 'ok', detail: detail(value), ms: ms() });
        return value;
      } catch (error) {
        failure = explain(error, words);
        englishFailure =
          words === diagnosticsWordsEn ? failure : explain(error, diagnosticsWordsEn);
        steps.push({ step: name, status: 'failed', detail: detailOf(failure), ms: ms() });
        return undefined;
      }
    },
    /** A planned step this test leaves to someone else, and who. */
    skip(name: ConnectionStep, detail: string): void {
      steps.push({ step: name, status: 'skipped', detail });
    },
    result(url: URL, via: string | undefined, unreachable = false): RouteOutcome {
      const skipped = plan
        .filter((name) => !steps.some((done) => done.step === name))
        .map((name): StepResult => ({ step: name, status: 'skipped', detail: words.steps.notRun }));
      return {
        result: {
          url: url.origin,
          ...(via ? { via } : {}),
          steps: [...steps, ...skipped],
          ...(failure ? { failure } : {}),
        },
        ...(englishFailure ? { englishFailure } : {}),
        unreachable: unreachable && failure !== undefined,
      };
    },
  };
}

/** The test of one server address; its words in English unless `words` says otherwise. */
export async function testTarget(
  url: URL,
  deps: ConnectionTestDeps,
  words: DiagnosticsWords = diagnosticsWordsEn,
): Promise<TargetResult> {
  return (await testTargetOutcome(url, deps, words)).result;
}

export async function testTargetOutcome(
  url: URL,
  deps: ConnectionTestDeps,
  words: DiagnosticsWords,
): Promise<TargetOutcome> {
  let routes: ProxyRoutes;
  try {
    routes = await deps.resolveProxy(url);
  } catch (error) {
    // The proxy setting itself cannot be used (an unsupported proxy, an unreadable address).
    const failure = failureOf('proxy', error, words);
    return {
      result: {
        url: url.origin,
        steps: [{ step: 'proxy', status: 'failed', detail: detailOf(failure) }],
        failure,
      },
      englishFailure: failureOf('proxy', error),
    };
  }
  // A proxy found unreachable here is one the app's own requests (the HTTP step's among them)
  // stop waiting on, as they would had they found it themselves.
  const tested = async (route: ProxyRoute): Promise<RouteOutcome> => {
    const outcome = await testRoute(url, route, deps, words);
    if (outcome.unreachable) deps.unreachableProxies?.passOver(route);
    return outcome;
  };
  const [first, ...backups] = routes;
  const passedOver: string[] = [];
  let current = first;
  let outcome = await tested(first);
  for (const route of backups) {
    if (!outcome.unreachable || !outcome.result.failure) break;
    const { message } = outcome.result.failure;
    passedOver.push(current.kind === 'direct' ? words.steps.directPassedOver(message) : message);
    current = route;
    outcome = await tested(route);
  }
  const { result, englishFailure } = outcome;
  return {
    result: passedOver.length > 0 ? { ...result, passedOver } : result,
    ...(englishFailure ? { englishFailure } : {}),
  };
}

/** The steps of one route: straight to the server, or through one proxy. */
async function testRoute(
  url: URL,
  route: ProxyRoute,
  deps: ConnectionTestDeps,
  words: DiagnosticsWords,
): Promise<RouteOutcome> {
  const timeoutMs = deps.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const ca = await deps.ca;
  const target = `${url.hostname}:${portOf(url)}`;
  const proxy = route.kind === 'direct' ? undefined : route;
  const via = proxy ? proxyAddress(proxy) : undefined;
  const steps = stepRecorder(planFor(url, route), words);
  const peer: Peer = proxy
    ? { host: proxy.host, port: proxy.port, isProxy: true }
    : { host: socketHost(url), port: portOf(url), isProxy: false };

  const resolved = await steps.run(
    'dns',
    () =>
      net.isIP(peer.host)
        ? Promise.resolve([])
        : within(lookup(peer.host, { all: true }), timeoutMs),
    (addresses) =>
      addresses.length === 0
        ? words.steps.ipAddress(peer.host)
        : `${peer.host} → ${addresses.map((entry) => entry.address).join(', ')}`,
    (error, w) => dnsFailure(peer, codeOf(error), timeoutMs, w),
  );
  if (!resolved) return steps.result(url, via, true);

  const socket = await steps.run(
    'tcp',
    () => connectTcp(peer, timeoutMs),
    (connected) => {
      const address = `${connected.remoteAddress}:${connected.remotePort}`;
      return peer.isProxy ? words.steps.connectedToProxy(address) : words.steps.connected(address);
    },
    (error, w) => tcpFailure(peer, codeOf(error), timeoutMs, target, w),
  );
  if (!socket) return steps.result(url, via, true);
  let proxyFailed: ProxyFailure | undefined;
  // Plain http through an HTTP proxy is forwarded by the HTTP step: the proxy step is then only
  // TLS with an HTTPS proxy.
  const forwarded = proxy?.kind === 'http' && url.protocol === 'http:';
  const toProxy = { timeoutMs, connectTimeoutMs: timeoutMs, socket, ca };
  let opened: net.Socket | undefined;
  try {
    const tunnelled =
      !proxy || !talksToProxy(url, route)
        ? socket
        : await steps.run(
            'proxy',
            () =>
              (forwarded
                ? openProxyConnection(proxy, toProxy)
                : connectThrough(proxy, socketHost(url), portOf(url), toProxy)
              ).catch((error: unknown): typeof SIGNED_IN_BY_CHROMIUM => {
                if (deps.windowsSignIn && error instanceof ProxyFailure && error.asksWindowsSignIn)
                  return SIGNED_IN_BY_CHROMIUM;
                throw error;
              }),
            (opened) =>
              opened === SIGNED_IN_BY_CHROMIUM
                ? words.steps.windowsSignIn(proxyAddress(proxy))
                : forwarded
                  ? words.steps.proxyTls(proxyAddress(proxy))
                  : words.steps.tunnel(proxyAddress(proxy), target),
            (error, w) => {
              proxyFailed =
                error instanceof ProxyFailure
                  ? error
                  : new ProxyFailure(proxyAddress(proxy), {
                      socketCode: codeOf(error),
                      message: 'failed',
                    });
              return proxyFailure(proxyFailed, target, w);
            },
          );
    if (!tunnelled) return steps.result(url, via, proxyFailed?.unreachable);
    if (tunnelled === SIGNED_IN_BY_CHROMIUM) {
      if (url.protocol === 'https:') steps.skip('tls', words.steps.byChromium);
    } else if (url.protocol === 'https:') {
      opened = tunnelled;
      const secure = await steps.run(
        'tls',
        () => handshake(tunnelled, url, ca, timeoutMs),
        (secure) => certificateDetail(secure, words),
        (error, w) => tlsFailure(url.hostname, portOf(url), codeOf(error), timeoutMs, w),
      );
      secure?.destroy();
      if (!secure) return steps.result(url, via);
    }
  } finally {
    opened?.destroy();
    socket.destroy();
  }

  await steps.run(
    'http',
    async () => {
      try {
        const response = await deps.http.request({
          method: 'GET',
          url: url.href,
          timeoutMs,
          route,
        });
        if (response.status >= 500) throw new ServerTrouble(response.status);
        return `${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd();
      } catch (error) {
        // Chromium's stack cannot hand a redirect over, only say there was one: an answer all
        // the same.
        if (isRedirectNotFollowed(error)) return words.steps.aRedirect;
        throw error;
      }
    },
    (status) => {
      if (!via) return words.steps.answered(status);
      return deps.windowsSignIn?.signInProxy()
        ? words.steps.answeredSignedIn(status, via)
        : words.steps.answeredThroughProxy(status, via);
    },
    (error, w) =>
      error instanceof ServerTrouble
        ? httpStatusFailure(url.host, error.status, w)
        : failureOf('http', error, w),
  );
  return steps.result(url, via);
}
