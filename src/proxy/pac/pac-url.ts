/**
 * `SanitizeUrl` (configured_proxy_resolution_service.cc): what a PAC script
 * may see of a URL. User name, password and fragment are always removed; for
 * cryptographic schemes (https, wss) the path and query too, leaving
 * `scheme://host[:port]/`.
 */
export function sanitizeUrlForPac(href: string): string {
  const url = new URL(href);
  url.username = '';
  url.password = '';
  url.hash = '';
  if (url.protocol === 'https:' || url.protocol === 'wss:') {
    url.pathname = '/';
    url.search = '';
  }
  return url.href;
}
