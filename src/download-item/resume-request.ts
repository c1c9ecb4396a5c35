import type { HeaderList } from '../transports/transport';

export interface ResumeRequestInput {
  /** Bytes already on disk: the first byte to ask for. */
  readonly offset: number;
  readonly etag: string;
  readonly lastModified: string;
  /** The headers the download was started with (`downloadURL({ headers })`). */
  readonly requestHeaders: HeaderList;
}

/**
 * The headers of a resumption request (`GetAdditionalRequestHeaders` after
 * `ResumeInterruptedDownload`): `Range: bytes=<offset>-` and `If-Range` with
 * the ETag (else Last-Modified) when there is something to continue from and a
 * validator to check it against, then the original headers, then
 * `Accept-Encoding: identity`, because offsets count decoded bytes.
 */
export function resumeRequestHeaders(input: ResumeRequestInput): [string, string][] {
  const headers: [string, string][] = [];
  const validator = input.etag !== '' ? input.etag : input.lastModified;
  if (input.offset > 0 && validator !== '') {
    headers.push(['Range', `bytes=${input.offset}-`]);
    headers.push(['If-Range', validator]);
  }
  const extra: HeaderList = [...input.requestHeaders, ['Accept-Encoding', 'identity']];
  for (const [name, value] of extra) {
    if (!headers.some(([existing]) => existing.toLowerCase() === name.toLowerCase()))
      headers.push([name, value]);
  }
  return headers;
}
