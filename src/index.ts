/**
 * electron-session-fake: an in-memory Electron 45 main process (`session`,
 * `net`, `app`, `protocol`, `dialog`, `BrowserWindow`, `webContents`) for
 * Jest and Vitest suites, plus `fake`, the harness controls.
 *
 * - `createElectronFake(options)` builds an independent fake per test.
 * - `electron-session-fake/electron` is a ready-made default instance to map
 *   the `electron` module to (Jest `moduleNameMapper`, Vitest `alias`).
 */
export {
  createElectronFake,
  electronVersion,
  chromeVersion,
  type ElectronFake,
  type ElectronFakeOptions,
} from './create-electron-fake';
export type { FakeControls } from './fake-controls';
export type { App } from './app/app';
export type { AppPathName } from './app/app-paths';
export type {
  Session,
  ClearDataOptions,
  ClearStorageDataOptions,
  EnableNetworkEmulationOptions,
} from './session/session';
export type { SessionModule, FromPartitionOptions } from './session/session-module';
export type { SessionStorage, SessionInspection } from './session/session-inspection';
export { storageTypes, type StorageType, type StorageSnapshot } from './session/storage-buckets';
export type { Extension, Extensions, LoadExtensionOptions } from './session/extensions';
export type { NetLog, StartLoggingOptions } from './session/net-log';
export type { ServiceWorkers, ServiceWorkerMain, ServiceWorkerInfo } from './session/service-workers';
export type { PreloadScript, PreloadScriptRegistration } from './session/preload-scripts';
export type { ResolvedHost, ResolvedEndpoint, ResolveHostOptions } from './session/host-resolver';
export type { Dialog } from './dialog/dialog';
export type { DownloadItem } from './download-item/download-item';
export type { Net } from './net/net';
export type { ProtocolModule, CustomScheme } from './protocol/protocol-module';
export type { BrowserWindowClass, BrowserWindowConstructorOptions } from './browser-window/browser-window';
export type { WebContentsModule } from './web-contents/web-contents-registry';
export type { ProxyConfig } from './structures/proxy-config';
export type { Transport, TransportRequest, TransportResponse } from './transports/transport';
export type { InProcessHandler } from './transports/in-process/in-process-transport';
export {
  NetError,
  isNetError,
  isNetErrorCode,
  netErrorFromErrno,
  netErrorString,
  type NetErrorCode,
} from './errors/net-error';
export { HarnessError, type HarnessErrorCode } from './errors/harness-error';
export type { RecordingOptions } from './fixtures/fixture-recorder';
export type { RecordingControls } from './fixtures/recording-controls';
export type { RecordingReport, UnusedEntry } from './fixtures/cassette';
export {
  recordingModes,
  recordModeVariable,
  allowInCiVariable,
  type RecordingMode,
} from './fixtures/recording-mode';
export type { MatchOptions } from './fixtures/match-options';
export type { CapturedRequest } from './fixtures/exchange-record';
export { defaultRedaction, type RedactionOptions } from './fixtures/redaction';
export type { FixtureStore } from './fixtures/fixture-store';
export { FileFixtureStore } from './fixtures/file-fixture-store';
export { MemoryFixtureStore } from './fixtures/memory-fixture-store';
export type { FixtureEntry, FixtureHar, RecordedTls } from './fixtures/har';
export type {
  Decision,
  DecisionMaker,
  CertificateDecision,
  CertificateErrorDecision,
  PermissionDecision,
  DevicePermissionDecision,
  BluetoothPairingDecision,
} from './decisions/decision';
export type { PermissionName } from './permissions/permission-names';
export type { PermissionRequestDetails, PermissionCheckDetails } from './permissions/permission-details';
export type { Certificate, CertificatePrincipal } from './structures/certificate';
export {
  createGlobalClock,
  fromSinonClock,
  toClock,
  type Clock,
  type SinonClock,
  type TimerHandle,
} from './clock/clock';
