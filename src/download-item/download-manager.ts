import type { Dialog } from '../dialog/dialog';
import type { PipelineResponse } from '../pipeline/exchange';
import { createElectronEvent } from '../runtime/electron-event';
import { reportListenerError } from '../web-request/report-listener-error';
import type { Session } from '../session/session';
import {
  internalsOf,
  type DownloadRequest,
  type InterruptedDownloadOptions,
  type SessionInternals,
} from '../session/session-internals';
import type { HeaderList } from '../transports/transport';
import { canonicalUrl } from './create-info';
import { DownloadFile } from './download-file';
import { DownloadItem } from './download-item';
import { DownloadItemImpl, type DownloadItemDelegate, type DownloadOrigin } from './download-item-impl';
import { sendDownloadRequest, startedFromResponse, type StartedResponse } from './download-request';
import { determineDownloadTarget, type DownloadTargetContext } from './download-target';

/** A WebContents as far as downloads care: its id (webRequest details) and itself (`'will-download'`). */
type Initiator = { readonly id: number } | null;

/**
 * Gives a session its downloads (Chromium's download manager with Electron's
 * delegate): `internals.startDownload` creates a `DownloadItem` for
 * `ses.downloadURL`, `webContents.downloadURL`, an attachment navigation and
 * `createInterruptedDownload`, and emits `'will-download'` synchronously when
 * the item exists. The save dialog is the fake module's `dialog`.
 */
export function installDownloads(session: Session, dialog: Dialog): void {
  const internals = internalsOf(session);
  const manager = new DownloadManager(internals, dialog);
  internals.startDownload = (request) => manager.start(request);
}

class DownloadManager {
  readonly #internals: SessionInternals;
  readonly #target: DownloadTargetContext;

  constructor(internals: SessionInternals, dialog: Dialog) {
    this.#internals = internals;
    const { runtime } = internals;
    this.#target = {
      fs: runtime.fs,
      showSaveDialog: (...args) => dialog.showSaveDialog(...args),
      downloadDirectory: () => internals.downloadPath ?? runtime.paths.get('downloads') ?? '/',
      lastSavedDirectory: undefined,
    };
  }

  start(request: DownloadRequest): void {
    const webContents = initiatorOf(request.webContents);
    if (request.interrupted !== undefined) this.#recreate(request.interrupted);
    else if (isPipelineResponse(request.response)) this.#fromNavigation(request.response, webContents);
    else if (request.url !== undefined) this.#fromUrl(request.url, request.headers ?? {}, webContents);
  }

  #fromUrl(url: string, headers: Record<string, string>, webContents: Initiator): void {
    const requestHeaders: [string, string][] = [];
    let referrer = '';
    for (const [name, value] of Object.entries(headers)) {
      // webContents.downloadURL turns a Referer header into the request's referrer.
      if (webContents !== null && name.toLowerCase() === 'referer') referrer = value;
      else requestHeaders.push([name, value]);
    }
    void sendDownloadRequest(this.#internals, {
      url,
      headers: requestHeaders,
      referrer,
      webContents: webContents ?? undefined,
      offset: 0,
      crossOriginRedirects: 'follow',
    }).then((started) => this.#created(started, requestHeaders, referrer, webContents));
  }

  // The navigation's own response becomes the download: no second request is made.
  #fromNavigation(response: PipelineResponse, webContents: Initiator): void {
    this.#created(
      startedFromResponse(response, 0, () => undefined),
      [],
      '',
      webContents,
    );
  }

  #created(
    started: StartedResponse,
    requestHeaders: HeaderList,
    referrer: string,
    webContents: Initiator,
  ): void {
    const origin: DownloadOrigin = {
      kind: 'response',
      info: started.info,
      requestHeaders,
      referrer,
      startTime: this.#internals.runtime.clock.now(),
    };
    const { item, impl } = this.#item(origin);
    impl.start(started);
    this.#willDownload(item, impl, webContents);
  }

  #recreate(options: InterruptedDownloadOptions): void {
    const { item, impl } = this.#item({
      kind: 'history',
      path: options.path,
      urlChain: options.urlChain.map(canonicalUrl),
      mimeType: options.mimeType,
      offset: options.offset,
      length: options.length,
      etag: options.eTag,
      lastModified: options.lastModified,
      startTime: options.startTime === 0 ? null : options.startTime * 1000,
    });
    if (impl.state === 'interrupted') item.setSavePath(impl.targetPath);
    this.#willDownload(item, impl, null);
  }

  #willDownload(item: DownloadItem, impl: DownloadItemImpl, webContents: Initiator): void {
    const session = this.#internals.session;
    const event = createElectronEvent(session);
    // Session::OnDownloadCreated emits from native code: a listener's exception
    // goes to uncaughtException, and a preventDefault() made before it still counts.
    try {
      session.emit('will-download', event, item, webContents);
    } catch (error) {
      reportListenerError(error);
    }
    if (event.defaultPrevented) {
      impl.cancel();
      impl.remove();
    }
  }

  #item(origin: DownloadOrigin): { item: DownloadItem; impl: DownloadItemImpl } {
    const { runtime } = this.#internals;
    const wrapper = DownloadItem.create();
    const item = wrapper.item;
    const delegate: DownloadItemDelegate = {
      clock: runtime.clock,
      fs: runtime.fs,
      createFile: (observer) =>
        new DownloadFile({
          fs: runtime.fs,
          clock: runtime.clock,
          temporaryDirectory: this.#temporaryDirectory(),
          observer,
        }),
      determineTarget: (done) =>
        determineDownloadTarget(
          this.#target,
          {
            get savePath() {
              return item.savePath;
            },
            setSavePath: (path) => item.setSavePath(path),
            get dialogSettings() {
              return item.dialogSettings;
            },
            get url() {
              return impl.url;
            },
            fileName: () => item.getFilename(),
            alive: () => !impl.destroyed,
          },
          done,
        ),
      resume: (params) => {
        void sendDownloadRequest(this.#internals, params).then((started) => impl.start(started));
      },
    };
    // The delegate's callbacks run only after the item exists.
    const impl: DownloadItemImpl = new DownloadItemImpl(delegate, wrapper.observer, origin);
    wrapper.attach(impl);
    return { item, impl };
  }

  // Chromium writes to a temporary file in the default download directory until the target is known.
  #temporaryDirectory(): string {
    const { fs, paths } = this.#internals.runtime;
    const downloads = paths.get('downloads');
    if (downloads !== undefined && fs.existsSync(downloads)) return downloads;
    return paths.get('temp') ?? '/tmp';
  }
}

function initiatorOf(webContents: unknown): Initiator {
  if (typeof webContents !== 'object' || webContents === null) return null;
  const id = (webContents as { id?: unknown }).id;
  return typeof id === 'number' ? (webContents as { id: number }) : null;
}

function isPipelineResponse(value: unknown): value is PipelineResponse {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'urlChain' in value;
}
