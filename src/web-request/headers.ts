import { isValidHeaderName, isValidHeaderValue } from './header-syntax';
import { isV8Object } from './v8-value';
import { compareUtf8 } from './utf8-order';

export { parseStatusLine, type ParsedStatusLine } from './status-line';
export { isV8Object } from './v8-value';

/**
 * onBeforeSendHeaders `requestHeaders` (call it only for an object value;
 * Electron keeps the headers otherwise). The result REPLACES the whole set.
 * Electron converts the object to a `base::Value::Dict` and calls
 * `HttpRequestHeaders::SetHeader` per entry, so:
 * - only own enumerable string values count; arrays and other values are dropped;
 * - a name or value `net::HttpUtil` rejects (space in the name, CR/LF in the
 *   value) is dropped silently;
 * - entries come out in byte order of their names (the dictionary is sorted),
 *   and names equal but for case collapse into the first name with the last value;
 * - an array or function (not a dictionary) empties the set.
 */
export function requestHeadersFromListener(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const source = value as Record<string, unknown>;
  const headers: [string, string][] = [];
  for (const name of Object.keys(source).sort(compareUtf8)) {
    let item: unknown;
    try {
      item = source[name];
    } catch {
      continue; // the V8 value converter turns a throwing getter into null
    }
    if (typeof item !== 'string' || !isValidHeaderName(name) || !isValidHeaderValue(item)) continue;
    const lower = name.toLowerCase();
    const existing = headers.find(([key]) => key.toLowerCase() === lower);
    if (existing === undefined) headers.push([name, item]);
    else existing[1] = item;
  }
  return headers;
}

/**
 * onHeadersReceived `responseHeaders` (call it only for an object value). The
 * result replaces every response header. Electron's
 * `Converter<net::HttpResponseHeaders*>::FromV8`:
 * - walks own enumerable keys in property order; an array value becomes
 *   repeated headers, anything else goes through JS `ToString`;
 * - stops at the first invalid name or value (or a `ToString` that throws)
 *   and keeps what it added so far (electron/electron#52483);
 * - index-like keys ("123") reach it as numbers it cannot read as a name, so
 *   they stop the conversion too;
 * - values lose leading and trailing spaces and tabs when Chromium re-parses them.
 */
export function responseHeadersFromListener(value: unknown): [string, string][] {
  if (!isV8Object(value)) return [];
  const source = value as Record<string, unknown>;
  const headers: [string, string][] = [];
  for (const key of Object.keys(source)) {
    const name = isArrayIndex(key) ? '' : key;
    let item: unknown;
    try {
      item = source[key];
    } catch {
      return headers;
    }
    const items: readonly unknown[] = Array.isArray(item) ? item : [item];
    for (let index = 0; index < items.length; index++) {
      let text: string;
      try {
        text = `${items[index] as string}`;
      } catch {
        return headers;
      }
      if (!isValidHeaderName(name) || !isValidHeaderValue(text)) return headers;
      headers.push([name, text.replace(/^[ \t]+|[ \t]+$/g, '')]);
    }
  }
  return headers;
}

/**
 * Response headers as webRequest details show them: one entry per name in its
 * original case (names differing in case stay apart), repeated headers as
 * several values, names in byte order (Electron builds a sorted dictionary).
 */
export function responseHeadersForDetails(
  raw: readonly (readonly [string, string])[],
): Record<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [name, value] of raw) {
    const values = groups.get(name);
    if (values === undefined) groups.set(name, [value]);
    else values.push(value);
  }
  const record: Record<string, string[]> = {};
  for (const name of [...groups.keys()].sort(compareUtf8)) {
    // defineProperty, so a header called `__proto__` stays an ordinary key.
    Object.defineProperty(record, name, {
      value: groups.get(name),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
