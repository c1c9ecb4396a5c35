import { decodeCharset, headerValueBytes, unescapeBinary } from './byte-strings';

// RFC 7230 tchar.
const token = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/i;
const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * The file name a `Content-Disposition` header gives (Chromium's
 * `HttpContentDisposition`, RFC 6266): `filename*` (RFC 5987) wins over
 * `filename`; `filename` may be quoted, percent-encoded UTF-8 or RFC 2047
 * encoded words. `''` when there is none. The disposition type does not matter.
 */
export function contentDispositionFilename(header: string): string {
  let filename = '';
  let extFilename = '';
  for (const { name, value, raw } of parameters(header)) {
    const lower = name.toLowerCase();
    if (filename === '' && lower === 'filename') filename = decodeFilenameValue(value) ?? '';
    else if (extFilename === '' && lower === 'filename*') extFilename = decodeExtValue(raw) ?? '';
  }
  return extFilename !== '' ? extFilename : filename;
}

interface Parameter {
  readonly name: string;
  /** Unquoted. */
  readonly value: string;
  /** As written, quotes included. */
  readonly raw: string;
}

/** The `name=value` pairs after the disposition type; a malformed pair ends the list. */
function parameters(header: string): Parameter[] {
  const semicolon = header.indexOf(';');
  const type = (semicolon === -1 ? header : header.slice(0, semicolon)).trim();
  // Without a valid type the first bytes are read as a parameter.
  const rest = type !== '' && token.test(type) ? header.slice(header.indexOf(type) + type.length) : header;
  const pairs: Parameter[] = [];
  for (const element of splitOutsideQuotes(rest)) {
    const equals = element.indexOf('=');
    if (equals <= 0) break;
    const name = element.slice(0, equals).trim();
    const raw = element.slice(equals + 1).trim();
    pairs.push({ name, value: unquote(raw), raw });
  }
  return pairs;
}

function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '\\' && i + 1 < text.length) {
      current += c + (text[++i] as string);
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  // Mismatched quotes: only the opening one is dropped (HttpUtil's lenient mode).
  if (value.length === 1 || !value.endsWith('"')) return value.slice(1);
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** `DecodeFilenameValue`: words separated by whitespace, each decoded on its own. */
function decodeFilenameValue(value: string): string | undefined {
  let decoded = '';
  let previousWasEncodedWord = true;
  for (const piece of value.split(/([ \t\r\n])/)) {
    if (piece === '') continue;
    if (/^[ \t\r\n]$/.test(piece)) {
      if (!previousWasEncodedWord) decoded += ' ';
      continue;
    }
    const word = decodeWord(piece);
    if (word === undefined) return undefined;
    decoded += word.text;
    previousWasEncodedWord = word.encodedWord;
  }
  return decoded;
}

function decodeWord(word: string): { text: string; encodedWord: boolean } | undefined {
  if (!asciiOnly.test(word)) {
    const bytes = headerValueBytes(word);
    if (bytes === undefined) return { text: word, encodedWord: false };
    return { text: decodeCharset(bytes, 'utf-8') ?? word, encodedWord: false };
  }
  if (word.startsWith('=?')) {
    const text = decodeEncodedWord(word);
    return text === undefined ? undefined : { text, encodedWord: true };
  }
  // What IE did: %-escaped UTF-8.
  const text = decodeCharset(unescapeBinary(word), 'utf-8');
  return text === undefined ? undefined : { text, encodedWord: false };
}

/** RFC 2047 `=?charset?B|Q?text?=`; anything else starting `=?` fails the whole name. */
function decodeEncodedWord(word: string): string | undefined {
  const parts = word.split('?').filter((part) => part !== '');
  if (parts.length !== 5 || parts[0] !== '=' || parts[4] !== '=' || !word.endsWith('=')) return undefined;
  const [, charset = '', encoding = '', text = ''] = parts;
  let bytes: Uint8Array | undefined;
  if (/^b$/i.test(encoding)) bytes = base64(text);
  else if (/^q$/i.test(encoding)) bytes = qDecode(text);
  if (bytes === undefined) return undefined;
  return bytes.length === 0 ? '' : decodeCharset(bytes, charset);
}

function base64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

function qDecode(text: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (text[i] === '_') bytes.push(0x20);
    else if (text[i] === '=') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/i.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c > 0x20 && c < 0x7f && text[i] !== '?') bytes.push(c);
    else return undefined;
  }
  return Uint8Array.from(bytes);
}

/** RFC 5987 `charset'language'value-chars`; a non-ASCII value gives no name. */
function decodeExtValue(raw: string): string | undefined {
  if (raw.includes('"')) return undefined;
  const pieces = raw.split("'");
  if (pieces.length !== 3) return undefined;
  const [charset = '', , value = ''] = pieces;
  if (charset === '' || value === '') return undefined;
  if (!asciiOnly.test(value)) return '';
  return decodeCharset(unescapeBinary(value), charset)?.normalize('NFC');
}
