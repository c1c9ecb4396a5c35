import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Chromium's `X509Certificate::VerifyNameMatch`: only subjectAltName counts
 * (no common-name fallback), an IP literal matches iPAddress entries only,
 * and a wildcard stands for one whole left-most label.
 */
export function matchesHostname(certificate: X509Certificate, hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (isIP(host) !== 0) return certificate.checkIP(host) !== undefined;
  return (
    certificate.checkHost(host, {
      subject: 'never',
      wildcards: true,
      partialWildcards: false,
      multiLabelWildcards: false,
      singleLabelSubdomains: false,
    }) !== undefined
  );
}
