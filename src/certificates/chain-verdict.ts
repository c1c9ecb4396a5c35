import { X509Certificate } from 'node:crypto';
import { CertStatus, mapCertStatusToNetError } from './cert-status';
import { matchesHostname } from './name-match';
import type { Anchor, TrustStore } from './trust-store';

/** What Chromium's verifier concludes about a presented chain. */
export interface ChainVerdict {
  /** `CertStatus` error bits. */
  readonly status: number;
  /** The most serious of them as a net error (0 when none). */
  readonly errorCode: number;
  /** The path the verifier built, leaf first, DER (the `validatedCertificate`). */
  readonly verifiedChain: readonly Buffer[];
  readonly isIssuedByKnownRoot: boolean;
}

export interface ChainInput {
  /** DER certificates as the server presented them, leaf first. */
  readonly chain: readonly Buffer[];
  readonly hostname: string;
  /** Milliseconds since the epoch (the fake's clock). */
  readonly now: number;
  readonly trust: TrustStore;
}

function signedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return issuer.ca && certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

/** Builds a path from the leaf through the presented certificates to a trust anchor, if there is one. */
function buildPath(
  presented: readonly X509Certificate[],
  trust: TrustStore,
): { path: X509Certificate[]; anchor?: Anchor } {
  const [leaf, ...rest] = presented;
  if (leaf === undefined) return { path: [] };
  const path = [leaf];
  const remaining = [...rest];
  for (;;) {
    const current = path[path.length - 1] as X509Certificate;
    const anchor = trust.anchorFor(current);
    if (anchor !== undefined) {
      if (anchor.certificate !== current) path.push(anchor.certificate);
      return { path, anchor };
    }
    const next = remaining.findIndex((candidate) => signedBy(current, candidate));
    if (next === -1) return { path };
    path.push(...remaining.splice(next, 1));
  }
}

function isWithinValidity(certificate: X509Certificate, now: number): boolean {
  return now >= Date.parse(certificate.validFrom) && now <= Date.parse(certificate.validTo);
}

/**
 * Chromium's verdict on a chain: untrusted issuer (AUTHORITY_INVALID), a name
 * that does not match the host (COMMON_NAME_INVALID), a certificate of the
 * path outside its validity period (DATE_INVALID; the trust anchor's own
 * dates are not enforced). Every error found is kept; the net error is the
 * most serious one.
 */
export function verifyChain(input: ChainInput): ChainVerdict {
  const presented = input.chain.map((der) => new X509Certificate(der));
  const { path, anchor } = buildPath(presented, input.trust);
  let status = 0;
  if (anchor === undefined) status |= CertStatus.AUTHORITY_INVALID;
  const leaf = presented[0];
  if (leaf !== undefined && !matchesHostname(leaf, input.hostname)) status |= CertStatus.COMMON_NAME_INVALID;
  const checkedForDates = anchor === undefined ? path : path.slice(0, -1);
  if (checkedForDates.some((certificate) => !isWithinValidity(certificate, input.now)))
    status |= CertStatus.DATE_INVALID;
  return {
    status,
    errorCode: mapCertStatusToNetError(status),
    verifiedChain: path.map((certificate) => certificate.raw),
    isIssuedByKnownRoot: anchor?.known === true,
  };
}
