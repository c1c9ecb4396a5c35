/** A status line as `net::HttpResponseHeaders` normalises it. */
export interface ParsedStatusLine {
  /** `0.9`, `1.0`, `1.1` or `2.0`: Chromium clamps every other version. */
  readonly httpVersion: string;
  readonly statusCode: number;
  readonly statusMessage: string;
  /** What `details.statusLine` shows afterwards, e.g. `HTTP/1.1 404 Not Found`. */
  readonly statusLine: string;
}

const maxInt = 2 ** 31 - 1;

/**
 * `HttpResponseHeaders::ReplaceStatusLine` followed by `ParseStatusLine`, as
 * Electron applies an `onHeadersReceived` `statusLine`. Chromium never rejects
 * a status line: an unknown version becomes HTTP/1.0, a missing code 200 (and
 * a missing code *and* reason `200 OK`). The one exception is an embedded NUL,
 * on which Chromium CHECK-fails; that is reported as undefined.
 * `hasHeaders`: HTTP/0.9 survives only on a response without headers.
 */
export function parseStatusLine(line: string, hasHeaders = false): ParsedStatusLine | undefined {
  if (line.includes('\0')) return undefined;
  const httpVersion = clampVersion(parseVersion(line), hasHeaders);
  const prefix = `HTTP/${httpVersion}`;

  let at = line.indexOf(' ');
  if (at === -1) return { httpVersion, statusCode: 200, statusMessage: 'OK', statusLine: `${prefix} 200 OK` };
  while (line[at] === ' ') at++;
  const codeStart = at;
  while (at < line.length && isDigit(line.charCodeAt(at))) at++;
  if (at === codeStart)
    return { httpVersion, statusCode: 200, statusMessage: '', statusLine: `${prefix} 200` };
  const code = line.slice(codeStart, at);
  // base::StringToInt saturates on overflow.
  const statusCode = Math.min(Number(code), maxInt);

  while (line[at] === ' ') at++;
  let end = line.length;
  while (end > at && line[end - 1] === ' ') end--;
  const statusMessage = line.slice(at, end);
  const statusLine = statusMessage === '' ? `${prefix} ${code}` : `${prefix} ${code} ${statusMessage}`;
  return { httpVersion, statusCode, statusMessage, statusLine };
}

/** `HttpResponseHeaders::ParseVersion`: `HTTP/<digit>.<digit>`, case-insensitive name, else 0.0. */
function parseVersion(line: string): readonly [number, number] {
  if (line.slice(0, 4).toLowerCase() !== 'http' || line[4] !== '/') return [0, 0];
  const dot = line.indexOf('.', 4);
  if (dot === -1) return [0, 0];
  const major = line.charCodeAt(5);
  const minor = line.charCodeAt(dot + 1);
  if (!isDigit(major) || !isDigit(minor)) return [0, 0];
  return [major - 48, minor - 48];
}

function clampVersion([major, minor]: readonly [number, number], hasHeaders: boolean): string {
  if (major === 0 && minor === 9 && !hasHeaders) return '0.9';
  if (major === 2 && minor === 0) return '2.0';
  if (major > 1 || (major === 1 && minor >= 1)) return '1.1';
  return '1.0';
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
