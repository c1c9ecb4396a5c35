/**
 * Chromium's `url::Origin` as far as storage keys need it: the serialised
 * tuple origin (`scheme://host[:port]`, default ports dropped, `file://` for
 * every file URL), or `undefined` for an opaque origin (`data:`, `about:`,
 * `javascript:`, a URL that does not parse, a non-special scheme without a host).
 */
export function serializeOrigin(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.protocol === 'file:') return 'file://';
  if (['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol)) return url.origin;
  if (url.host === '') return undefined;
  return `${url.protocol}//${url.host}`;
}

/** GURL's `possibly_invalid_spec()`: the canonical URL when it parses, else the input. */
export function possiblyInvalidSpec(input: string): string {
  try {
    return new URL(input).href;
  } catch {
    return input;
  }
}
