import { isIP } from 'node:net';
import type { Clock } from '../clock/clock';
import { nextTask } from '../clock/clock';
import { NetError } from '../errors/net-error';
import type { HostEntry } from '../runtime/runtime';
import { conversionError, isDictionary, stringArgument } from './gin-arguments';

/** `Electron.ResolvedEndpoint`. */
export interface ResolvedEndpoint {
  address: string;
  family: 'ipv4' | 'ipv6' | 'unspec';
}

/** `Electron.ResolvedHost`. */
export interface ResolvedHost {
  endpoints: ResolvedEndpoint[];
}

/** `Electron.ResolveHostOptions`. */
export interface ResolveHostOptions {
  queryType?: 'A' | 'AAAA';
  source?: 'any' | 'system' | 'dns' | 'mdns' | 'localOnly';
  cacheUsage?: 'allowed' | 'staleAllowed' | 'disallowed';
  secureDnsPolicy?: 'allow' | 'disable';
}

const allowed: { readonly [K in keyof ResolveHostOptions]-?: readonly string[] } = {
  queryType: ['A', 'AAAA'],
  source: ['any', 'system', 'dns', 'mdns', 'localOnly'],
  cacheUsage: ['allowed', 'staleAllowed', 'disallowed'],
  secureDnsPolicy: ['allow', 'disable'],
};

/** Chromium caches a system-resolver answer for one minute (`kCacheEntryTTLSeconds`). */
export const hostCacheTtlMs = 60_000;

interface CacheEntry {
  readonly entries: readonly HostEntry[];
  readonly expiresAt: number;
}

/**
 * A session's host resolver: answers from the fake's process-wide host map
 * (`createElectronFake({ hosts })`, `fake.setHost`), with Chromium's per-network-
 * context host cache in front of it. `localhost` and `*.localhost` resolve to
 * `::1` and `127.0.0.1` without a lookup, IP literals to themselves; any other
 * name missing from the map fails with `net::ERR_NAME_NOT_RESOLVED` (the fake
 * never asks a real DNS server).
 */
export class HostResolver {
  readonly #hosts: Map<string, HostEntry[]>;
  readonly #clock: Clock;
  readonly #cache = new Map<string, CacheEntry>();

  constructor(hosts: Map<string, HostEntry[]>, clock: Clock) {
    this.#hosts = hosts;
    this.#clock = clock;
  }

  /** `ses.resolveHost(host, options?)`: validates synchronously, answers on a later task. */
  resolve(args: ArrayLike<unknown>): Promise<ResolvedHost> {
    const host = stringArgument(args, 0);
    const options = parseOptions(args);
    return nextTask().then(() => {
      const entries = this.#lookup(host.toLowerCase(), options.cacheUsage ?? 'allowed');
      const wanted =
        options.queryType === undefined ? undefined : options.queryType === 'A' ? 'ipv4' : 'ipv6';
      const endpoints = entries
        .filter((entry) => wanted === undefined || entry.family === wanted)
        .map(({ address, family }) => ({ address, family }));
      if (endpoints.length === 0) throw new NetError('ERR_NAME_NOT_RESOLVED');
      return { endpoints };
    });
  }

  /** `ses.clearHostResolverCache()`: drops every cached answer. */
  clearCache(): void {
    this.#cache.clear();
  }

  /** Host names with a cached answer (fresh or stale), for `fake.inspect`. */
  cachedHosts(): string[] {
    return [...this.#cache.keys()];
  }

  #lookup(host: string, cacheUsage: NonNullable<ResolveHostOptions['cacheUsage']>): readonly HostEntry[] {
    const literal = literalEntries(host);
    if (literal !== undefined) return literal;
    const cached = this.#cache.get(host);
    const now = this.#clock.now();
    if (
      cached !== undefined &&
      cacheUsage !== 'disallowed' &&
      (cacheUsage === 'staleAllowed' || cached.expiresAt > now)
    ) {
      return cached.entries;
    }
    const entries = this.#hosts.get(host) ?? [];
    if (entries.length > 0) this.#cache.set(host, { entries: [...entries], expiresAt: now + hostCacheTtlMs });
    return entries;
  }
}

function literalEntries(host: string): HostEntry[] | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const version = isIP(bare);
  if (version === 4) return [{ address: bare, family: 'ipv4' }];
  if (version === 6) return [{ address: bare, family: 'ipv6' }];
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return [
      { address: '::1', family: 'ipv6' },
      { address: '127.0.0.1', family: 'ipv4' },
    ];
  }
  return undefined;
}

function parseOptions(args: ArrayLike<unknown>): ResolveHostOptions {
  if (args.length < 2 || args[1] === undefined) return {};
  const value = args[1];
  if (!isDictionary(value)) throw conversionError(1, value);
  const options: Record<string, string> = {};
  for (const key of Object.keys(allowed) as (keyof ResolveHostOptions)[]) {
    const member = value[key];
    if (typeof member !== 'string') continue;
    if (!allowed[key].includes(member)) throw conversionError(1, value);
    options[key] = member;
  }
  return options as ResolveHostOptions;
}
