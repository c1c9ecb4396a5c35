/**
 * Which of the session's credentials a request may use (Electron
 * `SimpleURLLoaderWrapper`): `net.request` blocks cookies unless
 * `useSessionCookies` or `credentials: 'include'`; `'omit'` also disables
 * HTTP auth; `'same-origin'` allows both only for the `origin`'s own URLs.
 */
export function credentialPolicy(
  credentials: 'include' | 'omit' | 'same-origin' | undefined,
  useSessionCookies: boolean,
  url: string,
  origin: string | undefined,
): { useCookies: boolean; allowAuth: boolean } {
  if (credentials === 'omit') return { useCookies: false, allowAuth: false };
  if (credentials === 'include') return { useCookies: true, allowAuth: true };
  if (credentials === 'same-origin') {
    let same = false;
    try {
      same = origin !== undefined && new URL(url).origin === new URL(origin).origin;
    } catch {
      same = false;
    }
    return { useCookies: same, allowAuth: same };
  }
  return { useCookies: useSessionCookies, allowAuth: true };
}
