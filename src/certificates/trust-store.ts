import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { HarnessError } from '../errors/harness-error';
import { perObject } from '../runtime/per-object';

/** A trust anchor found for a certificate, and whether it is one of the bundled public roots. */
export interface Anchor {
  readonly certificate: X509Certificate;
  readonly known: boolean;
}

// Anchors match by subject and public key, as Chromium's trust stores do.
function anchorKey(certificate: X509Certificate): string {
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return `${certificate.subject}\n${spki}`;
}

class AnchorSet {
  readonly #bySubject = new Map<string, X509Certificate[]>();
  readonly #keys = new Set<string>();

  add(certificate: X509Certificate): void {
    const key = anchorKey(certificate);
    if (this.#keys.has(key)) return;
    this.#keys.add(key);
    this.#bySubject.set(certificate.subject, [
      ...(this.#bySubject.get(certificate.subject) ?? []),
      certificate,
    ]);
  }

  /** The anchor that is `certificate` itself or that signed it. */
  find(certificate: X509Certificate): X509Certificate | undefined {
    if (this.#keys.has(anchorKey(certificate))) return certificate;
    return this.#bySubject
      .get(certificate.issuer)
      ?.find((anchor) => certificate.checkIssued(anchor) && certificate.verify(anchor.publicKey));
  }
}

let publicRoots: AnchorSet | undefined;

// Node's bundled Mozilla roots stand in for the operating system's store of publicly trusted roots.
function knownRoots(): AnchorSet {
  if (publicRoots === undefined) {
    publicRoots = new AnchorSet();
    for (const pem of rootCertificates) publicRoots.add(new X509Certificate(pem));
  }
  return publicRoots;
}

/** Splits PEM text into its certificates, or takes DER bytes as one. */
function parseCertificates(input: string | Uint8Array): X509Certificate[] {
  try {
    if (typeof input !== 'string') return [new X509Certificate(input)];
    const blocks = input.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length === 0) throw new Error('no PEM certificate block');
    return blocks.map((block) => new X509Certificate(block));
  } catch (cause) {
    throw new HarnessError(
      'INVALID_OPTION',
      'Failed to trust the certificate: it is neither PEM text nor DER bytes of an X.509 certificate. Pass the root CA as read from its .pem file.',
      { cause },
    );
  }
}

/**
 * The roots the fake's certificate verifier trusts: the publicly trusted ones
 * (`isIssuedByKnownRoot: true`) plus roots a test installs, as a developer
 * installs a local CA in the operating system (`isIssuedByKnownRoot: false`).
 */
export class TrustStore {
  readonly #installed = new AnchorSet();
  #generation = 0;

  /** Bumped on every change; Chromium drops cached verdicts when the trust store changes. */
  get generation(): number {
    return this.#generation;
  }

  install(certificate: string | Uint8Array): void {
    for (const parsed of parseCertificates(certificate)) this.#installed.add(parsed);
    this.#generation += 1;
  }

  anchorFor(certificate: X509Certificate): Anchor | undefined {
    const installed = this.#installed.find(certificate);
    if (installed !== undefined) return { certificate: installed, known: false };
    const known = knownRoots().find(certificate);
    return known === undefined ? undefined : { certificate: known, known: true };
  }
}

/** The trust store of one fake process (keyed by its runtime). */
export const trustStoreOf = perObject(() => new TrustStore());
