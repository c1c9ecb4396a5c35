import type { Clock } from '../clock/clock';
import type { AppPathName } from '../app/app-paths';
import type { App } from '../app/app';
import type { FakeFileSystem } from './file-system';
import type { Transport } from '../transports/transport';
import type { ProxyConfig } from '../structures/proxy-config';
import type { RequestLog } from './request-log';
import type { EmulationFidelity } from '../network-emulation/session-throttle';

/** A resolved host entry as `session.resolveHost` reports it. */
export interface HostEntry {
  address: string;
  family: 'ipv4' | 'ipv6';
}

/** The network context that `app.setProxy` / `app.resolveProxy` act on. */
export interface ProxyContext {
  setProxy(config: ProxyConfig): Promise<void>;
  resolveProxy(url: string): Promise<string>;
}

/**
 * Process-wide state of one fake Electron "process": what real Electron keeps
 * in the browser process and the network service. Sessions, `app` and `net`
 * read it; only `createElectronFake` and `fake.restart()` create it.
 */
export interface Runtime {
  readonly clock: Clock;
  readonly fs: FakeFileSystem;
  readonly paths: Map<AppPathName, string>;
  appName: string;
  appVersion: string;
  readonly app: App;
  readonly transport: Transport;
  /** Host name → addresses, consulted by `resolveHost`, PAC `dnsResolve` and the live transport. */
  readonly hosts: Map<string, HostEntry[]>;
  /** `allowNTLMCredentialsForDomains` is a network-service pref shared by all sessions. */
  ntlmCredentialDomains: string | undefined;
  readonly systemNetworkContext: ProxyContext;
  /** Blob UUID → bytes, for `getBlobData`. */
  readonly blobs: Map<string, Buffer>;
  /** Process environment used for `mode: 'system'` proxies. */
  readonly env: Record<string, string | undefined>;
  readonly userAgent: string;
  /** `protocol.registerSchemesAsPrivileged` registrations (scheme → privileges). */
  readonly privilegedSchemes: Map<string, Record<string, boolean>>;
  /** What `net.isOnline()` reports: the OS connectivity, set through `fake.setOnline()`. */
  online: boolean;
  /** Every finished request, for `fake.requests`. */
  readonly requestLog: RequestLog;
  /** Whether `enableNetworkEmulation` conditions apply to requests (`createElectronFake({ emulation })`). */
  readonly emulation: EmulationFidelity;
  /** Largest HTTP cache of an in-memory session, in bytes (Chromium: 2 % of RAM, at most 50 MiB). */
  readonly memoryCacheSize: number;
  /** Largest HTTP cache of a persistent session, in bytes (Chromium's `--disk-cache-size`; 80 MiB). */
  readonly diskCacheSize: number;
}
