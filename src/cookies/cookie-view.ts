import type { Cookie } from '../structures/cookie';
import type { ChromiumCookie } from './chromium-cookie';

/**
 * A fresh Electron `Cookie` object for a stored cookie (the gin converter in
 * `electron_api_cookies.cc`): `hostOnly` is "no leading dot", and
 * `expirationDate` is set only on persistent cookies, in fractional seconds.
 */
export function toElectronCookie(cookie: ChromiumCookie): Cookie {
  const domain = cookie.cookieDomain;
  const hostOnly = domain.charCodeAt(0) !== 46; // '.'
  // Two literals rather than a spread: `get({ url })` builds one per cookie on every call.
  if (cookie.expiry === undefined) {
    return {
      name: cookie.name,
      value: cookie.value,
      domain,
      hostOnly,
      path: cookie.cookiePath,
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      session: true,
      sameSite: cookie.sameSiteMode,
    };
  }
  return {
    name: cookie.name,
    value: cookie.value,
    domain,
    hostOnly,
    path: cookie.cookiePath,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    session: false,
    expirationDate: cookie.expiry / 1e6,
    sameSite: cookie.sameSiteMode,
  };
}
