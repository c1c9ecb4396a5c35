import { registrableDomain } from '../cookies/registrable-domain';

/**
 * Chromium's `HttpCache::GenerateCacheKey` for a request of the main process:
 * `<credentials>/<upload id>/_dk_<top-frame site> <frame site> <url>`. The
 * split cache keys every entry by its network isolation key; a request from
 * the browser process gets one made for the URL's own site
 * (`IsolationInfo::CreateForInternalRequest`, kept across redirects), so both
 * sites are the first URL's. The URL loses its fragment and credentials
 * (`HttpUtil::SpecForRequest`).
 */
export function cacheKey(url: URL, firstUrl: string): string {
  const site = schemefulSite(firstUrl === url.href ? url : new URL(firstUrl));
  return `1/0/_dk_${site} ${site} ${specForRequest(url)}`;
}

function specForRequest(url: URL): string {
  if (url.hash === '' && url.username === '' && url.password === '') return url.href;
  const parsed = new URL(url.href);
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** `net::SchemefulSite`: scheme and registrable domain, or the host when it has none; no port. */
function schemefulSite(url: URL): string {
  const host = url.hostname;
  const domain = host.startsWith('[') ? '' : registrableDomain(host);
  return `${url.protocol}//${domain === '' ? host : domain}`;
}
