import type { Cookie } from '../structures/cookie';
import type { ChromiumCookie } from './chromium-cookie';

/**
 * A fresh Electron `Cookie` object for a stored cookie (the gin converter in
 * `electron_api_cookies.cc`): `hostOnly` is "no leading dot", and
 * `expirationDate` is set only on persistent cookies, in fractional seconds.
 */
export function toElectronCookie(cookie: ChromiumCookie): Cookie {
  const common = {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.cookieDomain,
    hostOnly: !cookie.cookieDomain.startsWith('.'),
    path: cookie.cookiePath,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    session: cookie.expiry === undefined,
  };
  if (cookie.expiry === undefined) return { ...common, sameSite: cookie.sameSiteMode };
  return { ...common, expirationDate: cookie.expiry / 1e6, sameSite: cookie.sameSiteMode };
}
