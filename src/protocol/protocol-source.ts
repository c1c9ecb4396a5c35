import path from 'node:path';
import { NetError } from '../errors/net-error';
import type { FakeFileSystem } from '../runtime/file-system';
import type { TransportResponse } from '../transports/transport';
import { fileResponse } from './file-handler';

/** @see https://www.electronjs.org/docs/latest/api/structures/protocol-source */
export interface ProtocolSource {
  routes: ProtocolRoute[];
}

/** @see https://www.electronjs.org/docs/latest/api/structures/protocol-route */
export interface ProtocolRoute {
  match?: { host?: string; path?: string };
  source: { type: string; root: string; index?: string; headers?: Record<string, string> };
}

/**
 * Checks a `registerSource` argument. Electron's exact texts for malformed
 * sources are not in our references (the API is experimental in 45); these
 * messages name the field at fault.
 */
export function validateSource(scheme: string, source: unknown): ProtocolSource {
  const fail = (reason: string): never => {
    throw new TypeError(`Invalid source for protocol '${scheme}': ${reason}`);
  };
  if (typeof source !== 'object' || source === null) return fail('expected an object with routes');
  const routes = (source as { routes?: unknown }).routes;
  if (!Array.isArray(routes)) return fail('routes must be an array');
  routes.forEach((route: unknown, i) => {
    const target = (route as { source?: { type?: unknown; root?: unknown } } | null)?.source;
    if (target?.type !== 'directory') fail(`routes[${i}].source.type must be 'directory'`);
    if (typeof target?.root !== 'string' || !path.isAbsolute(target.root))
      fail(`routes[${i}].source.root must be an absolute path`);
    const matchPath = (route as { match?: { path?: unknown } }).match?.path;
    if (matchPath !== undefined && (typeof matchPath !== 'string' || !matchPath.startsWith('/'))) {
      fail(`routes[${i}].match.path must start with '/'`);
    }
  });
  return source as ProtocolSource;
}

/** A route with a host beats one without; then the longest path prefix wins. */
function pickRoute(source: ProtocolSource, url: URL): ProtocolRoute | undefined {
  const host = url.host.toLowerCase();
  let best: ProtocolRoute | undefined;
  let bestScore = -1;
  for (const route of source.routes) {
    const wantHost = route.match?.host;
    if (wantHost !== undefined && wantHost.toLowerCase() !== host) continue;
    const prefix = route.match?.path ?? '/';
    if (!url.pathname.startsWith(prefix)) continue;
    const score = (wantHost === undefined ? 0 : 1_000_000) + prefix.length;
    if (score > bestScore) {
      best = route;
      bestScore = score;
    }
  }
  return best;
}

/** Serves a request from a `registerSource` source: files under the matched route's root. */
export function serveFromSource(
  source: ProtocolSource,
  url: URL,
  method: string,
  fs: FakeFileSystem,
): TransportResponse {
  if (method !== 'GET' && method !== 'HEAD') throw new NetError('ERR_FILE_NOT_FOUND');
  const route = pickRoute(source, url);
  if (route === undefined) throw new NetError('ERR_FILE_NOT_FOUND');
  const prefix = route.match?.path ?? '/';
  let rest: string;
  try {
    rest = decodeURIComponent(url.pathname.slice(prefix.length));
  } catch {
    throw new NetError('ERR_FILE_NOT_FOUND');
  }
  const root = path.resolve(route.source.root);
  let file = path.resolve(root, `.${path.posix.sep}${rest}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) throw new NetError('ERR_FILE_NOT_FOUND');
  if (url.pathname.endsWith('/')) {
    const index = route.source.index ?? 'index.html';
    if (index === '') throw new NetError('ERR_FILE_NOT_FOUND');
    file = path.join(file, index);
  }
  const response = fileResponse(fs, file, route.source.headers ?? {});
  return method === 'HEAD' ? { ...response, body: null } : response;
}
