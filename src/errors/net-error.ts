import { netErrorList } from './net-error-list';

type Entry = (typeof netErrorList)[number];
/** Chromium net error name as Electron prints it, e.g. `ERR_CONNECTION_REFUSED`. */
export type NetErrorCode = `ERR_${Entry[0]}`;

const brand = Symbol.for('electron-session-fake.NetError');

const byCode = new Map<NetErrorCode, { errno: number; description: string }>();
const byErrno = new Map<number, NetErrorCode>();
for (const [name, errno, description] of netErrorList) {
  byCode.set(`ERR_${name}`, { errno, description });
  byErrno.set(errno, `ERR_${name}`);
}

/**
 * A Chromium network error. `message` is exactly what Electron rejects with
 * (`net::ERR_CONNECTION_REFUSED`), `errno` the value from `net_error_list.h`.
 */
export class NetError<C extends NetErrorCode = NetErrorCode> extends Error {
  declare readonly [brand]: true;
  readonly code: C;
  readonly errno: number;
  readonly description: string;

  constructor(code: C, options?: { cause?: unknown }) {
    super(`net::${code}`, options);
    const entry = byCode.get(code);
    if (entry === undefined) throw new TypeError(`Unknown net error ${String(code)}`);
    this.name = 'Error';
    this.code = code;
    this.errno = entry.errno;
    this.description = entry.description;
    Object.defineProperty(this, brand, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && brand in value;
  }
}

/** Builds the error for a numeric Chromium code; unknown codes become `ERR_FAILED`. */
export function netErrorFromErrno(errno: number, options?: { cause?: unknown }): NetError {
  return new NetError(byErrno.get(errno) ?? 'ERR_FAILED', options);
}

/** `net::ERR_…` string for a numeric code (`net::OK` for 0), as certificate procs see it. */
export function netErrorString(errno: number): string {
  if (errno === 0) return 'net::OK';
  const code = byErrno.get(errno);
  return code === undefined ? `net::ERR_${errno}` : `net::${code}`;
}

export function isNetErrorCode(value: string): value is NetErrorCode {
  return byCode.has(value as NetErrorCode);
}

export function isNetError<C extends NetErrorCode>(value: unknown, code?: C): value is NetError<C> {
  return value instanceof NetError && (code === undefined || value.code === code);
}
