/**
 * `cookie_util::CanonPathWithString`: a Path attribute starting with `/` is
 * taken as is; otherwise the URL's directory — its path up to, not including,
 * the last `/` — or `/` when that is empty.
 */
export function cookiePathFor(urlPath: string, path: string): string {
  if (path.startsWith('/')) return path;
  const slash = urlPath.lastIndexOf('/');
  if (slash <= 0) return '/';
  return urlPath.slice(0, slash);
}

/**
 * `url::CanonicalizePath` as `CreateSanitizedCookie` applies it to the stored
 * path: dot segments resolved, unsafe characters percent-encoded, always
 * starting with `/`.
 */
export function canonicalizePath(path: string): string {
  const escaped = (path.startsWith('/') ? path : `/${path}`).replace(/\?/g, '%3F').replace(/#/g, '%23');
  try {
    return new URL(`http://h${escaped}`).pathname;
  } catch {
    return escaped;
  }
}
