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
  /** PEM of this certificate only. */
  data: string;
  issuer: CertificatePrincipal;
  issuerName: string;
  /** Typed as always present, like Electron's .d.ts; on the last certificate of the presented chain it is absent at runtime, as in Electron. */
  issuerCert: Certificate;
  subject: CertificatePrincipal;
  subjectName: string;
  /** Hex of the DER integer's bytes, upper case. */
  serialNumber: string;
  /** Seconds since the epoch. */
  validStart: number;
  /** Seconds since the epoch. */
  validExpiry: number;
  /** `sha256/` + base64 of the SHA-256 of the DER. */
  fingerprint: string;
}

type NameFields = Record<string, string | string[] | undefined>;

function values(fields: NameFields, key: string): string[] {
  const value = fields[key];
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

// Chromium's CertPrincipal: the first CN, L, ST and C; every O and OU in order.
function principal(fields: NameFields): CertificatePrincipal {
  const first = (key: string): string => values(fields, key)[0] ?? '';
  return {
    commonName: first('CN'),
    organizations: values(fields, 'O'),
    organizationUnits: values(fields, 'OU'),
    locality: first('L'),
    state: first('ST'),
    country: first('C'),
  };
}

// Chromium's display name: the common name, else the first organisation, else the first unit.
function displayName(p: CertificatePrincipal): string {
  return p.commonName || p.organizations[0] || p.organizationUnits[0] || '';
}

/**
 * The serial number as the bytes of its DER INTEGER, which Chromium hex-encodes:
 * OpenSSL drops the leading 00 byte that a positive serial with its high bit set carries.
 */
export function derSerialHex(openSslHex: string): string {
  const even = openSslHex.length % 2 === 1 ? `0${openSslHex}` : openSslHex;
  return (/^[89A-F]/i.test(even) ? `00${even}` : even).toUpperCase();
}

function pem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Builds Electron's `Certificate` (with its `issuerCert` chain) from DER certificates, leaf first. */
export function certificateFromChain(chain: readonly Buffer[]): Certificate | undefined {
  const [der, ...rest] = chain;
  if (der === undefined) return undefined;
  const x509 = new X509Certificate(der);
  const legacy = x509.toLegacyObject();
  const subject = principal(legacy.subject as unknown as NameFields);
  const issuer = principal(legacy.issuer as unknown as NameFields);
  const certificate = {
    data: pem(der),
    issuer,
    issuerName: displayName(issuer),
    subject,
    subjectName: displayName(subject),
    serialNumber: derSerialHex(x509.serialNumber),
    validStart: Date.parse(x509.validFrom) / 1000,
    validExpiry: Date.parse(x509.validTo) / 1000,
    fingerprint: `sha256/${createHash('sha256').update(der).digest('base64')}`,
  } as Certificate;
  const issuerCert = certificateFromChain(rest);
  if (issuerCert !== undefined) certificate.issuerCert = issuerCert;
  return certificate;
}
