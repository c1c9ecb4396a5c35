import { randomUUID } from 'node:crypto';
import type { Clock } from './clock/clock';
import type { FakeFileSystem } from './runtime/file-system';
import type { Runtime } from './runtime/runtime';
import { toEntries } from './runtime/host-map';
import type { RequestRecord } from './runtime/request-log';
import type { SessionModule } from './session/session-module';
import type { ElectronFake } from './create-electron-fake';
import { internalsOf } from './session/session-internals';
import type { Session } from './session/session';
import {
  inspectSession,
  sessionStorage,
  type SessionInspection,
  type SessionStorage,
} from './session/session-inspection';
import { createElectronEvent } from './runtime/electron-event';
import { HarnessError } from './errors/harness-error';
import type { RecordingControls } from './fixtures/recording-controls';
import type { WebContents } from './web-contents/web-contents';
import { decisionLogOf } from './decisions/decision-log';
import type { Decision } from './decisions/decision';
import { trustStoreOf } from './certificates/trust-store';
import type { PermissionName } from './permissions/permission-names';
import type { PermissionCheckDetails, PermissionRequestDetails } from './permissions/permission-details';
import type { DeviceCheck } from './permissions/device-permission';
import type { BluetoothPairingRequest, BluetoothPairingResponse } from './permissions/bluetooth-pairing';
import {
  simulateBluetoothPairing,
  simulateDeviceCheck,
  simulateDeviceGrant,
  simulatePermissionCheck,
  simulatePermissionRequest,
  simulateUsbProtectedClasses,
} from './permissions/permission-controls';

export interface FakeControlsInit {
  readonly runtime: Runtime;
  readonly session: SessionModule;
  readonly restart: () => ElectronFake;
  readonly recording?: RecordingControls | undefined;
}

/**
 * The harness side of a fake Electron: what a test uses to drive and inspect
 * it. Everything else on the fake object carries Electron's own names.
 */
export class FakeControls {
  readonly #runtime: Runtime;
  readonly #session: SessionModule;
  readonly #restart: () => ElectronFake;
  #restarted = false;
  readonly #recording: RecordingControls | undefined;

  constructor(init: FakeControlsInit) {
    this.#runtime = init.runtime;
    this.#session = init.session;
    this.#restart = init.restart;
    this.#recording = init.recording;
  }

  /** The HAR recording of a fake created with `recording`, else undefined. */
  get recording(): RecordingControls | undefined {
    return this.#recording;
  }

  /** The file system the fake writes to (a memfs volume unless `userDataPath` was given). */
  get fs(): FakeFileSystem {
    return this.#runtime.fs;
  }

  get clock(): Clock {
    return this.#runtime.clock;
  }

  /** Makes `app` ready (emits `'will-finish-launching'` and `'ready'`) when created with `ready: false`. */
  ready(): void {
    this.#runtime.app.markReady();
  }

  /**
   * Simulates quitting and relaunching the app: returns a new module-shaped fake
   * over the same file system. It is a clean quit: DOM storage and unwritten
   * cookies are written first, and the old cookie jars write nothing afterwards.
   * Persistent sessions reload their data; in-memory partitions are gone; old
   * session objects are not reused.
   */
  restart(): ElectronFake {
    if (this.#restarted) {
      throw new HarnessError(
        'FAKE_DISPOSED',
        'Failed to restart the fake: it was already restarted. Call restart() on the fake it returned.',
      );
    }
    this.#restarted = true;
    for (const session of this.#session.allSessions()) {
      // Quitting writes what Chromium keeps in memory (DOM storage, unwritten cookies) before the process ends.
      internalsOf(session).storage.flush();
      internalsOf(session).httpCache?.flush?.();
      session.cookies.closeStore();
      session.closeAllConnections().catch(() => undefined);
    }
    return this.#restart();
  }

  /**
   * The per-origin web storage of `session` (localStorage, IndexedDB, file
   * systems, service workers, CacheStorage, shader cache, background fetch,
   * downloads), to seed before and inspect after `clearStorageData`/`clearData`.
   */
  storage(session: Session): SessionStorage {
    return sessionStorage(this.#internals(session, 'read the storage of'));
  }

  /** What the app configured on `session`: handlers, emulation, SSL config, download path, preconnects… */
  inspect(session: Session): SessionInspection {
    return inspectSession(this.#internals(session, 'inspect'));
  }

  /**
   * Emits `'preconnect'` on `session` as a page's `<link rel="preconnect">`
   * hint would: `(event, preconnectUrl, allowCredentials, frame)`, with the
   * URL reduced to its origin plus `/` and `frame` null (the fake has no
   * renderer). `ses.preconnect()` itself never emits it, as in Electron.
   */
  emitPreconnect(session: Session, url: string, allowCredentials = true): void {
    this.#internals(session, 'emit preconnect on');
    const parsed = new URL(url);
    const schemeHostPort = `${parsed.protocol}//${parsed.host}/`;
    session.emit('preconnect', createElectronEvent(session), schemeHostPort, allowCredentials, null);
  }

  /** Maps a host name to one or more addresses for `resolveHost`, PAC `dnsResolve` and the live transport. */
  setHost(host: string, addresses: string | readonly string[]): void {
    this.#runtime.hosts.set(host.toLowerCase(), toEntries(addresses));
  }

  removeHost(host: string): void {
    this.#runtime.hosts.delete(host.toLowerCase());
  }

  /** Every finished request of this fake process, oldest first (the last 10,000), with the proxy that carried it. */
  get requests(): readonly RequestRecord[] {
    return this.#runtime.requestLog.all();
  }

  /** Forgets the requests recorded so far. */
  clearRequests(): void {
    this.#runtime.requestLog.clear();
  }

  /** Sets what `net.isOnline()` reports (the operating system's connectivity). */
  setOnline(online: boolean): void {
    this.#runtime.online = online;
  }

  /** The process-wide value last passed to `allowNTLMCredentialsForDomains`. */
  get ntlmCredentialDomains(): string | undefined {
    return this.#runtime.ntlmCredentialDomains;
  }

  /** Registers bytes as a blob and returns its UUID, for `getBlobData`. */
  registerBlob(data: Buffer | Uint8Array | string): string {
    const uuid = randomUUID();
    this.#runtime.blobs.set(uuid, Buffer.from(typeof data === 'string' ? data : data));
    return uuid;
  }

  /** Drops a blob, as Chromium does once nothing references it. */
  releaseBlob(uuid: string): void {
    this.#runtime.blobs.delete(uuid);
  }

  // ── Security decisions: certificates and permissions ─────────────────────

  /**
   * Every certificate verification, `'certificate-error'` answer and
   * permission request or check so far, oldest first, as plain data. Assert
   * on it with the matchers of `electron-session-fake/jest`.
   */
  get decisions(): readonly Decision[] {
    return decisionLogOf(this.#runtime).entries();
  }

  clearDecisions(): void {
    decisionLogOf(this.#runtime).clear();
  }

  /**
   * Trusts a root CA (PEM text or DER bytes) as installing it in the operating
   * system would: chains to it verify, with `isIssuedByKnownRoot: false`, and
   * every session forgets its cached certificate verdicts.
   */
  trustRootCertificate(certificate: string | Uint8Array): void {
    trustStoreOf(this.#runtime).install(certificate);
  }

  /**
   * A page of `webContents` asks for `permission`, as Chromium's permission
   * manager asks the session's `setPermissionRequestHandler` handler (granted
   * without one). `details` default from the page's URL: `requestingUrl`,
   * `isMainFrame: true`, and for `media` `mediaTypes: ['audio', 'video']` and
   * the `securityOrigin`.
   */
  requestPermission(
    webContents: WebContents,
    permission: PermissionName,
    details?: PermissionRequestDetails,
  ): Promise<boolean> {
    return simulatePermissionRequest(webContents, [permission], details).then(
      ([granted]) => granted === true,
    );
  }

  /** One request for several permissions: the handler is called once per permission, in order. */
  requestPermissions(
    webContents: WebContents,
    permissions: readonly PermissionName[],
    details?: PermissionRequestDetails,
  ): Promise<boolean[]> {
    return simulatePermissionRequest(webContents, permissions, details);
  }

  /**
   * A permission check, as the session's `setPermissionCheckHandler` handler
   * sees it. `target` is the page's webContents, or a session (null: the
   * default session) for an origin-only check, where the handler gets no
   * webContents. `requestingOrigin` reaches the handler as a URL
   * (`https://app.test/`).
   */
  checkPermission(
    target: WebContents | Session | null,
    permission: PermissionName,
    requestingOrigin: string,
    details?: PermissionCheckDetails,
  ): boolean {
    return simulatePermissionCheck(
      target,
      permission,
      requestingOrigin,
      details,
      () => this.#session.defaultSession,
    );
  }

  /** WebHID, Web Serial or WebUSB asks whether `device` is allowed for `origin` (`setDevicePermissionHandler`). */
  checkDevicePermission(target: WebContents | Session, check: DeviceCheck): boolean {
    return simulateDeviceCheck(target, check);
  }

  /** The user picked `device` in a chooser: remembered for the session while it has no device permission handler. */
  grantDevicePermission(target: WebContents | Session, check: DeviceCheck): void {
    simulateDeviceGrant(target, check);
  }

  /** Web Bluetooth pairing that needs confirmation or a PIN (`setBluetoothPairingHandler`; cancelled without one). */
  requestBluetoothPairing(
    webContents: WebContents,
    request: BluetoothPairingRequest,
  ): Promise<BluetoothPairingResponse> {
    return simulateBluetoothPairing(webContents, request);
  }

  /** The USB classes WebUSB may not claim (`setUSBProtectedClassesHandler`, else Chromium's list). */
  usbProtectedClasses(target: WebContents | Session): string[] {
    return simulateUsbProtectedClasses(target);
  }

  #internals(session: Session, verb: string): ReturnType<typeof internalsOf> {
    try {
      return internalsOf(session);
    } catch {
      throw new HarnessError(
        'INVALID_OPTION',
        `Failed to ${verb} the session: it is not a session of an electron-session-fake. Pass a session from this fake's session module.`,
      );
    }
  }
}
