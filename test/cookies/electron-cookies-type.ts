// Compiled by `tsc --noEmit -p .` (not a Jest test): the fake's Cookies must be
// usable wherever Electron 45's `Cookies` is expected, and its data shapes must
// match. A type-only import of 'electron' reads node_modules/electron/electron.d.ts.
import type * as Electron from 'electron';
import type { Cookies } from '../../src/cookies/cookies';
import type { Cookie } from '../../src/structures/cookie';
import type { CookiesGetFilter } from '../../src/structures/cookies-get-filter';
import type { CookiesSetDetails } from '../../src/structures/cookies-set-details';

export const asElectronCookies = (cookies: Cookies): Electron.Cookies => cookies;
export const asElectronCookie = (cookie: Cookie): Electron.Cookie => cookie;
export const fromElectronFilter = (filter: Electron.CookiesGetFilter): CookiesGetFilter => filter;
export const fromElectronDetails = (details: Electron.CookiesSetDetails): CookiesSetDetails => details;

export function listensLikeElectron(cookies: Cookies): void {
  cookies.on('changed', (event, cookie, cause, removed) => {
    const electronEvent: Electron.Event = event;
    const electronCookie: Electron.Cookie = cookie;
    const reason: string = cause;
    void [electronEvent, electronCookie, reason, removed satisfies boolean];
  });
}
