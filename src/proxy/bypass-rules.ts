import { isIP } from 'node:net';

export interface BypassRules {
  readonly rules: readonly ((url: URL) => boolean)[];
  /** `<-loopback>` removes Chromium's implicit localhost/loopback/link-local bypass. */
  readonly implicit: boolean;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

// Chromium's implicit bypass (since 72): localhost, *.localhost, 127/8, ::1, link-local.
function implicitlyBypassed(url: URL): boolean {
  const host = hostOf(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.') || host.startsWith('169.254.');
  if (isIP(host) === 6) return host === '::1' || host.startsWith('fe80:');
  return false;
}

function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
}

function parseRule(text: string): ((url: URL) => boolean) | undefined {
  const rule = text.trim();
  if (rule === '') return undefined;
  // `<local>` means host names without a dot (ProxyBypassRules), not "localhost".
  if (rule === '<local>') return (url) => !hostOf(url).includes('.') && isIP(hostOf(url)) === 0;
  let rest = rule;
  let scheme: string | undefined;
  const sep = rest.indexOf('://');
  if (sep !== -1) {
    scheme = rest.slice(0, sep).toLowerCase();
    rest = rest.slice(sep + 3);
  }
  let port: string | undefined;
  const portMatch = /^(.*[^:\]]):(\d+)$/.exec(rest) ?? /^(\[.*\]):(\d+)$/.exec(rest);
  if (portMatch !== null) {
    rest = portMatch[1] ?? rest;
    port = portMatch[2];
  }
  const hostPattern = rest.startsWith('.') ? `*${rest}` : rest;
  const matcher = wildcard(hostPattern.replace(/^\[|\]$/g, ''));
  return (url) => {
    if (scheme !== undefined && url.protocol.slice(0, -1) !== scheme) return false;
    const urlPort = url.port || (url.protocol === 'https:' ? '443' : '80');
    if (port !== undefined && urlPort !== port) return false;
    return matcher.test(hostOf(url));
  };
}

/** Parses a comma (or semicolon) separated `proxyBypassRules` list; bad entries are dropped. */
export function parseBypassRules(text: string): BypassRules {
  const parts = text.split(/[,;]/);
  const implicit = !parts.some((p) => p.trim() === '<-loopback>');
  const rules = parts
    .filter((p) => p.trim() !== '<-loopback>')
    .map(parseRule)
    .filter((r): r is (url: URL) => boolean => r !== undefined);
  return { rules, implicit };
}

export function bypasses(bypass: BypassRules, url: URL): boolean {
  if (bypass.implicit && implicitlyBypassed(url)) return true;
  return bypass.rules.some((rule) => rule(url));
}
