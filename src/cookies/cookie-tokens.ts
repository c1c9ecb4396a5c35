import type { InclusionStatus } from './inclusion-status';

/** Chromium's limits (`net/cookies/cookie_constants.h`). */
export const maxNamePlusValueSize = 4096;
export const maxAttributeValueSize = 1024;

const terminators = /[\r\n\0]/;

/** `HttpUtil::IsControlChar`: C0 controls and DEL (non-ASCII code units are fine). */
function isControlChar(code: number): boolean {
  return code <= 0x1f || code === 0x7f;
}

function isWhitespace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** The text before the first CR, LF or NUL (`ParsedCookie::FindFirstTerminator`). */
function beforeTerminator(text: string): string {
  const match = terminators.exec(text);
  return match === null ? text : text.slice(0, match.index);
}

/**
 * `ParsedCookie::ParseTokenString`: a name as the Set-Cookie parser would read
 * it — cut at a terminator, `;` or `=`, then trimmed of spaces and tabs.
 */
export function parseTokenString(token: string): string {
  const text = beforeTerminator(token);
  let start = 0;
  while (start < text.length && isWhitespace(text[start])) start++;
  if (start === text.length) return '';
  let end = start;
  while (end < text.length && text[end] !== ';' && text[end] !== '=') end++;
  while (end > start && isWhitespace(text[end - 1])) end--;
  return text.slice(start, end);
}

/** `ParsedCookie::ParseValueString`: cut at a terminator or `;`, trimmed of spaces and tabs. */
export function parseValueString(value: string): string {
  const text = beforeTerminator(value);
  let start = 0;
  while (start < text.length && isWhitespace(text[start])) start++;
  let end = text.indexOf(';', start);
  if (end === -1) end = text.length;
  while (end > start && isWhitespace(text[end - 1])) end--;
  return text.slice(start, end);
}

/** `ParsedCookie::IsValidCookieName`: no controls, `;` or `=`. */
export function isValidCookieName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isControlChar(code) || code === 0x3b || code === 0x3d) return false;
  }
  return true;
}

/** `ParsedCookie::IsValidCookieValue` (also the attribute-value charset): no controls or `;`. */
export function isValidCookieValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isControlChar(code) || code === 0x3b) return false;
  }
  return true;
}

/** Length in bytes as Chromium counts it (UTF-8). */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * `ParsedCookie::IsValidCookieNameValuePair`: the first failing rule adds its
 * reason — empty pair, then the 4096-byte limit, then disallowed characters.
 */
export function checkNameValuePair(name: string, value: string, status: InclusionStatus): boolean {
  if (name === '' && value === '') {
    status.exclude('EXCLUDE_NO_COOKIE_CONTENT');
    return false;
  }
  if (byteLength(name) + byteLength(value) > maxNamePlusValueSize) {
    status.exclude('EXCLUDE_NAME_VALUE_PAIR_EXCEEDS_MAX_SIZE');
    return false;
  }
  if (!isValidCookieName(name) || !isValidCookieValue(value)) {
    status.exclude('EXCLUDE_DISALLOWED_CHARACTER');
    return false;
  }
  return true;
}
