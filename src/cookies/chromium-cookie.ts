import { Cookie as ToughCookie } from 'tough-cookie';
import type { CookieSameSite } from '../structures/cookie';
import { cookieKey, domainAsHost } from './registrable-domain';

/** Chromium's `CookiePriority` (the non-standard `Priority` attribute); it orders eviction. */
export type CookiePriority = 'low' | 'medium' | 'high';

/** Everything Chromium's `CanonicalCookie` holds that the fake uses. */
export interface CookieFields {
  readonly name: string;
  readonly value: string;
  /** Chromium form: `.example.com` for a domain cookie, `example.com` for a host-only one. */
  readonly domain: string;
  readonly path: string;
  /** Milliseconds since the epoch. */
  readonly creation: number;
  /** Milliseconds since the epoch; undefined until first sent (API-set cookies). */
  readonly lastAccess: number | undefined;
  /** Microseconds since the epoch (`base::Time` precision); undefined for a session cookie. */
  readonly expiry: number | undefined;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: CookieSameSite;
  readonly priority: CookiePriority;
}

const toughSameSite: Record<CookieSameSite, string | undefined> = {
  unspecified: undefined,
  no_restriction: 'none',
  lax: 'lax',
  strict: 'strict',
};

/**
 * A stored cookie: a tough-cookie `Cookie` (so tough-cookie's `Store`,
 * `CookieJar` and serialization work on it) carrying Chromium's extra state.
 * The tough-cookie fields mirror the Chromium ones; decisions read the latter.
 */
export class ChromiumCookie extends ToughCookie {
  readonly name: string;
  /** Chromium-form domain (leading dot for domain cookies). */
  readonly cookieDomain: string;
  readonly cookiePath: string;
  /** `CookieMonster::GetKey`: the registrable domain the cookie is grouped under. */
  readonly storeKey: string;
  readonly creationTime: number;
  lastAccessTime: number | undefined;
  readonly expiry: number | undefined;
  readonly sameSiteMode: CookieSameSite;
  readonly priority: CookiePriority;

  constructor(fields: CookieFields) {
    super({
      key: fields.name,
      value: fields.value,
      domain: domainAsHost(fields.domain),
      hostOnly: !fields.domain.startsWith('.'),
      path: fields.path,
      secure: fields.secure,
      httpOnly: fields.httpOnly,
      sameSite: toughSameSite[fields.sameSite],
      creation: new Date(fields.creation),
      lastAccessed: fields.lastAccess === undefined ? null : new Date(fields.lastAccess),
      expires: fields.expiry === undefined ? 'Infinity' : new Date(Math.floor(fields.expiry / 1000)),
    });
    this.name = fields.name;
    this.cookieDomain = fields.domain;
    this.cookiePath = fields.path;
    this.storeKey = cookieKey(fields.domain);
    this.creationTime = fields.creation;
    this.lastAccessTime = fields.lastAccess;
    this.expiry = fields.expiry;
    this.sameSiteMode = fields.sameSite;
    this.priority = fields.priority;
  }
}

/** The Chromium fields of a stored cookie, for building a modified copy. */
export function fieldsOf(cookie: ChromiumCookie): CookieFields {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.cookieDomain,
    path: cookie.cookiePath,
    creation: cookie.creationTime,
    lastAccess: cookie.lastAccessTime,
    expiry: cookie.expiry,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSiteMode,
    priority: cookie.priority,
  };
}

/** `CanonicalCookie::IsExpired`: expired once the clock reaches the expiry. */
export function isExpired(cookie: { readonly expiry: number | undefined }, nowMs: number): boolean {
  return cookie.expiry !== undefined && nowMs * 1000 >= cookie.expiry;
}

/** Records that the cookie was sent (`CanonicalCookie::SetLastAccessDate`). */
export function touch(cookie: ChromiumCookie, nowMs: number): void {
  cookie.lastAccessTime = nowMs;
  cookie.lastAccessed = new Date(nowMs);
}
