// Chromium's base::FilePath extension rules for one path component: a common
// compression suffix keeps a short second extension with it (`.tar.gz`).
const doubleExtensionSuffixes = new Set(['bz', 'bz2', 'gz', 'lz', 'lzma', 'lzo', 'xz', 'z', 'zst']);
const doubleExtensions = new Set(['user.js']);

function separatorPosition(name: string): number {
  if (name === '.' || name === '..') return -1;
  const last = name.lastIndexOf('.');
  if (last <= 0) return last;
  const penultimate = name.lastIndexOf('.', last - 1);
  if (penultimate === -1) return last;
  if (doubleExtensions.has(name.slice(penultimate + 1).toLowerCase())) return penultimate;
  const gap = last - penultimate;
  if (doubleExtensionSuffixes.has(name.slice(last + 1).toLowerCase()) && gap > 1 && gap <= 5)
    return penultimate;
  return last;
}

/** `FilePath::Extension()`: `.pdf`, `.tar.gz`, or `''`. */
export function extensionOf(name: string): string {
  const at = separatorPosition(name);
  return at === -1 ? '' : name.slice(at);
}

/** `FilePath::FinalExtension()`: only the last one (`.gz` of `a.tar.gz`). */
export function finalExtensionOf(name: string): string {
  if (name === '.' || name === '..') return '';
  const at = name.lastIndexOf('.');
  return at === -1 ? '' : name.slice(at);
}

export function removeExtension(name: string): string {
  const extension = extensionOf(name);
  return extension === '' ? name : name.slice(0, name.length - extension.length);
}

/** `FilePath::ReplaceExtension()`; an empty extension removes it. */
export function replaceExtension(name: string, extension: string): string {
  const bare = removeExtension(name);
  if (extension === '' || extension === '.') return bare;
  return extension.startsWith('.') ? `${bare}${extension}` : `${bare}.${extension}`;
}

/** `FilePath::InsertBeforeExtensionASCII()`: `name (1).tar.gz`. */
export function insertBeforeExtension(name: string, suffix: string): string {
  const extension = extensionOf(name);
  return `${removeExtension(name)}${suffix}${extension}`;
}
