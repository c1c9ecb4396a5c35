/** Chromium's `CertStatus` error bits (net/cert/cert_status_flags_list.h). */
export const CertStatus = {
  COMMON_NAME_INVALID: 1 << 0,
  DATE_INVALID: 1 << 1,
  AUTHORITY_INVALID: 1 << 2,
  NO_REVOCATION_MECHANISM: 1 << 4,
  UNABLE_TO_CHECK_REVOCATION: 1 << 5,
  REVOKED: 1 << 6,
  INVALID: 1 << 7,
  WEAK_SIGNATURE_ALGORITHM: 1 << 8,
  NON_UNIQUE_NAME: 1 << 10,
  WEAK_KEY: 1 << 11,
  PINNED_KEY_MISSING: 1 << 13,
  NAME_CONSTRAINT_VIOLATION: 1 << 14,
  VALIDITY_TOO_LONG: 1 << 15,
  CERTIFICATE_TRANSPARENCY_REQUIRED: 1 << 24,
  KNOWN_INTERCEPTION_BLOCKED: 1 << 26,
} as const;

// Most serious first, as Chromium's MapCertStatusToNetError (net/cert/cert_status_flags.cc) tests them.
const severityOrder: readonly (readonly [status: number, netError: number])[] = [
  [CertStatus.INVALID, -207],
  [CertStatus.PINNED_KEY_MISSING, -150],
  [CertStatus.KNOWN_INTERCEPTION_BLOCKED, -217],
  [CertStatus.REVOKED, -206],
  [CertStatus.AUTHORITY_INVALID, -202],
  [CertStatus.COMMON_NAME_INVALID, -200],
  [CertStatus.CERTIFICATE_TRANSPARENCY_REQUIRED, -214],
  [CertStatus.NAME_CONSTRAINT_VIOLATION, -212],
  [CertStatus.WEAK_SIGNATURE_ALGORITHM, -208],
  [CertStatus.WEAK_KEY, -211],
  [CertStatus.DATE_INVALID, -201],
  [CertStatus.VALIDITY_TOO_LONG, -213],
  [CertStatus.NON_UNIQUE_NAME, -210],
  [CertStatus.UNABLE_TO_CHECK_REVOCATION, -205],
  [CertStatus.NO_REVOCATION_MECHANISM, -204],
];

/** The net error of the most serious bit set in `status`, or 0 (OK) when none is. */
export function mapCertStatusToNetError(status: number): number {
  for (const [bit, netError] of severityOrder) if (status & bit) return netError;
  return 0;
}

/** Chromium's `net::IsCertificateError`: ERR_CERT_COMMON_NAME_INVALID (-200) down to, not including, ERR_CERT_END (-220). */
export function isCertificateError(netError: number): boolean {
  return netError <= -200 && netError > -220;
}
