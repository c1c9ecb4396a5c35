import { loadQuickJS } from './quickjs-module';
import type { ProxyHop } from '../transports/transport';
import { parseProxyUri } from './proxy-rules';
import type { ProxyResolutionEnv } from './resolve-proxy';

// PAC utility functions defined inside the sandbox (Chromium pac_js_library.h semantics).
const pacLibrary = `
function isPlainHostName(host) { return host.indexOf('.') === -1; }
function dnsDomainIs(host, domain) { return host.length >= domain.length && host.substring(host.length - domain.length) === domain; }
function localHostOrDomainIs(host, hostdom) { return host === hostdom || hostdom.lastIndexOf(host + '.', 0) === 0; }
function dnsDomainLevels(host) { return host.split('.').length - 1; }
function shExpMatch(url, pattern) {
  pattern = pattern.replace(/\\./g, '\\\\.').replace(/\\*/g, '.*').replace(/\\?/g, '.');
  return new RegExp('^' + pattern + '$').test(url);
}
function convert_addr(ipchars) { var b = ipchars.split('.'); return ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0; }
function isResolvable(host) { return dnsResolve(host) !== null; }
function isInNet(host, pattern, mask) {
  var ip = /^\\d+\\.\\d+\\.\\d+\\.\\d+$/.test(host) ? host : dnsResolve(host);
  if (ip === null) return false;
  return (convert_addr(ip) & convert_addr(mask)) === (convert_addr(pattern) & convert_addr(mask));
}
function myIpAddress() { return '127.0.0.1'; }
function alert() {}
`;

const maxInterrupts = 10_000;

/** Runs `FindProxyForURL(url, host)` in a QuickJS WebAssembly context and parses its answer. */
export async function evaluatePac(script: string, url: URL, env: ProxyResolutionEnv): Promise<ProxyHop[]> {
  const quickjs = await loadQuickJS();
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(32 * 1024 * 1024);
  runtime.setMaxStackSize(512 * 1024);
  let interrupts = 0;
  runtime.setInterruptHandler(() => ++interrupts > maxInterrupts);
  const vm = runtime.newContext();
  try {
    const resolve = vm.newFunction('dnsResolve', (hostHandle) => {
      const address = env.resolveHost(vm.getString(hostHandle))?.[0];
      return address === undefined ? vm.null : vm.newString(address);
    });
    vm.setProp(vm.global, 'dnsResolve', resolve);
    resolve.dispose();
    vm.unwrapResult(vm.evalCode(pacLibrary)).dispose();
    vm.unwrapResult(vm.evalCode(script)).dispose();
    // Chromium strips credentials, and for https the path and query, before calling the script.
    const sanitized =
      url.protocol === 'https:'
        ? `${url.protocol}//${url.host}/`
        : `${url.protocol}//${url.host}${url.pathname}${url.search}`;
    const fn = vm.getProp(vm.global, 'FindProxyForURL');
    const args = [vm.newString(sanitized), vm.newString(url.hostname)];
    const result = vm.unwrapResult(vm.callFunction(fn, vm.undefined, ...args));
    fn.dispose();
    for (const a of args) a.dispose();
    const text: unknown = vm.dump(result);
    result.dispose();
    if (typeof text !== 'string') throw new Error('FindProxyForURL did not return a string');
    return parsePacResult(text);
  } finally {
    vm.dispose();
    runtime.dispose();
  }
}

const pacSchemes: Record<string, ProxyHop['scheme']> = {
  PROXY: 'http',
  HTTPS: 'https',
  SOCKS: 'socks4',
  SOCKS4: 'socks4',
  SOCKS5: 'socks5',
  QUIC: 'quic',
};

/** `ProxyList::SetFromPacString`: bad entries are skipped; nothing valid means failure. */
export function parsePacResult(text: string): ProxyHop[] {
  const list: ProxyHop[] = [];
  for (const entry of text.split(';')) {
    const [keyword, server] = entry.trim().split(/\s+/);
    if (keyword === undefined || keyword === '') continue;
    const upper = keyword.toUpperCase();
    if (upper === 'DIRECT') list.push({ scheme: 'direct', host: '', port: 0 });
    else if (pacSchemes[upper] !== undefined && server !== undefined) {
      const hop = parseProxyUri(server, pacSchemes[upper]);
      if (hop !== undefined) list.push(hop);
    }
  }
  if (list.length === 0) throw new Error(`Invalid PAC result: ${text}`);
  return list;
}
