import type { CookieFields } from './chromium-cookie';
import type { CookieUrl } from './cookie-url';
import type { InclusionStatus } from './inclusion-status';
import { isDomainMatch } from './request-inclusion';
import { SameSiteContext } from './same-site-context';

export interface SetAccess {
  /** Electron's `cookies.set` includes HttpOnly only for an HttpOnly cookie; Set-Cookie always does. */
  readonly includeHttpOnly: boolean;
  readonly sameSite: SameSiteContext;
  /** http, https, ws, wss and custom standard schemes. */
  readonly isCookieable: (scheme: string) => boolean;
}

/**
 * `CookieBase::IsSetPermittedInContext`. Returns whether the source URL may
 * write Secure cookies (needed for Chromium's "leave Secure cookies alone").
 */
export function checkSetPermitted(
  cookie: CookieFields,
  url: CookieUrl,
  access: SetAccess,
  status: InclusionStatus,
): boolean {
  if (!access.isCookieable(url.scheme)) status.exclude('EXCLUDE_NONCOOKIEABLE_SCHEME');
  if (!isDomainMatch(cookie.domain, url.host)) status.exclude('EXCLUDE_DOMAIN_MISMATCH');
  if (!url.trustworthy && cookie.secure) status.exclude('EXCLUDE_SECURE_ONLY');
  if (url.trustworthy && !url.cryptographic && cookie.secure)
    status.warn('WARN_SECURE_ACCESS_GRANTED_NON_CRYPTOGRAPHIC');
  if (!access.includeHttpOnly && cookie.httpOnly) status.exclude('EXCLUDE_HTTP_ONLY');
  const insecureNone = cookie.sameSite === 'no_restriction' && !cookie.secure;
  if (insecureNone) status.exclude('EXCLUDE_SAMESITE_NONE_INSECURE');
  // Setting needs only a lax context, even for a SameSite=Strict cookie.
  if (access.sameSite < SameSiteContext.lax) {
    if (cookie.sameSite === 'strict') status.exclude('EXCLUDE_SAMESITE_STRICT');
    if (cookie.sameSite === 'lax') status.exclude('EXCLUDE_SAMESITE_LAX');
    if (cookie.sameSite === 'unspecified') {
      status.exclude('EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX');
      status.warn('WARN_SAMESITE_UNSPECIFIED_CROSS_SITE_CONTEXT');
    }
  }
  if (insecureNone) status.warn('WARN_SAMESITE_NONE_INSECURE');
  status.clearSameSiteWarningsIfExcludedOtherwise();
  return url.trustworthy;
}
