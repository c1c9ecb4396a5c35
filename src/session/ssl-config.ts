import type { TlsSettings } from '../transports/transport';
import { conversionError, insufficientArguments, isDictionary } from './gin-arguments';

type TlsVersion = 'tls1.2' | 'tls1.3';

/** Chromium's `SSLConfig` defaults: TLS 1.2 to TLS 1.3, no cipher suite disabled. */
export const defaultSslConfig: Required<TlsSettings> = {
  minVersion: 'tls1.2',
  maxVersion: 'tls1.3',
  disabledCipherSuites: [],
};

/**
 * `ses.setSSLConfig(config)` argument conversion (Electron's
 * `Converter<network::mojom::SSLConfigPtr>`): every call replaces the whole
 * config, starting from the defaults. Only `'tls1.2'` and `'tls1.3'` are
 * versions (the docs' `tls1`/`tls1.1` fail); a non-string version is ignored;
 * `disabledCipherSuites` must be an array and is converted to sorted uint16s.
 * Anything unconvertible throws Electron's argument-conversion TypeError.
 */
export function parseSslConfig(args: ArrayLike<unknown>): Required<TlsSettings> {
  if (args.length === 0) throw insufficientArguments();
  const value = args[0];
  const fail = (): TypeError => conversionError(0, value);
  if (!isDictionary(value)) throw fail();
  const config = { ...defaultSslConfig };
  const { minVersion, maxVersion } = value;
  if (typeof minVersion === 'string') {
    if (!isTlsVersion(minVersion)) throw fail();
    config.minVersion = minVersion;
  }
  if (typeof maxVersion === 'string') {
    if (!isTlsVersion(maxVersion)) throw fail();
    config.maxVersion = maxVersion;
  }
  if ('disabledCipherSuites' in value) {
    const suites = value['disabledCipherSuites'];
    if (!Array.isArray(suites)) throw fail();
    config.disabledCipherSuites = suites.map((suite) => toUint16(suite, fail)).sort((a, b) => a - b);
  }
  return config;
}

function isTlsVersion(value: string): value is TlsVersion {
  return value === 'tls1.2' || value === 'tls1.3';
}

/** V8 `IntegerValue` then a C++ narrowing to uint16_t. */
function toUint16(value: unknown, fail: () => TypeError): number {
  let number: number;
  try {
    number = Number(value);
  } catch {
    throw fail();
  }
  const integer = Number.isFinite(number) ? Math.trunc(number) : 0;
  return ((integer % 65536) + 65536) % 65536;
}
