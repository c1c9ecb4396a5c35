import { parseSslConfig } from '../../src/session/ssl-config';

it('fills in Chromium defaults for an empty config', () => {
  expect(parseSslConfig([{}])).toEqual({
    minVersion: 'tls1.2',
    maxVersion: 'tls1.3',
    disabledCipherSuites: [],
  });
});

it('accepts tls1.2 and tls1.3 and sorts the disabled cipher suites', () => {
  expect(parseSslConfig([{ minVersion: 'tls1.3', disabledCipherSuites: [0xc02f, 0x009c] }])).toEqual({
    minVersion: 'tls1.3',
    maxVersion: 'tls1.3',
    disabledCipherSuites: [0x009c, 0xc02f],
  });
});

it('refuses the versions the docs still list but the code dropped', () => {
  for (const version of ['tls1', 'tls1.1', 'ssl3']) {
    expect(() => parseSslConfig([{ minVersion: version }])).toThrow(
      'Error processing argument at index 0, conversion failure from Object',
    );
    expect(() => parseSslConfig([{ maxVersion: version }])).toThrow(TypeError);
  }
});

it('ignores a version that is not a string', () => {
  expect(parseSslConfig([{ minVersion: 12 }]).minVersion).toBe('tls1.2');
});

it('refuses disabledCipherSuites that is not an array', () => {
  expect(() => parseSslConfig([{ disabledCipherSuites: 0x009c }])).toThrow(TypeError);
});

it('refuses a config that is not an object', () => {
  expect(() => parseSslConfig(['tls1.3'])).toThrow(
    'Error processing argument at index 0, conversion failure from "tls1.3"',
  );
  expect(() => parseSslConfig([])).toThrow('Insufficient number of arguments.');
});
