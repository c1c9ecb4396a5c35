import type { UrlPattern } from './url-pattern';
import { urlParts } from './url-parts';
import type { StandardSchemePredicate } from './url-schemes';

/**
 * Electron's `WebRequest::RequestFilter::MatchesRequest`: the URL matches an
 * include pattern, matches no exclude pattern, and the resource type is listed
 * (or no types were given). Exclusion wins over inclusion.
 */
export class RequestFilter {
  readonly #include: readonly UrlPattern[];
  readonly #exclude: readonly UrlPattern[];
  readonly #types: ReadonlySet<string>;
  readonly #isStandard: StandardSchemePredicate;
  readonly #everyUrl: boolean;

  constructor(
    include: readonly UrlPattern[],
    exclude: readonly UrlPattern[],
    types: ReadonlySet<string>,
    isStandard: StandardSchemePredicate,
  ) {
    this.#include = include;
    this.#exclude = exclude;
    this.#types = types;
    this.#isStandard = isStandard;
    this.#everyUrl = exclude.length === 0 && include.some((pattern) => pattern.matchesAllUrls);
  }

  /**
   * `url` must be a valid absolute URL (the pipeline only asks about those):
   * `<all_urls>` without exclusions answers without parsing it again.
   */
  matches(url: URL | string, resourceType: string): boolean {
    if (this.#types.size > 0 && !this.#types.has(resourceType)) return false;
    if (this.#everyUrl) return true;
    const parts = urlParts(url, this.#isStandard);
    if (parts === undefined) return false;
    return (
      this.#include.some((pattern) => pattern.matchesParts(parts)) &&
      !this.#exclude.some((pattern) => pattern.matchesParts(parts))
    );
  }
}
