import { decodeCharset, unescapeBinary } from './byte-strings';
import { contentDispositionFilename } from './content-disposition';
import { extensionOf, finalExtensionOf, replaceExtension } from './file-name-parts';
import { extensionsFor, preferredExtension } from './mime-extensions';

export interface FileNameSources {
  /** The download's final URL. */
  readonly url: string;
  readonly contentDisposition: string;
  /** The `download` attribute or another suggested name (`''` when none). */
  readonly suggestedName: string;
  readonly mimeType: string;
  readonly defaultName: string;
}

/**
 * `net::GenerateFileName` as Electron calls it for `getFilename()` and the
 * default save path (Linux rules): the Content-Disposition name as given,
 * else the suggested name, else the URL's last path segment; sanitised; a
 * MIME-derived extension added unless the name came from Content-Disposition.
 */
export function generateFileName(sources: FileNameSources): string {
  let name = sources.contentDisposition === '' ? '' : contentDispositionFilename(sources.contentDisposition);
  const fromContentDisposition = name !== '';
  let overwriteExtension = false;
  if (name === '') name = sources.suggestedName;
  if (name === '') ({ name, overwriteExtension } = fileNameFromUrl(sources.url));
  // The host name is never used: Electron always passes a default name.
  name = sanitize(name);
  if (!/[^-_]/.test(name)) {
    name = sources.defaultName === '' ? 'download' : sources.defaultName;
    overwriteExtension = false;
  }
  name = replaceIllegalCharacters(name);
  if (fromContentDisposition) return name;
  return ensureSafeExtension(sources.mimeType, overwriteExtension, name);
}

const specialSchemes = new Set(['http:', 'https:', 'file:', 'ftp:', 'ws:', 'wss:']);

/**
 * The percent-decoded last path segment; a URL with a query (even `?`) is
 * taken for a generator whose extension the MIME type may overwrite.
 */
function fileNameFromUrl(href: string): { name: string; overwriteExtension: boolean } {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { name: '', overwriteExtension: false };
  }
  if (url.protocol === 'about:' || url.protocol === 'data:') return { name: '', overwriteExtension: false };
  const withoutFragment = href.split('#')[0] ?? '';
  const hasQuery = withoutFragment.includes('?');
  // A non-standard scheme keeps everything after the colon as its path, as GURL does.
  const path = specialSchemes.has(url.protocol)
    ? url.pathname
    : (withoutFragment.slice(url.protocol.length).split('?')[0] ?? '');
  const segment = path.slice(path.lastIndexOf('/') + 1).split(';')[0] ?? '';
  const bytes = unescapeBinary(segment);
  const name = decodeCharset(bytes, 'utf-8') ?? Buffer.from(bytes).toString('latin1');
  return { name, overwriteExtension: name !== '' && hasQuery };
}

/** `SanitizeGeneratedFileName` (POSIX): no leading/trailing dots, path separators become `_`. */
function sanitize(name: string): string {
  return name.replace(/^\.+|\.+$/g, '').replace(/[/\\]/g, '_');
}

/**
 * `ReplaceIllegalCharactersInPath`: controls, format characters,
 * non-characters and `"*:<>?\|/` anywhere, whitespace and dots at either end.
 */
function replaceIllegalCharacters(name: string): string {
  const chars = [...name];
  return chars
    .map((c, i) => {
      const atEnd = i === 0 || i === chars.length - 1;
      if (/["*/:<>?\\|\p{Cc}\p{Cf}\p{Noncharacter_Code_Point}]/u.test(c)) return '_';
      if (atEnd && /[\p{White_Space}.]/u.test(c)) return '_';
      return c;
    })
    .join('');
}

/** `EnsureSafeExtension`: the MIME type's preferred extension when the name has none (or an unreliable one). */
function ensureSafeExtension(mimeType: string, ignoreExtension: boolean, name: string): string {
  const extension = extensionOf(name).replace(/^\./, '');
  if (mimeType === '' || (extension !== '' && !ignoreExtension)) return name;
  const preferred = preferredExtension(mimeType);
  if (preferred === undefined) return name;
  const valid = extensionsFor(mimeType);
  const final = finalExtensionOf(name).replace(/^\./, '');
  if (valid.includes(extension) || valid.includes(final)) return name;
  return replaceExtension(name, preferred);
}
