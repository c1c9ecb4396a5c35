import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import type { CertificateVerifyRequest } from '../../src/session/session-internals';
import type { Session } from '../../src/session/session';
import { insideValidity, startHttpsServer, tlsFixtures, type TestHttpsServer } from '../helpers/https-server';

let server: TestHttpsServer;
let expired: TestHttpsServer;
let wrongHost: TestHttpsServer;
beforeAll(async () => {
  [server, expired, wrongHost] = await Promise.all([
    startHttpsServer(),
    startHttpsServer({ leaf: 'expired' }),
    startHttpsServer({ leaf: 'wrongHost' }),
  ]);
});
afterAll(() => Promise.all([server.close(), expired.close(), wrongHost.close()]));

/** A fake at a fixed time inside the fixtures' validity, trusting the fixture root or not. */
function fakeAt(options: { trustRoot?: boolean; now?: number } = {}) {
  const electron = createElectronFake({ clock: createClock(options.now ?? insideValidity) });
  if (options.trustRoot === true) electron.fake.trustRootCertificate(tlsFixtures.root);
  return electron;
}

function verifyRequests(ses: Session) {
  const seen: CertificateVerifyRequest[] = [];
  return {
    seen,
    answer(code: number) {
      ses.setCertificateVerifyProc((request, callback) => {
        seen.push(request);
        callback(code);
      });
    },
  };
}

it('a certificate from an unknown authority fails with net::ERR_CERT_AUTHORITY_INVALID', async () => {
  const { session } = fakeAt();
  await expect(session.fromPartition('untrusted').fetch(server.url)).rejects.toThrow(
    'net::ERR_CERT_AUTHORITY_INVALID',
  );
});

it('a chain to a trusted root loads, and the proc sees net::OK with isIssuedByKnownRoot false', async () => {
  const { session } = fakeAt({ trustRoot: true });
  const ses = session.fromPartition('trusted');
  const proc = verifyRequests(ses);
  proc.answer(-3);
  expect(await (await ses.fetch(server.url)).text()).toBe('<title>hello</title>');
  expect(proc.seen[0]).toMatchObject({
    verificationResult: 'net::OK',
    errorCode: 0,
    isIssuedByKnownRoot: false,
  });
});

it('an expired leaf under a trusted root fails with net::ERR_CERT_DATE_INVALID', async () => {
  const { session } = fakeAt({ trustRoot: true });
  await expect(session.fromPartition('expired').fetch(expired.url)).rejects.toThrow(
    'net::ERR_CERT_DATE_INVALID',
  );
});

it('a leaf for another host under a trusted root fails with net::ERR_CERT_COMMON_NAME_INVALID', async () => {
  const { session } = fakeAt({ trustRoot: true });
  await expect(session.fromPartition('wrong-host').fetch(wrongHost.url)).rejects.toThrow(
    'net::ERR_CERT_COMMON_NAME_INVALID',
  );
});

it('an untrusted authority outranks a wrong host and an expired date, as MapCertStatusToNetError orders them', async () => {
  const { session } = fakeAt();
  const ses = session.fromPartition('ranked');
  const proc = verifyRequests(ses);
  proc.answer(-3);
  await expect(ses.fetch(wrongHost.url)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
  await expect(ses.fetch(expired.url)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
  expect(proc.seen.map((r) => r.errorCode)).toEqual([-202, -202]);
});

it('a certificate used before its validity starts is net::ERR_CERT_DATE_INVALID by the fake clock', async () => {
  const { session } = fakeAt({ trustRoot: true, now: Date.UTC(2019, 11, 31) });
  await expect(session.fromPartition('too-early').fetch(server.url)).rejects.toThrow(
    'net::ERR_CERT_DATE_INVALID',
  );
});

it('the verify proc sees the presented chain and the validated one, and 0 accepts', async () => {
  const { session } = fakeAt();
  const ses = session.fromPartition('accept');
  const proc = verifyRequests(ses);
  proc.answer(0);
  expect(await (await ses.fetch(server.url)).text()).toBe('<title>hello</title>');
  const [request] = proc.seen;
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
  expect(certificate?.issuerCert.issuer.commonName).toBe('Root CA');
  expect(certificate?.issuerCert.subject.commonName).toBe('Intermediate CA');
  expect(certificate?.issuerCert.issuerCert.issuer.commonName).toBe('Root CA');
  expect(certificate?.issuerCert.issuerCert.subject.commonName).toBe('Root CA');
  expect(certificate?.issuerCert.issuerCert.issuerCert).toBeUndefined();
  expect(request?.validatedCertificate.issuerCert.issuerCert.subjectName).toBe('Root CA');
});

it('a trusted root the server does not send is added to the validated chain, not to the presented one', async () => {
  const leafAndIntermediate = await startHttpsServer({ presentRoot: false });
  try {
    const { session } = fakeAt({ trustRoot: true });
    const ses = session.fromPartition('not-presented');
    const proc = verifyRequests(ses);
    proc.answer(-3);
    await (await ses.fetch(leafAndIntermediate.url)).text();
    const [request] = proc.seen;
    expect(request?.errorCode).toBe(0);
    expect(request?.certificate.issuerCert.subjectName).toBe('Intermediate CA');
    expect(request?.certificate.issuerCert.issuerCert).toBeUndefined();
    expect(request?.validatedCertificate.issuerCert.issuerCert.subjectName).toBe('Root CA');
  } finally {
    await leafAndIntermediate.close();
  }
});

it('-2 from the verify proc fails with net::ERR_FAILED', async () => {
  const { session } = fakeAt({ trustRoot: true });
  const ses = session.fromPartition('reject');
  verifyRequests(ses).answer(-2);
  await expect(ses.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
});

it('-3 from the verify proc keeps Chromium verdict, good or bad', async () => {
  const trusting = fakeAt({ trustRoot: true }).session.fromPartition('defer-good');
  verifyRequests(trusting).answer(-3);
  expect((await trusting.fetch(server.url)).status).toBe(200);
  const untrusting = fakeAt().session.fromPartition('defer-bad');
  verifyRequests(untrusting).answer(-3);
  await expect(untrusting.fetch(server.url)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
});

it('any other code from the verify proc becomes the verdict', async () => {
  const { session } = fakeAt({ trustRoot: true });
  const revoked = session.fromPartition('revoked');
  verifyRequests(revoked).answer(-206);
  await expect(revoked.fetch(server.url)).rejects.toThrow('net::ERR_CERT_REVOKED');
  const pinned = session.fromPartition('pinned');
  verifyRequests(pinned).answer(-200);
  await expect(pinned.fetch(server.url)).rejects.toThrow('net::ERR_CERT_COMMON_NAME_INVALID');
});

it('the verify proc callback takes only an int32, like gin', async () => {
  const { session } = fakeAt();
  const ses = session.fromPartition('bad-code');
  const thrown: unknown[] = [];
  ses.setCertificateVerifyProc((_request, callback) => {
    for (const value of ['0', 0.5, undefined]) {
      try {
        (callback as (value: unknown) => void)(value);
      } catch (error) {
        thrown.push((error as Error).message);
      }
    }
    callback(0);
  });
  expect((await ses.fetch(server.url)).status).toBe(200);
  expect(thrown).toEqual([
    'Error processing argument at index 0, conversion failure from "0"',
    'Error processing argument at index 0, conversion failure from Number',
    'Error processing argument at index 0, conversion failure from undefined',
  ]);
});

it('a verify proc that never calls back holds the request, unsent, until it is aborted', async () => {
  const { session } = fakeAt();
  const ses = session.fromPartition('stalled');
  let called!: () => void;
  const procCalled = new Promise<void>((resolve) => (called = resolve));
  ses.setCertificateVerifyProc(() => called());
  const controller = new AbortController();
  let settled = false;
  const request = ses.fetch(`${server.url}/stalled`, { signal: controller.signal }).finally(() => {
    settled = true;
  });
  await procCalled;
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(settled).toBe(false);
  controller.abort();
  await expect(request).rejects.toThrow();
  expect(server.requests).not.toContain('/stalled');
});

it('the verify proc of one session does not affect another', async () => {
  const { session, net } = fakeAt();
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
  await expect(ses2.fetch(server.url)).rejects.toThrow('net::ERR_FAILED');
});

it('a cipher suite disabled by setSSLConfig fails the handshake with net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', async () => {
  const narrow = await startHttpsServer({ ciphers: 'AES128-GCM-SHA256', maxVersion: 'TLSv1.2' });
  try {
    const { session } = fakeAt();
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
  const { session } = fakeAt();
  const ses = session.fromPartition('no-bytes');
  await expect(ses.fetch(`${server.url}/secret`)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
  // A later accepted request on the same server arrives, so the rejected one had every chance to.
  const accepting = session.fromPartition('after');
  accepting.setCertificateVerifyProc((_request, callback) => callback(0));
  await (await accepting.fetch(`${server.url}/after`)).text();
  expect(server.requests).toContain('/after');
  expect(server.requests).not.toContain('/secret');
});
