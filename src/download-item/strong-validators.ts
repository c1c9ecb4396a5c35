import { getHeader } from '../pipeline/header-list';
import type { HeaderList } from '../transports/transport';

/** The validators a download keeps, both `''` unless the response has strong ones. */
export interface Validators {
  readonly etag: string;
  readonly lastModified: string;
}

/**
 * `HttpResponseHeaders::HasStrongValidators` (RFC 7232 §2): HTTP/1.1 or later
 * and either an ETag without `W/`, or a Last-Modified at least 60 seconds
 * older than the Date header. Only then are ETag and Last-Modified kept, so a
 * later resumption can ask for the rest of the same file.
 */
export function strongValidators(httpVersion: string, headers: HeaderList): Validators {
  const etag = getHeader(headers, 'etag');
  const lastModified = getHeader(headers, 'last-modified');
  if (!isStrong(httpVersion, etag, lastModified, getHeader(headers, 'date'))) {
    return { etag: '', lastModified: '' };
  }
  return { etag: etag ?? '', lastModified: lastModified ?? '' };
}

function isStrong(
  httpVersion: string,
  etag: string | undefined,
  lastModified: string | undefined,
  date: string | undefined,
): boolean {
  const [major = 0, minor = 0] = httpVersion.split('.').map(Number);
  if (major < 1 || (major === 1 && minor < 1)) return false;
  if (etag !== undefined) {
    const slash = etag.indexOf('/');
    if (slash <= 0 || etag.slice(0, slash).trim().toLowerCase() !== 'w') return true;
  }
  if (lastModified === undefined || date === undefined) return false;
  const modifiedAt = Date.parse(lastModified);
  const dateAt = Date.parse(date);
  if (Number.isNaN(modifiedAt) || Number.isNaN(dateAt)) return false;
  return dateAt - modifiedAt >= 60_000;
}
