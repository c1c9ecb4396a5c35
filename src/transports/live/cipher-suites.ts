/**
 * IANA cipher suite numbers (what `setSSLConfig({ disabledCipherSuites })` takes)
 * → OpenSSL names, for the TLS 1.2 suites Chromium offers. TLS 1.3 suites
 * cannot be disabled in Chromium either.
 */
export const cipherSuiteNames: ReadonlyMap<number, string> = new Map([
  [0x009c, 'AES128-GCM-SHA256'],
  [0x009d, 'AES256-GCM-SHA384'],
  [0x002f, 'AES128-SHA'],
  [0x0035, 'AES256-SHA'],
  [0x000a, 'DES-CBC3-SHA'],
  [0xc02b, 'ECDHE-ECDSA-AES128-GCM-SHA256'],
  [0xc02c, 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  [0xc02f, 'ECDHE-RSA-AES128-GCM-SHA256'],
  [0xc030, 'ECDHE-RSA-AES256-GCM-SHA384'],
  [0xcca8, 'ECDHE-RSA-CHACHA20-POLY1305'],
  [0xcca9, 'ECDHE-ECDSA-CHACHA20-POLY1305'],
  [0xc009, 'ECDHE-ECDSA-AES128-SHA'],
  [0xc00a, 'ECDHE-ECDSA-AES256-SHA'],
  [0xc013, 'ECDHE-RSA-AES128-SHA'],
  [0xc014, 'ECDHE-RSA-AES256-SHA'],
]);

/** An OpenSSL cipher list string that excludes the disabled suites. */
export function cipherListExcluding(disabled: readonly number[] | undefined): string | undefined {
  if (disabled === undefined || disabled.length === 0) return undefined;
  const names = disabled.map((n) => cipherSuiteNames.get(n)).filter((n): n is string => n !== undefined);
  return ['DEFAULT', ...names.map((n) => `!${n}`)].join(':');
}
