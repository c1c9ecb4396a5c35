import { Cookie as ToughCookie } from 'tough-cookie';
import type { InclusionStatus } from './inclusion-status';
import {
  byteLength,
  checkNameValuePair,
  isValidCookieName,
  isValidCookieValue,
  maxAttributeValueSize,
  parseTokenString,
  parseValueString,
} from './cookie-tokens';

/** A Set-Cookie line that passed Chromium's `ParsedCookie` rules, with its attributes read by tough-cookie. */
export interface ParsedSetCookie {
  /** Name and value trimmed of spaces and tabs only, as Chromium does (tough-cookie trims all whitespace). */
  readonly name: string;
  readonly value: string;
  readonly attributes: ToughCookie;
}

function splitPair(pair: string): [string, string] {
  const eq = pair.indexOf('=');
  if (eq === -1) return [parseTokenString(pair), ''];
  return [parseTokenString(pair.slice(0, eq)), parseValueString(pair.slice(eq + 1))];
}

/**
 * Parses one Set-Cookie value. Chromium differs from tough-cookie's parser in
 * ways that decide whether a cookie exists at all, so those come first:
 * a CR/LF/NUL rejects the line (tough-cookie truncates it); any control
 * character or DEL in the name, value, an attribute name or an attribute value
 * rejects it; an empty pair and a name+value over 4096 bytes are rejected; an
 * attribute value over 1024 bytes is dropped with a warning. The remaining
 * line goes to tough-cookie for the attribute grammar (Expires dates, Max-Age,
 * Domain, Path, Secure, HttpOnly, SameSite; others land in `extensions`).
 */
export function parseSetCookieLine(line: string, status: InclusionStatus): ParsedSetCookie | undefined {
  if (/[\r\n\0]/.test(line)) {
    status.exclude('EXCLUDE_DISALLOWED_CHARACTER');
    return undefined;
  }
  if (line === '') {
    status.exclude('EXCLUDE_NO_COOKIE_CONTENT');
    return undefined;
  }
  const [first = '', ...attributes] = line.split(';');
  // A pair without `=` is a value with an empty name (Mozilla bug 169091).
  const [name, value] = first.includes('=') ? splitPair(first) : ['', parseValueString(first)];
  if (!checkNameValuePair(name, value, status)) return undefined;
  const kept = [first];
  for (const attribute of attributes) {
    const [attributeName, attributeValue] = splitPair(attribute);
    if (!isValidCookieName(attributeName) || !isValidCookieValue(attributeValue)) {
      status.exclude('EXCLUDE_DISALLOWED_CHARACTER');
      return undefined;
    }
    if (byteLength(attributeValue) > maxAttributeValueSize)
      status.warn('WARN_ATTRIBUTE_VALUE_EXCEEDS_MAX_SIZE');
    else kept.push(attribute);
  }
  const parsed = ToughCookie.parse(kept.join(';'), { loose: true });
  if (parsed === undefined) {
    status.exclude('EXCLUDE_FAILURE_TO_STORE');
    return undefined;
  }
  return { name, value, attributes: parsed };
}

/** Whether tough-cookie kept a bare attribute such as `Partitioned` among its extensions. */
export function hasExtension(attributes: ToughCookie, name: string): boolean {
  return (attributes.extensions ?? []).some(
    (extension) => extension.split('=')[0]?.trim().toLowerCase() === name,
  );
}
