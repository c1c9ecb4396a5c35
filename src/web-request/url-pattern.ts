import { compilePathGlob } from './path-glob';
import { urlParts, type UrlParts } from './url-parts';
import {
  defaultPortForScheme,
  isBuiltInStandardScheme,
  isStandardScheme,
  type StandardSchemePredicate,
} from './url-schemes';

/**
 * Chromium's `URLPattern::ParseResult` messages (extensions/common/url_pattern.cc).
 * `Invalid scheme.` is missing on purpose: Electron parses with
 * `URLPattern::SCHEME_ALL`, under which every scheme is valid.
 */
export type UrlPatternError =
  | 'Missing scheme separator.'
  | 'Wrong scheme type.'
  | 'Host can not be empty.'
  | 'Invalid host wildcard.'
  | 'Empty path.'
  | 'Invalid port.'
  | 'Invalid host.';

export const allUrlsPattern = '<all_urls>';

interface PatternParts {
  readonly matchAll: boolean;
  readonly scheme: string;
  readonly matchSubdomains: boolean;
  readonly host: string;
  readonly port: string;
  readonly path: string;
}

/** A parsed Chrome match pattern (`<all_urls>`, `scheme://host:port/path`, `scheme:path`). */
export class UrlPattern {
  readonly #parts: PatternParts;
  readonly #isStandard: StandardSchemePredicate;
  readonly #matchesPath: (test: string) => boolean;
  readonly #hostForMatching: string;
  readonly #escapedPath: string;

  private constructor(
    readonly text: string,
    parts: PatternParts,
    isStandard: StandardSchemePredicate,
  ) {
    this.#parts = parts;
    this.#isStandard = isStandard;
    this.#matchesPath = compilePathGlob(parts.path);
    this.#hostForMatching = withoutTrailingDot(parts.host);
    this.#escapedPath = parts.path.replaceAll('\\', '\\\\').replaceAll('?', '\\?');
  }

  /** `URLPattern(SCHEME_ALL).Parse(text)`, as Electron builds webRequest filters. */
  static parse(
    text: string,
    isStandard: StandardSchemePredicate = isBuiltInStandardScheme,
  ): UrlPattern | UrlPatternError {
    const parts = parsePattern(text, isStandard);
    return typeof parts === 'string' ? parts : new UrlPattern(text, parts, isStandard);
  }

  get matchesAllUrls(): boolean {
    return this.#parts.matchAll;
  }

  matches(url: URL | string): boolean {
    const parts = urlParts(url, this.#isStandard);
    return parts !== undefined && this.matchesParts(parts);
  }

  /** `URLPattern::MatchesURL` on a URL already split by {@link urlParts}. */
  matchesParts(url: UrlParts): boolean {
    const { matchAll, scheme, port } = this.#parts;
    // With SCHEME_ALL, <all_urls> accepts every scheme; `*` was narrowed to http and https.
    if (matchAll) return true;
    if (scheme === '*' ? url.scheme !== 'http' && url.scheme !== 'https' : url.scheme !== scheme)
      return false;
    if (url.nested || !url.hasPath) return false;
    if (scheme !== 'file' && !this.#matchesHost(url)) return false;
    if (port !== '*' && port !== String(url.effectivePort)) return false;
    return this.#matchesPathForRequest(url.pathForRequest);
  }

  #matchesHost(url: UrlParts): boolean {
    const test = withoutTrailingDot(url.host);
    const pattern = this.#hostForMatching;
    if (test === pattern) return true;
    if (!this.#parts.matchSubdomains) return false;
    if (pattern === '') return true;
    // Chromium never matches subdomains of an IP address.
    if (url.hostIsIpAddress) return false;
    return (
      test.length > pattern.length + 1 &&
      test.endsWith(pattern) &&
      test[test.length - pattern.length - 1] === '.'
    );
  }

  #matchesPathForRequest(test: string): boolean {
    // `http://host/foo/*` also matches `http://host/foo` (URLPattern::MatchesPath).
    const escaped = this.#escapedPath;
    if (escaped.length === test.length + 2 && escaped.startsWith(test) && escaped.endsWith('/*')) return true;
    return this.#matchesPath(test);
  }
}

function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function parsePattern(text: string, isStandard: StandardSchemePredicate): PatternParts | UrlPatternError {
  if (text === allUrlsPattern) {
    return { matchAll: true, scheme: '*', matchSubdomains: true, host: '', port: '*', path: '/*' };
  }
  let schemeEnd = text.indexOf('://');
  const hasStandardSeparator = schemeEnd !== -1;
  if (!hasStandardSeparator) schemeEnd = text.indexOf(':');
  if (schemeEnd === -1) return 'Missing scheme separator.';

  const scheme = text.slice(0, schemeEnd);
  const standard = scheme === '*' || isStandardScheme(scheme, isStandard);
  if (standard !== hasStandardSeparator) return 'Wrong scheme type.';
  const hostStart = schemeEnd + (standard ? 3 : 1);
  if (hostStart >= text.length) return 'Host can not be empty.';

  if (!standard) return pathOnly(scheme, text.slice(hostStart));
  if (scheme === 'file') {
    // The host of a file pattern is ignored; `file://*` means `file:///*`.
    const hostEnd = text.indexOf('/', hostStart);
    return pathOnly(scheme, text.slice(hostEnd === -1 ? hostStart - 1 : hostEnd));
  }

  const hostEnd = text.indexOf('/', hostStart);
  if (hostEnd === hostStart) return 'Host can not be empty.';
  if (hostEnd === -1) return 'Empty path.';
  const hostAndPort = text.slice(hostStart, hostEnd);

  let portAt = -1;
  if (!hostAndPort.startsWith('[')) {
    portAt = hostAndPort.indexOf(':');
  } else {
    const ipv6End = hostAndPort.indexOf(']');
    if (ipv6End === -1) return 'Invalid host.';
    if (ipv6End === 1) return 'Host can not be empty.';
    if (ipv6End < hostAndPort.length - 1) {
      if (hostAndPort[ipv6End + 1] !== ':') return 'Invalid host.';
      portAt = ipv6End + 1;
    }
  }

  let port = '*';
  if (portAt !== -1) {
    port = hostAndPort.slice(portAt + 1);
    if (!isValidPortForScheme(scheme, port)) return 'Invalid port.';
  }

  let host = portAt === -1 ? hostAndPort : hostAndPort.slice(0, portAt);
  if (host === '') return 'Host can not be empty.';
  let matchSubdomains = false;
  if (host === '*') {
    matchSubdomains = true;
    host = '';
  } else if (host.startsWith('*.')) {
    if (host.length === 2) return 'Host can not be empty.';
    matchSubdomains = true;
    host = host.slice(2);
  }
  if (host.includes('*')) return 'Invalid host wildcard.';
  if (host !== '') {
    const canonical = canonicalizeHost(host);
    if (canonical === undefined) return 'Invalid host.';
    host = canonical;
  }
  return { matchAll: false, scheme, matchSubdomains, host, port, path: text.slice(hostEnd) };
}

function pathOnly(scheme: string, path: string): PatternParts {
  return { matchAll: false, scheme, matchSubdomains: false, host: '', port: '*', path };
}

/** Only schemes with a default port take a numeric port (`IsValidPortForScheme`, `base::StringToInt`). */
function isValidPortForScheme(scheme: string, port: string): boolean {
  if (port === '*') return true;
  if (defaultPortForScheme(scheme) === -1) return false;
  if (!/^[+-]?\d+$/.test(port)) return false;
  const value = Number(port);
  return value >= 0 && value < 65536;
}

// WHATWG's forbidden host code points; Chromium's host canonicalizer rejects them too.
const forbiddenHostCharacter = /[\0\t\n\r #/:<>?@[\\\]^|]/;
const ipv6Literal = /^\[[\dA-Fa-f:.]+\]$/;

/** `net::CanonicalizeHost`: lower-cased, IDNA and IPv4/IPv6-normalised, or undefined if broken. */
function canonicalizeHost(host: string): string | undefined {
  if (host.startsWith('[') ? !ipv6Literal.test(host) : forbiddenHostCharacter.test(host)) return undefined;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}
