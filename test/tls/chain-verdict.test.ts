import { X509Certificate } from 'node:crypto';
import { CertStatus, isCertificateError, mapCertStatusToNetError } from '../../src/certificates/cert-status';
import { verifyChain } from '../../src/certificates/chain-verdict';
import { matchesHostname } from '../../src/certificates/name-match';
import { TrustStore } from '../../src/certificates/trust-store';
import { insideValidity, tlsFixtures } from '../helpers/https-server';

const der = (pem: string): Buffer => new X509Certificate(pem).raw;
const chainOf = (leaf: string): Buffer[] => [der(leaf), der(tlsFixtures.intermediate), der(tlsFixtures.root)];

function trusting(): TrustStore {
  const trust = new TrustStore();
  trust.install(tlsFixtures.root);
  return trust;
}

it('MapCertStatusToNetError reports the most serious of several errors in Chromium order', () => {
  const all = Object.values(CertStatus).reduce((bits, bit) => bits | bit, 0);
  const order: number[] = [];
  let remaining = all;
  while (remaining !== 0) {
    const netError = mapCertStatusToNetError(remaining);
    order.push(netError);
    const bit = Object.values(CertStatus).find(
      (b) => remaining & b && mapCertStatusToNetError(b) === netError,
    );
    remaining &= ~(bit as number);
  }
  expect(order).toEqual([
    -207, -150, -217, -206, -202, -200, -214, -212, -208, -211, -201, -213, -210, -205, -204,
  ]);
});

it('an untrusted authority wins over a name mismatch, and a name mismatch over a bad date', () => {
  const { AUTHORITY_INVALID, COMMON_NAME_INVALID, DATE_INVALID } = CertStatus;
  expect(mapCertStatusToNetError(AUTHORITY_INVALID | COMMON_NAME_INVALID | DATE_INVALID)).toBe(-202);
  expect(mapCertStatusToNetError(COMMON_NAME_INVALID | DATE_INVALID)).toBe(-200);
  expect(mapCertStatusToNetError(DATE_INVALID)).toBe(-201);
  expect(mapCertStatusToNetError(0)).toBe(0);
});

it('certificate errors are the codes from -200 down to, not including, -220', () => {
  expect([-200, -201, -202, -206, -219].every(isCertificateError)).toBe(true);
  expect([0, -2, -3, -150, -220, -199].some(isCertificateError)).toBe(false);
});

it('verifyChain keeps every error it finds, not only the most serious', () => {
  const untrusted = new TrustStore();
  const wrongHost = verifyChain({
    chain: chainOf(tlsFixtures.wrongHost),
    hostname: 'localhost',
    now: insideValidity,
    trust: untrusted,
  });
  expect(wrongHost.status).toBe(CertStatus.AUTHORITY_INVALID | CertStatus.COMMON_NAME_INVALID);
  const expired = verifyChain({
    chain: chainOf(tlsFixtures.expired),
    hostname: 'localhost',
    now: insideValidity,
    trust: untrusted,
  });
  expect(expired.status).toBe(CertStatus.AUTHORITY_INVALID | CertStatus.DATE_INVALID);
  expect(expired.errorCode).toBe(-202);
});

it('verifyChain with a trusted root reports only the leaf errors', () => {
  const trust = trusting();
  const ok = verifyChain({
    chain: chainOf(tlsFixtures.cert),
    hostname: '127.0.0.1',
    now: insideValidity,
    trust,
  });
  expect(ok).toMatchObject({ status: 0, errorCode: 0, isIssuedByKnownRoot: false });
  expect(ok.verifiedChain).toHaveLength(3);
  const expired = verifyChain({
    chain: chainOf(tlsFixtures.expired),
    hostname: 'localhost',
    now: insideValidity,
    trust,
  });
  expect(expired.errorCode).toBe(-201);
  const wrongHost = verifyChain({
    chain: chainOf(tlsFixtures.wrongHost),
    hostname: 'localhost',
    now: insideValidity,
    trust,
  });
  expect(wrongHost.errorCode).toBe(-200);
});

it('the dates of a trust anchor are not enforced', () => {
  const trust = trusting();
  const rootNotBefore = Date.parse(new X509Certificate(tlsFixtures.root).validFrom);
  const verdict = verifyChain({
    chain: chainOf(tlsFixtures.cert),
    hostname: 'localhost',
    now: rootNotBefore - 1000,
    trust,
  });
  expect(verdict.errorCode).toBe(0);
});

it('a chain that does not reach an anchor ends where the presented certificates stop', () => {
  const verdict = verifyChain({
    chain: [der(tlsFixtures.cert)],
    hostname: 'localhost',
    now: insideValidity,
    trust: new TrustStore(),
  });
  expect(verdict.errorCode).toBe(-202);
  expect(verdict.verifiedChain).toHaveLength(1);
});

it('names match the subjectAltName DNS names and IP addresses, case-insensitively', () => {
  const leaf = new X509Certificate(tlsFixtures.cert);
  expect(matchesHostname(leaf, 'localhost')).toBe(true);
  expect(matchesHostname(leaf, 'LOCALHOST.')).toBe(true);
  expect(matchesHostname(leaf, '127.0.0.1')).toBe(true);
  expect(matchesHostname(leaf, '127.0.0.2')).toBe(false);
  expect(matchesHostname(leaf, 'sub.localhost')).toBe(false);
  expect(matchesHostname(new X509Certificate(tlsFixtures.wrongHost), 'wrong.test')).toBe(true);
});

it('installing a certificate that is not one throws a HarnessError naming the fix', () => {
  expect(() => new TrustStore().install('not a certificate')).toThrow(
    'Failed to trust the certificate: it is neither PEM text nor DER bytes of an X.509 certificate.',
  );
});
