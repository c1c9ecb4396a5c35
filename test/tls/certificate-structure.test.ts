import { X509Certificate, createHash } from 'node:crypto';
import { certificateFromChain, derSerialHex } from '../../src/structures/certificate';
import { tlsFixtures } from '../helpers/https-server';

const der = (pem: string): Buffer => new X509Certificate(pem).raw;
const chain = [der(tlsFixtures.cert), der(tlsFixtures.intermediate), der(tlsFixtures.root)];

it('data is the PEM of that certificate only, at every link of the chain', () => {
  const certificate = certificateFromChain(chain);
  expect(certificate?.data).toBe(new X509Certificate(tlsFixtures.cert).toString());
  expect(certificate?.issuerCert.data).toBe(new X509Certificate(tlsFixtures.intermediate).toString());
  expect(certificate?.data.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
});

it('issuerCert links down the presented chain and is absent on its last certificate', () => {
  const certificate = certificateFromChain(chain);
  expect(certificate?.issuerCert.issuerCert.subjectName).toBe('Root CA');
  expect(certificate?.issuerCert.issuerCert).not.toHaveProperty('issuerCert');
  const short = certificateFromChain(chain.slice(0, 2));
  expect(short?.issuerCert.subjectName).toBe('Intermediate CA');
  expect(short?.issuerCert).not.toHaveProperty('issuerCert');
});

it('fingerprint is sha256/ and the base64 SHA-256 of the DER', () => {
  const fingerprint = `sha256/${createHash('sha256').update(der(tlsFixtures.cert)).digest('base64')}`;
  expect(certificateFromChain(chain)?.fingerprint).toBe(fingerprint);
});

it('principals, display names, serial and dates in seconds come from the certificate', () => {
  const certificate = certificateFromChain([der(tlsFixtures.wrongHost)]);
  expect(certificate).toEqual({
    data: expect.stringMatching(/^-----BEGIN CERTIFICATE-----\n/),
    issuer: {
      commonName: 'Intermediate CA',
      organizations: [],
      organizationUnits: [],
      locality: '',
      state: '',
      country: '',
    },
    issuerName: 'Intermediate CA',
    subject: {
      commonName: 'wrong.test',
      organizations: [],
      organizationUnits: [],
      locality: '',
      state: '',
      country: '',
    },
    subjectName: 'wrong.test',
    serialNumber: '008F01',
    validStart: Date.UTC(2020, 0, 1) / 1000,
    validExpiry: Date.UTC(2120, 0, 1) / 1000,
    fingerprint: expect.stringMatching(/^sha256\//),
  });
  expect(Object.keys(certificate ?? {})).toEqual([
    'data',
    'issuer',
    'issuerName',
    'subject',
    'subjectName',
    'serialNumber',
    'validStart',
    'validExpiry',
    'fingerprint',
  ]);
});

it('the serial number is the hex of the DER integer bytes, upper case', () => {
  expect(derSerialHex('1002')).toBe('1002');
  expect(derSerialHex('8F01')).toBe('008F01');
  expect(derSerialHex('abc')).toBe('0ABC');
  expect(derSerialHex('7f')).toBe('7F');
});
