// Chromium's hard-coded MIME type ↔ extension lists (net/base/mime_util.cc),
// first extension preferred. Chromium asks the operating system's MIME
// database before the secondary list; the fake has only these lists.
const primary: readonly (readonly [string, string])[] = [
  ['video/webm', 'webm'],
  ['audio/mpeg', 'mp3'],
  ['application/wasm', 'wasm'],
  ['application/x-chrome-extension', 'crx'],
  ['application/xhtml+xml', 'xhtml,xht,xhtm'],
  ['audio/flac', 'flac'],
  ['audio/mp3', 'mp3'],
  ['audio/ogg', 'ogg,oga,opus'],
  ['audio/wav', 'wav'],
  ['audio/webm', 'webm'],
  ['audio/x-m4a', 'm4a'],
  ['image/avif', 'avif'],
  ['image/gif', 'gif'],
  ['image/jpeg', 'jpeg,jpg'],
  ['image/png', 'png'],
  ['image/apng', 'png,apng'],
  ['image/svg+xml', 'svg,svgz'],
  ['image/webp', 'webp'],
  ['multipart/related', 'mht,mhtml'],
  ['text/css', 'css'],
  ['text/html', 'html,htm,shtml,shtm'],
  ['text/javascript', 'js,mjs'],
  ['text/xml', 'xml'],
  ['video/mp4', 'mp4,m4v'],
  ['video/ogg', 'ogv,ogm'],
  ['text/csv', 'csv'],
];

const secondary: readonly (readonly [string, string])[] = [
  ['image/x-icon', 'ico'],
  ['application/epub+zip', 'epub'],
  ['application/font-woff', 'woff'],
  ['application/gzip', 'gz,tgz'],
  ['application/javascript', 'js'],
  ['application/json', 'json'],
  ['application/msword', 'doc,dot'],
  ['application/octet-stream', 'bin,exe,com'],
  ['application/pdf', 'pdf'],
  ['application/pkcs7-mime', 'p7m,p7c,p7z'],
  ['application/pkcs7-signature', 'p7s'],
  ['application/postscript', 'ps,eps,ai'],
  ['application/rdf+xml', 'rdf'],
  ['application/rss+xml', 'rss'],
  ['application/rtf', 'rtf'],
  ['application/vnd.android.package-archive', 'apk'],
  ['application/vnd.mozilla.xul+xml', 'xul'],
  ['application/vnd.ms-excel', 'xls'],
  ['application/vnd.ms-powerpoint', 'ppt'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/x-gzip', 'gz,tgz'],
  ['application/x-mpegurl', 'm3u8'],
  ['application/x-shockwave-flash', 'swf,swl'],
  ['application/x-tar', 'tar'],
  ['application/x-x509-ca-cert', 'cer,crt'],
  ['application/zip', 'zip'],
  ['audio/webm', 'weba'],
  ['image/bmp', 'bmp'],
  ['image/jpeg', 'jfif,pjpeg,pjp'],
  ['image/tiff', 'tiff,tif'],
  ['image/vnd.microsoft.icon', 'ico'],
  ['image/x-png', 'png'],
  ['image/x-xbitmap', 'xbm'],
  ['message/rfc822', 'eml'],
  ['text/calendar', 'ics'],
  ['text/html', 'ehtml'],
  ['text/plain', 'txt,text'],
  ['text/vtt', 'vtt'],
  ['text/x-sh', 'sh'],
  ['text/xml', 'xsl,xbl,xslt'],
  ['video/mpeg', 'mpeg,mpg'],
];

function firstOf(list: typeof primary, mimeType: string): string | undefined {
  return list.find(([type]) => type === mimeType)?.[1].split(',')[0];
}

/** `GetPreferredExtensionForMimeType`: none for `application/octet-stream`. */
export function preferredExtension(mimeType: string): string | undefined {
  if (mimeType === 'application/octet-stream') return undefined;
  return firstOf(primary, mimeType) ?? firstOf(secondary, mimeType);
}

/** `GetExtensionsForMimeType`: every extension either list gives the type. */
export function extensionsFor(mimeType: string): string[] {
  return [...primary, ...secondary]
    .filter(([type]) => type === mimeType)
    .flatMap(([, extensions]) => extensions.split(','));
}
