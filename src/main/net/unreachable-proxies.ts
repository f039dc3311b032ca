import { routeKey, type ProxyRoute } from './proxy-route';

/** How long a proxy that could not be reached goes to the back of the list (Chromium's 5 min). */
export const UNREACHABLE_PROXY_RETRY_MS = 5 * 60_000;

/**
 * The proxies that could not be reached lately, shared by everything of one app that goes out
 * through its proxy setting (the HTTP client, the connection test), as Chromium shares its list
 * of bad proxies: once one of them finds a proxy down, the others stop waiting on it.
 */
export interface UnreachableProxies {
  /** The routes to try in order: those passed over lately go last (still tried, in case they are back). */
  order(routes: readonly ProxyRoute[]): ProxyRoute[];
  /** Remembers that the route's proxy could not be reached. */
  passOver(route: ProxyRoute): void;
}

export function unreachableProxies(now: () => number = Date.now): UnreachableProxies {
  const until = new Map<string, number>();
  const passedOver = (route: ProxyRoute): boolean => (until.get(routeKey(route)) ?? 0) > now();
  return {
    order: (routes) => [
      ...routes.filter((route) => !passedOver(route)),
      ...routes.filter(passedOver),
    ],
    passOver(route) {
      if (route.kind !== 'direct') until.set(routeKey(route), now() + UNREACHABLE_PROXY_RETRY_MS);
    },
  };
}
