/**
 * Which schemes Chromium's URL library treats as "standard" (`scheme://host/path`)
 * as Electron's main process sees them: url/url_util.cc's built-in list, the
 * schemes content/ registers, and `chrome-extension`. Apps add more with
 * `protocol.registerSchemesAsPrivileged([{ scheme, privileges: { standard: true } }])`.
 */
export const builtInStandardSchemes: ReadonlySet<string> = new Set([
  'http',
  'https',
  'file',
  'ftp',
  'ws',
  'wss',
  'filesystem',
  'chrome',
  'chrome-untrusted',
  'chrome-error',
  'devtools',
  'chrome-extension',
]);

/** Decides whether a (lower-case) scheme is standard. */
export type StandardSchemePredicate = (scheme: string) => boolean;

export const isBuiltInStandardScheme: StandardSchemePredicate = (scheme) =>
  builtInStandardSchemes.has(scheme);

/** `url::IsStandard` compares schemes case-insensitively. */
export function isStandardScheme(scheme: string, isStandard: StandardSchemePredicate): boolean {
  return isStandard(scheme.toLowerCase());
}

const defaultPorts: ReadonlyMap<string, number> = new Map([
  ['http', 80],
  ['https', 443],
  ['ws', 80],
  ['wss', 443],
  ['ftp', 21],
]);

/** `url::DefaultPortForScheme`: exact (case-sensitive) lookup; -1 is `PORT_UNSPECIFIED`. */
export function defaultPortForScheme(scheme: string): number {
  return defaultPorts.get(scheme) ?? -1;
}
