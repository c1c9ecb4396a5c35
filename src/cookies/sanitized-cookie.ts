import type { CookieSameSite } from '../structures/cookie';
import type { CookieFields } from './chromium-cookie';
import { cookieDomainFor } from './cookie-domain';
import { capExpiry } from './cookie-expiry';
import { canonicalizePath, cookiePathFor } from './cookie-path';
import { cookiePrefix, hasHiddenPrefixName, isPrefixValid } from './cookie-prefix';
import {
  byteLength,
  checkNameValuePair,
  isValidCookieValue,
  maxAttributeValueSize,
  parseTokenString,
  parseValueString,
} from './cookie-tokens';
import type { CookieUrl } from './cookie-url';
import { InclusionStatus } from './inclusion-status';

/** `cookies.set` details after Electron's conversions (times already in Chromium units). */
export interface SanitizedCookieInput {
  readonly url: CookieUrl;
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  /** Milliseconds; undefined → now. */
  readonly creation: number | undefined;
  /** Milliseconds; undefined → never accessed. */
  readonly lastAccess: number | undefined;
  /** Microseconds; undefined → session cookie. */
  readonly expiry: number | undefined;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: CookieSameSite;
}

function checkDomainAttribute(domain: string, status: InclusionStatus): boolean {
  let valid = true;
  if (parseValueString(domain) !== domain || !isValidCookieValue(domain)) {
    status.exclude('EXCLUDE_INVALID_DOMAIN');
    valid = false;
  }
  if (byteLength(domain) > maxAttributeValueSize) {
    status.exclude('EXCLUDE_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE');
    valid = false;
  }
  return valid;
}

/**
 * `CanonicalCookie::CreateSanitizedCookie`, which `cookies.set` uses: every
 * rule adds its reason, so one rejection can name several. Returns the cookie
 * only when the status is "include".
 */
export function createSanitizedCookie(
  input: SanitizedCookieInput,
  nowMs: number,
): { readonly fields?: CookieFields; readonly status: InclusionStatus } {
  const { url, name, value, path } = input;
  const status = new InclusionStatus();
  if (
    parseTokenString(name) !== name ||
    parseValueString(value) !== value ||
    parseValueString(path) !== path
  ) {
    status.exclude('EXCLUDE_DISALLOWED_CHARACTER');
  }
  checkNameValuePair(name, value, status);
  const domainAttribute = checkDomainAttribute(input.domain, status) ? input.domain : '';
  let domain: string | undefined;
  if (!url.host.startsWith('.')) domain = cookieDomainFor(url, domainAttribute, status);
  if (domain === undefined) status.exclude('EXCLUDE_INVALID_DOMAIN');
  // A Secure cookie from a non-cryptographic URL is treated as if set securely.
  if (input.secure && !url.cryptographic) status.warn('WARN_TENTATIVELY_ALLOWING_SECURE_SOURCE_SCHEME');
  const cookiePath = cookiePathFor(url.path, path);
  const storedPath = canonicalizePath(cookiePath);
  if (path !== '' && cookiePath !== path) status.exclude('EXCLUDE_FAILURE_TO_STORE');
  else if (path !== '' && byteLength(storedPath) > maxAttributeValueSize) {
    status.exclude('EXCLUDE_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE');
  }
  if (!isPrefixValid(cookiePrefix(name), url, input.secure, domainAttribute, cookiePath)) {
    status.exclude('EXCLUDE_INVALID_PREFIX');
  }
  if (name === '' && hasHiddenPrefixName(value)) status.exclude('EXCLUDE_INVALID_PREFIX');
  if (input.lastAccess !== undefined && input.creation === undefined)
    status.exclude('EXCLUDE_FAILURE_TO_STORE');
  if (!status.isInclude || domain === undefined) return { status };
  const creation = input.creation ?? nowMs;
  const fields: CookieFields = {
    name,
    value,
    domain,
    path: storedPath,
    creation,
    lastAccess: input.lastAccess,
    expiry: capExpiry(input.expiry, creation),
    secure: input.secure,
    httpOnly: input.httpOnly,
    sameSite: input.sameSite,
    priority: 'medium',
  };
  return { fields, status };
}
