import { registrableDomain } from './registrable-domain';
import type { SameSiteRequest } from './same-site-context';

/** What the pipeline knows about a request that decides which SameSite cookies go with it. */
export interface CookieRequest {
  readonly url: string;
  /** Every URL the request visited, the current one last. */
  readonly urlChain: readonly string[];
  /** `request_initiator`: net.request's `origin` or fetch's Origin; undefined when the browser made it. */
  readonly origin: string | undefined;
  readonly method: string;
  readonly resourceType: string;
}

// Schemeful same-site (kSchemefulSameSite): ws and wss count as http and https.
const webSchemes: Readonly<Record<string, string>> = { 'ws:': 'http:', 'wss:': 'https:' };

/** `SchemefulSite`: scheme plus registrable domain (the host when it has none); undefined when opaque. */
function schemefulSite(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.hostname === '') return undefined;
  const scheme = webSchemes[parsed.protocol] ?? parsed.protocol;
  return `${scheme}//${registrableDomain(parsed.hostname) || parsed.hostname}`;
}

function isSameSite(a: string, b: string): boolean {
  const site = schemefulSite(a);
  return site !== undefined && site === schemefulSite(b);
}

/**
 * `cookie_util::ComputeSameSiteContext` inputs for a main-process request.
 * Electron's `SimpleURLLoaderWrapper` sets `site_for_cookies` to the first
 * URL, and it stays there across redirects (only navigations update it), so a
 * redirect to another site is cross-site. A request without an initiator
 * counts as same-site with itself; an initiator from another site makes it
 * cross-site (a top-level navigation from one then still gets Lax cookies).
 */
export function sameSiteRequestOf(request: CookieRequest): SameSiteRequest {
  const isTopLevelNavigation = request.resourceType === 'mainFrame';
  const siteForCookies = isTopLevelNavigation ? request.url : (request.urlChain[0] ?? request.url);
  const sameSite =
    isSameSite(siteForCookies, request.url) &&
    (request.origin === undefined || isSameSite(request.origin, request.url));
  return {
    sameSiteContext: sameSite ? 'same-site' : 'cross-site',
    isTopLevelNavigation,
    method: request.method,
  };
}
