import { X509Certificate, createHash } from 'node:crypto';

/** @see https://www.electronjs.org/docs/latest/api/structures/certificate-principal */
export interface CertificatePrincipal {
  commonName: string;
  organizations: string[];
  organizationUnits: string[];
  locality: string;
  state: string;
  country: string;
}

/** @see https://www.electronjs.org/docs/latest/api/structures/certificate */
export interface Certificate {
  data: string;
  issuer: CertificatePrincipal;
  issuerName: string;
  /** Typed as always present, like Electron's .d.ts; at the root of the chain it is `undefined` at runtime, as in Electron. */
  issuerCert: Certificate;
  subject: CertificatePrincipal;
  subjectName: string;
  serialNumber: string;
  validStart: number;
  validExpiry: number;
  fingerprint: string;
}

function principal(distinguishedName: string): CertificatePrincipal {
  const fields = new Map<string, string[]>();
  for (const line of distinguishedName.split('\n')) {
    const at = line.indexOf('=');
    if (at === -1) continue;
    const key = line.slice(0, at);
    fields.set(key, [...(fields.get(key) ?? []), line.slice(at + 1)]);
  }
  const first = (key: string): string => fields.get(key)?.[0] ?? '';
  return {
    commonName: first('CN'),
    organizations: fields.get('O') ?? [],
    organizationUnits: fields.get('OU') ?? [],
    locality: first('L'),
    state: first('ST'),
    country: first('C'),
  };
}

// Chromium's display name: the common name, else the first organisation, else the first unit.
function displayName(p: CertificatePrincipal): string {
  return p.commonName || p.organizations[0] || p.organizationUnits[0] || '';
}

/** Builds Electron's `Certificate` (with its `issuerCert` chain) from DER certificates, leaf first. */
export function certificateFromChain(chain: readonly Buffer[]): Certificate | undefined {
  const [der, ...rest] = chain;
  if (der === undefined) return undefined;
  const x509 = new X509Certificate(der);
  const subject = principal(x509.subject);
  const issuer = principal(x509.issuer);
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  const certificate = {
    data: `-----BEGIN CERTIFICATE-----\n${base64}${base64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`,
    issuer,
    issuerName: displayName(issuer),
    subject,
    subjectName: displayName(subject),
    serialNumber: x509.serialNumber.toUpperCase(),
    validStart: Date.parse(x509.validFrom) / 1000,
    validExpiry: Date.parse(x509.validTo) / 1000,
    fingerprint: `sha256/${createHash('sha256')
      .update(x509.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64')}`,
  } as Certificate;
  const issuerCert = certificateFromChain(rest);
  if (issuerCert !== undefined) certificate.issuerCert = issuerCert;
  return certificate;
}
