/**
 * Chromium's `SameSiteCookieContext::ContextType`, from least to most trusted.
 * A cookie is sent (or stored) only when the context reaches its SameSite level.
 */
export const SameSiteContext = { crossSite: 0, laxMethodUnsafe: 1, lax: 2, strict: 3 } as const;
export type SameSiteContext = (typeof SameSiteContext)[keyof typeof SameSiteContext];

/** What the request pipeline knows about a request's relation to the page that made it. */
export interface SameSiteRequest {
  /** `'cross-site'` when the initiator or site-for-cookies is another site; unknown counts as first party. */
  readonly sameSiteContext?: 'same-site' | 'cross-site' | undefined;
  readonly isTopLevelNavigation?: boolean | undefined;
  readonly method?: string | undefined;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * `cookie_util::ComputeSameSiteContextForRequest`. Main-process requests have
 * no initiator, which Chromium treats as same-site (strict). A cross-site
 * top-level navigation is lax — "lax, method unsafe" for a POST.
 */
export function contextForRequest(request: SameSiteRequest | undefined): SameSiteContext {
  if (request?.sameSiteContext !== 'cross-site') return SameSiteContext.strict;
  if (request.isTopLevelNavigation !== true) return SameSiteContext.crossSite;
  const method = (request.method ?? 'GET').toUpperCase();
  return safeMethods.has(method) ? SameSiteContext.lax : SameSiteContext.laxMethodUnsafe;
}

/** `ComputeSameSiteContextForResponse`: writes need only lax, so strict is normalised to lax. */
export function contextForResponse(request: SameSiteRequest | undefined): SameSiteContext {
  if (request?.sameSiteContext !== 'cross-site') return SameSiteContext.lax;
  return request.isTopLevelNavigation === true ? SameSiteContext.lax : SameSiteContext.crossSite;
}
