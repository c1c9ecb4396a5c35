import { RequestFilter } from './request-filter';
import { allUrlsPattern, UrlPattern } from './url-pattern';
import type { StandardSchemePredicate } from './url-schemes';
import { compareUtf8 } from './utf8-order';
import { isFilterResourceType, type FilterResourceType } from './web-request-resource-type';

/** Electron's `WebRequestFilter` structure. */
export interface WebRequestFilter {
  urls: readonly string[];
  excludeUrls?: readonly string[];
  types?: readonly FilterResourceType[];
}

/** `process.emitWarning` text Electron emits for `urls: []` (since v35). */
export const emptyUrlsDeprecation =
  "The urls array in WebRequestFilter is empty, which is deprecated. Please use '<all_urls>' to match all URLs.";

/**
 * How Electron's `WebRequest::SetListener` reads a filter object:
 * - `ok: false` — it threw and returned without touching the listener.
 * - `ok: true` with a `patternError` — it threw `Invalid url pattern …` but
 *   carried on (`AddUrlPatterns` returns void), so the listener is still set
 *   with the patterns read before the bad one.
 */
export type FilterParseResult =
  | { readonly ok: true; readonly filter: RequestFilter; readonly patternError: TypeError | undefined }
  | { readonly ok: false; readonly error: TypeError };

/** A filter object matching every request (what no filter argument means). */
export function allUrlsFilter(isStandard: StandardSchemePredicate): RequestFilter {
  return new RequestFilter(
    [UrlPattern.parse(allUrlsPattern, isStandard) as UrlPattern],
    [],
    new Set(),
    isStandard,
  );
}

export function parseFilter(filter: object, isStandard: StandardSchemePredicate): FilterParseResult {
  const urls = readStringSet(filter, 'urls');
  if (urls === undefined)
    return { ok: false, error: new TypeError("Parameter 'filter' must have property 'urls'.") };
  if (urls.length === 0) {
    process.emitWarning(emptyUrlsDeprecation, 'DeprecationWarning');
    urls.push(allUrlsPattern);
  }
  // Malformed `excludeUrls` / `types` are ignored: Electron does not check `dict.Get`'s result.
  const excludeUrls = readStringSet(filter, 'excludeUrls') ?? [];
  const types = readStringSet(filter, 'types') ?? [];

  const include = compilePatterns(urls, isStandard);
  const exclude = compilePatterns(excludeUrls, isStandard);
  for (const type of types) {
    if (!isFilterResourceType(type)) return { ok: false, error: new TypeError(`Invalid type ${type}`) };
  }
  // V8 keeps only the last exception thrown before returning to JS.
  const patternError = exclude.error ?? include.error;
  return {
    ok: true,
    filter: new RequestFilter(include.patterns, exclude.patterns, new Set(types), isStandard),
    patternError,
  };
}

function compilePatterns(
  texts: readonly string[],
  isStandard: StandardSchemePredicate,
): { patterns: UrlPattern[]; error: TypeError | undefined } {
  const patterns: UrlPattern[] = [];
  for (const text of texts) {
    const parsed = UrlPattern.parse(text, isStandard);
    if (typeof parsed === 'string')
      return { patterns, error: new TypeError(`Invalid url pattern ${text}: ${parsed}`) };
    patterns.push(parsed);
  }
  return { patterns, error: undefined };
}

/**
 * gin's `std::set<std::string>` converter: an array of strings only (else
 * nothing), de-duplicated and in byte order — which is why the "first" invalid
 * pattern Electron reports is the first in sorted order.
 */
function readStringSet(source: object, key: string): string[] | undefined {
  let value: unknown;
  try {
    value = (source as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const items = new Set<string>();
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (typeof item !== 'string') return undefined;
    items.add(item);
  }
  return [...items].sort(compareUtf8);
}
