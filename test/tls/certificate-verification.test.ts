import { createElectronFake } from '../../src/create-electron-fake';
import { startHttpsServer, type TestHttpsServer } from '../helpers/https-server';

let server: TestHttpsServer;
beforeAll(async () => {
  server = await startHttpsServer();
});
afterAll(() => server.close());

interface VerifyRequest {
  hostname: string;
  verificationResult: string;
  errorCode: number;
  isIssuedByKnownRoot: boolean;
  certificate: {
    issuerName: string;
    subjectName: string;
    issuer: { commonName: string };
    subject: { commonName: string };
    issuerCert?: {
      issuer: { commonName: string };
      subject: { commonName: string };
      issuerCert?: { issuer: { commonName: string }; subject: { commonName: string }; issuerCert?: unknown };
    };
    fingerprint: string;
    data: string;
  };
}

it('a certificate from an unknown authority fails with net::ERR_CERT_AUTHORITY_INVALID', async () => {
  const { session } = createElectronFake();
  await expect(session.fromPartition('untrusted').fetch(server.url)).rejects.toThrow(
    'net::ERR_CERT_AUTHORITY_INVALID',
  );
});

it('the verify proc sees Chromium verdict and the whole chain, and 0 accepts', async () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('accept');
  const seen: VerifyRequest[] = [];
  ses.setCertificateVerifyProc((request, callback) => {
    seen.push(request as unknown as VerifyRequest);
    callback(0);
  });
  expect(await (await ses.fetch(server.url)).text()).toBe('<title>hello</title>');
  const [request] = seen;
  expect(request).toMatchObject({
    hostname: '127.0.0.1',
    verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
    errorCode: -202,
    isIssuedByKnownRoot: false,
  });
  const certificate = request?.certificate;
  expect(certificate?.issuerName).toBe('Intermediate CA');
  expect(certificate?.subjectName).toBe('localhost');
  expect(certificate?.issuer.commonName).toBe('Intermediate CA');
  expect(certificate?.subject.commonName).toBe('localhost');
  expect(certificate?.issuerCert?.issuer.commonName).toBe('Root CA');
  expect(certificate?.issuerCert?.subject.commonName).toBe('Intermediate CA');
  expect(certificate?.issuerCert?.issuerCert?.issuer.commonName).toBe('Root CA');
  expect(certificate?.issuerCert?.issuerCert?.subject.commonName).toBe('Root CA');
  expect(certificate?.issuerCert?.issuerCert?.issuerCert).toBeUndefined();
  expect(certificate?.fingerprint).toMatch(/^sha256\/[A-Za-z0-9+/]+=*$/);
  expect(certificate?.data).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
});

it('-2 from the verify proc fails with net::ERR_FAILED and -3 keeps Chromium verdict', async () => {
  const { session } = createElectronFake();
  const rejecting = session.fromPartition('reject');
  rejecting.setCertificateVerifyProc((_request, callback) => callback(-2));
  await expect(rejecting.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
  const deferring = session.fromPartition('defer');
  deferring.setCertificateVerifyProc((_request, callback) => callback(-3));
  await expect(deferring.fetch(server.url)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
});

it('the verify proc of one session does not affect another', async () => {
  const { session, net } = createElectronFake();
  const ses1 = session.fromPartition('ses1');
  const ses2 = session.fromPartition('ses2');
  ses1.setCertificateVerifyProc((_request, callback) => callback(0));
  ses2.setCertificateVerifyProc((_request, callback) => callback(-2));
  const status = await new Promise<number>((resolve, reject) => {
    const request = net.request({ url: server.url, session: ses1, credentials: 'include' });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
    request.end();
  });
  expect(status).toBe(200);
});

it('a cipher suite disabled by setSSLConfig fails the handshake with net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', async () => {
  const narrow = await startHttpsServer({ ciphers: 'AES128-GCM-SHA256', maxVersion: 'TLSv1.2' });
  try {
    const { session } = createElectronFake();
    const ses = session.fromPartition('ssl-config');
    ses.setCertificateVerifyProc((_request, callback) => callback(0));
    expect((await ses.fetch(narrow.url)).status).toBe(200);
    ses.setSSLConfig({ disabledCipherSuites: [0x009c] });
    await expect(ses.fetch(narrow.url)).rejects.toThrow('net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH');
  } finally {
    await narrow.close();
  }
});

it('the request bytes are not sent when the certificate is rejected', async () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('no-bytes');
  await expect(ses.fetch(`${server.url}/secret`)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
  // A later accepted request on the same server arrives, so the rejected one had every chance to.
  const accepting = session.fromPartition('after');
  accepting.setCertificateVerifyProc((_request, callback) => callback(0));
  await (await accepting.fetch(`${server.url}/after`)).text();
  expect(server.requests).toContain('/after');
  expect(server.requests).not.toContain('/secret');
});
