// Chromium's kPathCharmap (net/base/escape.cc): control characters, space,
// " # % : < > ? [ \ ] ^ ` { | } DEL and every non-ASCII byte are escaped; '/' is not.
const pathUnsafe = /[\x00-\x20"#%:<>?[\\\]^`{|}\x7f]/;

/**
 * Electron's partition folder name (`ElectronBrowserContext::MakePartitionName`):
 * `base::EscapePath(base::ToLowerASCII(name))`, escaping byte-wise with upper-case hex.
 */
export function partitionFolder(name: string): string {
  const lowered = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let out = '';
  for (const byte of Buffer.from(lowered, 'utf8')) {
    const char = String.fromCharCode(byte);
    out +=
      byte >= 0x80 || pathUnsafe.test(char) ? `%${byte.toString(16).toUpperCase().padStart(2, '0')}` : char;
  }
  return out;
}
