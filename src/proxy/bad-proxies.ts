import { formatProxyUri, type ProxyChoice, type ProxyList } from './proxy-server';

/** Chromium keeps a failed proxy out of the way for 5 minutes (`ProxyList::Fallback`). */
export const BAD_PROXY_RETRY_MS = 5 * 60 * 1000;

/** Proxy URI (`formatProxyUri`) → time (ms since epoch) until which it counts as bad. */
export type BadProxies = ReadonlyMap<string, number>;

/**
 * `ProxyList::DeprioritizeBadProxyChains`: proxies still marked bad move to
 * the end, keeping their order (they are retried if nothing else works).
 */
export function deprioritizeBadProxies(list: ProxyList, bad: BadProxies, now: number): ProxyList {
  if (bad.size === 0) return list;
  const isBad = (choice: ProxyChoice): boolean => (bad.get(formatProxyUri(choice)) ?? -Infinity) >= now;
  return [...list.filter((c) => !isBad(c)), ...list.filter(isBad)];
}
