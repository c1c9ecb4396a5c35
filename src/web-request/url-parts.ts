import { defaultPortForScheme, isStandardScheme, type StandardSchemePredicate } from './url-schemes';

/** The parts of a URL that Chromium's `URLPattern::MatchesURL` reads from a `GURL`. */
export interface UrlParts {
  readonly scheme: string;
  /** Empty for non-standard schemes: Chromium parses those as path URLs without a host. */
  readonly host: string;
  readonly hostIsIpAddress: boolean;
  /** `GURL::EffectiveIntPort`: the explicit port, else the scheme's default, else -1. */
  readonly effectivePort: number;
  /** `GURL::PathForRequest`: the path plus `?query`, never the fragment. */
  readonly pathForRequest: string;
  readonly hasPath: boolean;
  /** `filesystem:` URLs wrap an inner URL (`GURL::inner_url`). */
  readonly nested: boolean;
}

const whatwgSpecialSchemes = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);
const ipv4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Reads a URL the way `GURL` presents it; `undefined` for an invalid URL (which never matches). */
export function urlParts(url: URL | string, isStandard: StandardSchemePredicate): UrlParts | undefined {
  let parsed: URL;
  if (typeof url === 'string') {
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
  } else {
    parsed = url;
  }
  const href = parsed.href;
  const scheme = parsed.protocol.slice(0, -1);
  // The serializer percent-encodes '#' and '?' elsewhere, so the first of each starts fragment and query.
  const hashAt = href.indexOf('#');
  const hashless = hashAt === -1 ? href : href.slice(0, hashAt);

  if (!isStandardScheme(scheme, isStandard)) {
    const rest = hashless.slice(scheme.length + 1);
    const queryAt = rest.indexOf('?');
    const path = queryAt === -1 ? rest : rest.slice(0, queryAt);
    return {
      scheme,
      host: '',
      hostIsIpAddress: false,
      effectivePort: -1,
      pathForRequest: rest,
      hasPath: path !== '',
      nested: false,
    };
  }

  const queryAt = hashless.indexOf('?');
  // Chromium canonicalizes an empty standard path to "/" and lower-cases every standard host.
  const path = parsed.pathname === '' ? '/' : parsed.pathname;
  const host = whatwgSpecialSchemes.has(scheme) ? parsed.hostname : parsed.hostname.toLowerCase();
  return {
    scheme,
    host,
    hostIsIpAddress: host.startsWith('[') || ipv4.test(host),
    effectivePort: parsed.port === '' ? defaultPortForScheme(scheme) : Number(parsed.port),
    pathForRequest: queryAt === -1 ? path : path + hashless.slice(queryAt),
    hasPath: true,
    nested: scheme === 'filesystem',
  };
}
