import { App } from './app/app';
import { defaultAppPaths } from './app/app-paths';
import { toClock, type Clock, type SinonClock } from './clock/clock';
import { createMemoryFileSystem, type FakeFileSystem } from './runtime/file-system';
import type { HostEntry, Runtime } from './runtime/runtime';
import { SessionModule } from './session/session-module';
import type { Session } from './session/session';
import type { Transport } from './transports/transport';
import { LiveTransport } from './transports/live/live-transport';
import { InProcessTransport, type InProcessHandler } from './transports/in-process/in-process-transport';
import { createNet, type Net } from './net/net';
import { createProtocolModule, type ProtocolModule } from './protocol/protocol-module';
import { Dialog } from './dialog/dialog';
import { installDownloads } from './download-item/download-manager';
import { createBrowserWindowClass, type BrowserWindowClass } from './browser-window/browser-window';
import { WebContentsRegistry, type WebContentsModule } from './web-contents/web-contents-registry';
import { createSystemNetworkContext } from './session/system-network-context';
import { FakeControls } from './fake-controls';
import { parseHostMap } from './runtime/host-map';
import { RequestLog } from './runtime/request-log';
import type { RecordingOptions } from './fixtures/fixture-recorder';
import { withRecording } from './transports/fixture/recording-transport';
import { FixtureTransport } from './transports/fixture/fixture-transport';
import { emulationFidelity, type EmulationFidelity } from './network-emulation/session-throttle';
import { cacheLimits } from './http-cache/cache-limits';

/** Electron version whose behaviour the fake reproduces. */
export const electronVersion = '45.5.0';
/** Chromium major shipped with Electron 45 (reduced User-Agent form). */
export const chromeVersion = '154.0.0.0';

export interface ElectronFakeOptions {
  /** A `@sinonjs/fake-timers` clock, or the fake's own `Clock`. Default: the global timers, read at call time. */
  clock?: Clock | SinonClock;
  /** `false` starts before `app` is ready; call `fake.ready()` later. Default `true`. */
  ready?: boolean;
  /** A real directory for userData. Default: `/home/user/.config/<name>` on an in-memory memfs volume. */
  userDataPath?: string;
  /** `app.getName()`. Default `'Electron'`. */
  name?: string;
  /** `app.getVersion()`. Default: the Electron version. */
  version?: string;
  /**
   * Where requests go: a {@link Transport}, or a `(request: Request) => Response` handler
   * answering in-process. Default: the live transport (Node's HTTP stack).
   */
  transport?: Transport | InProcessHandler;
  /** Host name → address(es) for `resolveHost` and PAC `dnsResolve`. */
  hosts?: Record<string, string | string[]>;
  /** Environment read for `setProxy({ mode: 'system' })` and `NET_RECORD_MODE`. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /**
   * Record traffic into HAR fixtures and replay it offline: `{ mode, dir, name? }`
   * (README "Record and replay"). Requests then go through the fixture transport,
   * which wraps `transport`.
   */
  recording?: RecordingOptions;
  /**
   * What `enableNetworkEmulation` does to requests: `'chromium'` (default)
   * applies latency, throughput and offline as Chromium's throttle does;
   * `'electron-actual'` only stores them, as Electron 7 and later really do
   * (electron/electron#21250).
   */
  emulation?: EmulationFidelity;
  /** Largest HTTP cache of an in-memory session, in bytes. Default: 2 % of RAM, at most 50 MiB. */
  memoryCacheSize?: number;
  /** Largest HTTP cache of a persistent session, in bytes (`--disk-cache-size`). Default 80 MiB. */
  diskCacheSize?: number;
}

/** What `require('electron')` gives main-process code, plus the harness controls in `fake`. */
export interface ElectronFake {
  readonly app: App;
  readonly session: SessionModule;
  readonly net: Net;
  readonly protocol: ProtocolModule;
  readonly dialog: Dialog;
  readonly BrowserWindow: BrowserWindowClass;
  readonly webContents: WebContentsModule;
  readonly fake: FakeControls;
}

interface Carried {
  readonly fs: FakeFileSystem;
  readonly hosts: Map<string, HostEntry[]>;
  /** A restarted app keeps recording into the same fixtures. */
  readonly recording?: FixtureTransport | undefined;
}

/**
 * Creates an in-memory Electron main process: `session`, `net`, `app`,
 * `protocol`, `dialog`, `BrowserWindow` and `webContents`, with Electron 45's
 * behaviour, plus `fake` to drive it from a test.
 * @example
 * const electron = createElectronFake({ transport: () => new Response('hi') });
 * const res = await electron.net.fetch('https://example.com/');
 */
export function createElectronFake(options: ElectronFakeOptions = {}, carried?: Carried): ElectronFake {
  const clock = toClock(options.clock);
  const appName = options.name ?? 'Electron';
  const appVersion = options.version ?? electronVersion;
  const paths = defaultAppPaths(appName, options.userDataPath);
  const userData = paths.get('userData') ?? '/';
  const fs =
    carried?.fs ?? (options.userDataPath === undefined ? createMemoryFileSystem(userData) : realFs());
  const hosts = carried?.hosts ?? parseHostMap(options.hosts ?? {});
  const transport =
    carried?.recording ??
    withRecording(toTransport(options.transport, hosts), options.recording, {
      clock,
      env: options.env ?? process.env,
    });
  const recording = transport instanceof FixtureTransport ? transport : undefined;
  const emulation = emulationFidelity(options.emulation);
  const { memoryCacheSize, diskCacheSize } = cacheLimits(options);

  // The runtime is assembled in two steps because `app` and the system network
  // context need the runtime object itself.
  const runtime = {
    clock,
    fs,
    paths,
    appName,
    appVersion,
    transport,
    hosts,
    ntlmCredentialDomains: undefined,
    blobs: new Map<string, Buffer>(),
    privilegedSchemes: new Map(),
    online: true,
    requestLog: new RequestLog(),
    emulation,
    memoryCacheSize,
    diskCacheSize,
    env: options.env ?? process.env,
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ${appName}/${appVersion} Chrome/${chromeVersion} Electron/${electronVersion} Safari/537.36`,
  } as Partial<Runtime> as { -readonly [K in keyof Runtime]: Runtime[K] };
  runtime.app = new App(runtime);
  runtime.systemNetworkContext = createSystemNetworkContext(runtime);

  // A new memory volume makes the folder itself when first used.
  if (carried?.fs !== undefined || options.userDataPath !== undefined)
    fs.mkdirSync(userData, { recursive: true });

  const app = runtime.app;
  // Downloads ask this dialog for their save path, so a spy on `dialog.showSaveDialog` answers them.
  const dialog = new Dialog(runtime);
  const session = new SessionModule(runtime, (created: Session) => {
    installDownloads(created, dialog);
    app.emit('session-created', created);
  });
  const webContents = new WebContentsRegistry();
  const electron: ElectronFake = {
    app,
    session,
    net: createNet(runtime, session),
    protocol: createProtocolModule(runtime, session),
    dialog,
    BrowserWindow: createBrowserWindowClass(runtime, session, webContents),
    webContents: webContents.module,
    fake: new FakeControls({
      runtime,
      session,
      restart: () => createElectronFake({ ...options, ready: true }, { fs, hosts, recording }),
      recording: recording?.recorder,
    }),
  };
  if (options.ready !== false) app.markReady();
  return electron;
}

function toTransport(
  transport: Transport | InProcessHandler | undefined,
  hosts: Map<string, HostEntry[]>,
): Transport {
  if (transport === undefined) {
    // The fake's host map answers first, so `hosts: { 'api.test': '127.0.0.1' }` reaches a local server.
    return new LiveTransport({
      lookupHost: (host) => {
        const entries = hosts.get(host.toLowerCase());
        if (entries === undefined) return undefined;
        const first = entries[0];
        return first === undefined
          ? null
          : { address: first.address, family: first.family === 'ipv6' ? 6 : 4 };
      },
    });
  }
  if (typeof transport === 'function') return new InProcessTransport(transport);
  return transport;
}

function realFs(): FakeFileSystem {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:fs') as FakeFileSystem;
}
