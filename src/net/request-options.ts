import { format } from 'node:url';
import type { RedirectMode, CacheMode } from '../pipeline/exchange';
import { isValidHeaderName, isValidHeaderValue } from '../web-request/header-syntax';

/** @see https://www.electronjs.org/docs/latest/api/client-request#new-clientrequestoptions */
export interface ClientRequestConstructorOptions {
  method?: string;
  url?: string;
  headers?: Record<string, string | string[]>;
  session?: unknown;
  partition?: string;
  credentials?: 'include' | 'omit' | 'same-origin';
  useSessionCookies?: boolean;
  protocol?: string;
  host?: string;
  hostname?: string;
  port?: number | string;
  path?: string;
  redirect?: RedirectMode;
  origin?: string;
  referrerPolicy?: string;
  cache?: CacheMode;
  priority?: 'throttled' | 'idle' | 'lowest' | 'low' | 'medium' | 'highest';
  priorityIncremental?: boolean;
  bypassCustomProtocolHandlers?: boolean;
}

export interface ParsedRequestOptions {
  url: string;
  method: string;
  redirect: RedirectMode;
  headers: Map<string, { name: string; value: string | string[] }>;
  session: unknown;
  partition: string | undefined;
  credentials: 'include' | 'omit' | 'same-origin' | undefined;
  useSessionCookies: boolean;
  origin: string | undefined;
  cache: CacheMode;
  bypassCustomProtocolHandlers: boolean;
}

export function validateHeader(name: unknown, value: unknown): void {
  if (typeof name !== 'string') throw new TypeError('`name` should be a string in setHeader(name, value)');
  if (value === null || value === undefined)
    throw new Error(`\`value\` required in setHeader("${name}", value)`);
  if (!isValidHeaderName(name)) throw new Error(`Invalid header name: '${name}'`);
  if (!isValidHeaderValue(String(value)))
    throw new Error(`Invalid value for header '${name}': '${String(value)}'`);
}

/** Electron's ClientRequest option parsing (lib/common/api/net-client-request.ts), with its error texts. */
export function parseRequestOptions(input: ClientRequestConstructorOptions | string): ParsedRequestOptions {
  const options: ClientRequestConstructorOptions & { href?: string } =
    typeof input === 'string' ? { url: new URL(input).href } : { ...input };
  let url = options.url ?? options.href;
  if (url === undefined || url === '') {
    const parts: {
      protocol: string;
      host?: string;
      hostname?: string;
      port?: string;
      pathname?: string;
      search?: string;
      hash?: string;
    } = {
      protocol: options.protocol ?? 'http:',
    };
    if (options.host !== undefined && options.host !== '') parts.host = options.host;
    else {
      parts.hostname =
        options.hostname !== undefined && options.hostname !== '' ? options.hostname : 'localhost';
      if (options.port !== undefined && options.port !== '') parts.port = String(options.port);
    }
    if (options.path !== undefined && / /.test(options.path))
      throw new TypeError('Request path contains unescaped characters');
    const path = new URL(
      options.path !== undefined && options.path !== '' ? options.path : '/',
      'http://localhost',
    );
    parts.pathname = path.pathname;
    parts.search = path.search;
    parts.hash = path.hash;
    url = format(parts);
  }
  const redirect = options.redirect ?? 'follow';
  if (!['follow', 'error', 'manual'].includes(redirect)) {
    throw new Error('redirect mode should be one of follow, error or manual');
  }
  if (options.headers !== undefined && options.headers !== null && typeof options.headers !== 'object') {
    throw new TypeError('headers must be an object');
  }
  const headers = new Map<string, { name: string; value: string | string[] }>();
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    validateHeader(name, value);
    headers.set(name.toLowerCase(), { name, value });
  }
  if (
    options.partition !== undefined &&
    options.session === undefined &&
    typeof options.partition !== 'string'
  ) {
    throw new TypeError('`partition` should be a string');
  }
  return {
    url,
    method: (options.method ?? 'GET').toUpperCase(),
    redirect,
    headers,
    session: options.session,
    partition: options.partition,
    credentials: options.credentials,
    useSessionCookies: options.useSessionCookies === true,
    origin: options.origin,
    cache: options.cache ?? 'default',
    bypassCustomProtocolHandlers: options.bypassCustomProtocolHandlers === true,
  };
}
