/**
 * How Chromium obtains a PAC script (pac_file_fetcher_impl.cc,
 * pac_file_decider.cc): http and https through the network stack (the
 * caller's `fetchScript`), `data:` URLs decoded locally, every other scheme
 * refused (ERR_DISALLOWED_URL_SCHEME, so never `file:`); at most 1 MB; and
 * the text must mention `FindProxyForURL`.
 */
export const MAX_PAC_BYTES = 1024 * 1024;

export class PacFetchError extends Error {
  override readonly name = 'PacFetchError';
}

export type PacScriptFetcher = (url: string) => Promise<string>;

export async function loadPacScript(url: string, fetchScript: PacScriptFetcher): Promise<string> {
  const protocol = new URL(url).protocol;
  let text: string;
  if (protocol === 'data:') text = decodeDataUrl(url);
  else if (protocol === 'http:' || protocol === 'https:') text = await fetchScript(url);
  else throw new PacFetchError(`net::ERR_DISALLOWED_URL_SCHEME (${protocol} PAC URLs are not fetched)`);
  // The fetcher limits bytes; the text length is the closest measure available here.
  if (text.length > MAX_PAC_BYTES) throw new PacFetchError('net::ERR_FILE_TOO_BIG');
  if (!text.includes('FindProxyForURL'))
    throw new PacFetchError('The PAC script does not contain FindProxyForURL.');
  return text;
}

/**
 * `net::DataURL::Parse` for the cases PAC URLs use: `;base64` or
 * percent-encoded bodies; a `charset=utf-8` parameter is honoured, anything
 * else is read as ISO-8859-1 like an HTTP PAC response without a charset.
 */
export function decodeDataUrl(url: string): string {
  const comma = url.indexOf(',');
  if (comma === -1) throw new PacFetchError('net::ERR_INVALID_URL (malformed data: URL)');
  const meta = url
    .slice('data:'.length, comma)
    .split(';')
    .map((part) => part.trim().toLowerCase());
  const body = url.slice(comma + 1);
  const isBase64 = meta.includes('base64');
  const bytes = isBase64
    ? Buffer.from(
        decodeURIComponentBytes(body)
          .toString('latin1')
          .replace(/[\t\n\f\r ]/g, ''),
        'base64',
      )
    : decodeURIComponentBytes(body);
  const charset = meta.find((part) => part.startsWith('charset='))?.slice('charset='.length);
  return bytes.toString(charset === 'utf-8' || charset === 'utf8' ? 'utf8' : 'latin1');
}

function decodeURIComponentBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] as string, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
