/**
 * Chromium's `net::CookieInclusionStatus`: why a cookie was refused, and the
 * rejection text Electron builds from it (`InclusionStatusToString` in
 * `shell/browser/api/electron_api_cookies.cc`).
 */

/** Exclusion reasons in Chromium's enum order, with Electron's text for each. */
const exclusionTexts = {
  EXCLUDE_UNKNOWN_ERROR: 'Unknown error',
  EXCLUDE_HTTP_ONLY: 'The cookie was HttpOnly, but the attempted access was through a non-HTTP API.',
  EXCLUDE_SECURE_ONLY: 'The cookie was Secure, but the URL was not allowed to access Secure cookies.',
  EXCLUDE_DOMAIN_MISMATCH:
    "The cookie's domain attribute did not match the domain of the URL attempting access.",
  EXCLUDE_NOT_ON_PATH: "The cookie's path attribute did not match the path of the URL attempting access.",
  EXCLUDE_SAMESITE_STRICT:
    'The cookie had SameSite=Strict, and the attempted access did not have an appropriate SameSiteCookieContext',
  EXCLUDE_SAMESITE_LAX:
    'The cookie had SameSite=Lax, and the attempted access did not have an appropriate SameSiteCookieContext',
  EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX:
    'The cookie did not specify a SameSite attribute, and therefore was treated as if it were SameSite=Lax, and the attempted access did not have an appropriate SameSiteCookieContext.',
  EXCLUDE_SAMESITE_NONE_INSECURE: 'The cookie specified SameSite=None, but it was not Secure.',
  EXCLUDE_USER_PREFERENCES: 'Caller did not allow access to the cookie.',
  EXCLUDE_FAILURE_TO_STORE: 'The cookie was malformed and could not be stored',
  EXCLUDE_NONCOOKIEABLE_SCHEME: 'Attempted to set a cookie from a scheme that does not support cookies.',
  EXCLUDE_OVERWRITE_SECURE:
    'The cookie would have overwritten a Secure cookie, and was not allowed to do so.',
  EXCLUDE_OVERWRITE_HTTP_ONLY:
    'The cookie would have overwritten an HttpOnly cookie, and was not allowed to do so.',
  EXCLUDE_INVALID_DOMAIN: 'The cookie was set with an invalid Domain attribute.',
  EXCLUDE_INVALID_PREFIX: 'The cookie was set with an invalid __Host- or __Secure- prefix.',
  EXCLUDE_INVALID_PARTITIONED:
    'Cookie was set with an invalid Partitioned attribute, which is only valid if the cookie has a __Host- prefix.',
  EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE: 'The cookie exceeded the name/value pair size limit.',
  EXCLUDE_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE: 'Cookie exceeded the attribute size limit.',
  EXCLUDE_DOMAIN_NON_ASCII: 'The cookie was set with a Domain attribute containing non ASCII characters.',
  EXCLUDE_THIRD_PARTY_BLOCKED_WITHIN_FIRST_PARTY_SET:
    'The cookie is blocked by third-party cookie blocking but the two sites are in the same First-Party Set',
  EXCLUDE_PORT_MISMATCH: "The cookie's source_port did not match the port of the request.",
  EXCLUDE_SCHEME_MISMATCH: "The cookie's source_scheme did not match the scheme of the request.",
  EXCLUDE_SHADOWING_DOMAIN:
    'The cookie is a domain cookie and has the same name as an origin cookie on this origin.',
  EXCLUDE_DISALLOWED_CHARACTER: 'The cookie contains ASCII control characters',
  EXCLUDE_THIRD_PARTY_PHASEOUT: 'The cookie is blocked for third-party cookie phaseout.',
  EXCLUDE_NO_COOKIE_CONTENT: 'The cookie contains no content or only whitespace.',
} as const;

export type ExclusionReason = keyof typeof exclusionTexts;

/** Warning reasons the fake can raise, in Chromium's enum order. */
const warningOrder = [
  'WARN_SAMESITE_UNSPECIFIED_CROSS_SITE_CONTEXT',
  'WARN_SAMESITE_NONE_INSECURE',
  'WARN_SAMESITE_UNSPECIFIED_LAX_ALLOW_UNSAFE',
  'WARN_SECURE_ACCESS_GRANTED_NON_CRYPTOGRAPHIC',
  'WARN_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE',
  'WARN_DOMAIN_NON_ASCII',
  'WARN_TENTATIVELY_ALLOWING_SECURE_SOURCE_SCHEME',
] as const;

export type WarningReason = (typeof warningOrder)[number];

const sameSiteWarnings: readonly WarningReason[] = [
  'WARN_SAMESITE_UNSPECIFIED_CROSS_SITE_CONTEXT',
  'WARN_SAMESITE_NONE_INSECURE',
  'WARN_SAMESITE_UNSPECIFIED_LAX_ALLOW_UNSAFE',
];
const sameSiteOnlyExclusions: readonly ExclusionReason[] = [
  'EXCLUDE_SAMESITE_UNSPECIFIED_TREATED_AS_LAX',
  'EXCLUDE_SAMESITE_NONE_INSECURE',
];

/** A mutable inclusion status: empty exclusions means "include". */
export class InclusionStatus {
  readonly exclusions = new Set<ExclusionReason>();
  readonly warnings = new Set<WarningReason>();

  get isInclude(): boolean {
    return this.exclusions.size === 0;
  }

  exclude(reason: ExclusionReason): void {
    this.exclusions.add(reason);
    this.clearSameSiteWarningsIfExcludedOtherwise();
  }

  warn(reason: WarningReason): void {
    this.warnings.add(reason);
  }

  /** `MaybeClearSameSiteWarning`: a cookie refused for other reasons gets no SameSite warning. */
  clearSameSiteWarningsIfExcludedOtherwise(): void {
    for (const reason of this.exclusions) {
      if (!sameSiteOnlyExclusions.includes(reason)) {
        for (const warning of sameSiteWarnings) this.warnings.delete(warning);
        return;
      }
    }
  }
}

/** `CookieInclusionStatus::GetDebugString()`. */
export function debugString(status: InclusionStatus): string {
  let out = status.isInclude ? 'INCLUDE, ' : '';
  for (const reason of Object.keys(exclusionTexts) as ExclusionReason[]) {
    if (status.exclusions.has(reason)) out += `${reason}, `;
  }
  if (status.warnings.size === 0) out += 'DO_NOT_WARN, ';
  for (const warning of warningOrder) {
    if (status.warnings.has(warning)) out += `${warning}, `;
  }
  return `${out}NO_EXEMPTION`;
}

/**
 * Electron's rejection text: every reason's text in enum order, then the debug
 * string glued on without a separator (so `…characters` runs into `EXCLUDE_…`).
 */
export function setCookieFailure(status: InclusionStatus): string {
  let texts = '';
  for (const [reason, text] of Object.entries(exclusionTexts) as [ExclusionReason, string][]) {
    if (status.exclusions.has(reason)) texts += text;
  }
  return `Failed to set cookie - ${texts}${debugString(status)}`;
}
