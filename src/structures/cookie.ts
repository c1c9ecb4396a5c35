/** SameSite as Electron names it (`net::CookieSameSite` converted by `electron_api_cookies.cc`). */
export type CookieSameSite = 'unspecified' | 'no_restriction' | 'lax' | 'strict';

/**
 * A cookie as `ses.cookies.get()` and the `'changed'` event report it.
 * `expirationDate` (seconds since the epoch) is present only on persistent cookies.
 * @see https://www.electronjs.org/docs/latest/api/structures/cookie
 */
export interface Cookie {
  name: string;
  value: string;
  /** A leading dot for domain cookies; the bare host for host-only ones. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  session: boolean;
  expirationDate?: number;
  sameSite: CookieSameSite;
}
