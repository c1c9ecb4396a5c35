/** Schemes registered with `protocol.registerSchemesAsPrivileged` (scheme → privileges). */
export type PrivilegedSchemes = ReadonlyMap<
  string,
  { readonly standard?: boolean; readonly secure?: boolean }
>;

/** The parts of a `GURL` the cookie code reads. */
export interface CookieUrl {
  readonly scheme: string;
  /** Lower-cased host; IPv6 in brackets; `''` for schemes without a host. */
  readonly host: string;
  readonly path: string;
  readonly hostIsIp: boolean;
  /** `SchemeIsCryptographic()`: https and wss. */
  readonly cryptographic: boolean;
  /** Chromium's `CookieAccessScheme`: may this URL read and write Secure cookies? */
  readonly trustworthy: boolean;
}

// WHATWG "special" schemes parse like GURL's standard schemes; a registered
// custom standard scheme is re-parsed as http to get GURL's host canonicalization.
const special = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);
const schemePrefix = /^[\0- ]*([a-zA-Z][a-zA-Z0-9+.-]*):/;
const ipv4 = /^\d+\.\d+\.\d+\.\d+$/;

/** Parses `url` as `GURL` would, or returns undefined where GURL is invalid. */
export function parseCookieUrl(url: string, schemes?: PrivilegedSchemes): CookieUrl | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.slice(0, -1);
  let host = parsed.hostname;
  let path = parsed.pathname;
  if (!special.has(scheme)) {
    const privileges = schemes?.get(scheme);
    if (privileges?.standard === true) {
      const prefix = schemePrefix.exec(url);
      try {
        const asHttp = new URL(`http:${url.slice(prefix?.[0].length ?? 0)}`);
        host = asHttp.hostname;
        path = asHttp.pathname;
      } catch {
        return undefined;
      }
    }
  }
  const hostIsIp = host.startsWith('[') || ipv4.test(host);
  const cryptographic = scheme === 'https' || scheme === 'wss';
  const trustworthy = cryptographic || isLocalhost(host) || schemes?.get(scheme)?.secure === true;
  return { scheme, host, path, hostIsIp, cryptographic, trustworthy };
}

/**
 * `net::IsLocalhost`: `localhost`, `*.localhost` (a trailing dot allowed),
 * 127.0.0.0/8 and `[::1]` — the hosts Chromium trusts with Secure cookies over http.
 */
export function isLocalhost(host: string): boolean {
  if (host === '[::1]') return true;
  if (ipv4.test(host)) return host.startsWith('127.');
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return name === 'localhost' || name.endsWith('.localhost');
}
