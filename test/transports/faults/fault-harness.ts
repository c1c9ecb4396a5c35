import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../../src/create-electron-fake';
import type { Session } from '../../../src/session/session';
import type { DownloadItem } from '../../../src/download-item/download-item';
import { until, willDownload } from '../../download-item/download-helpers';

type Fake = ReturnType<typeof createElectronFake>;

/** A fake on its own clock (no real timers), as each fault test starts from. */
export function faultFake(): Fake & { clock: ReturnType<typeof createClock> } {
  const clock = createClock(1_700_000_000_000);
  return { ...createElectronFake({ clock }), clock };
}

/** The webRequest events a session fires, as `onX` or `onErrorOccurred net::ERR_…`. */
export function webRequestEvents(ses: Session): string[] {
  const events: string[] = [];
  const { webRequest } = ses;
  webRequest.onBeforeRequest((_details, callback) => {
    events.push('onBeforeRequest');
    callback({});
  });
  webRequest.onBeforeSendHeaders((_details, callback) => {
    events.push('onBeforeSendHeaders');
    callback({});
  });
  webRequest.onSendHeaders(() => events.push('onSendHeaders'));
  webRequest.onHeadersReceived((_details, callback) => {
    events.push('onHeadersReceived');
    callback({});
  });
  webRequest.onResponseStarted(() => events.push('onResponseStarted'));
  webRequest.onBeforeRedirect(() => events.push('onBeforeRedirect'));
  webRequest.onCompleted(() => events.push('onCompleted'));
  webRequest.onErrorOccurred((details) => events.push(`onErrorOccurred ${details.error}`));
  return events;
}

export const failedBeforeHeaders = (error: string): string[] => [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  `onErrorOccurred ${error}`,
];

export const failedInBody = (error: string): string[] => [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  'onHeadersReceived',
  'onResponseStarted',
  `onErrorOccurred ${error}`,
];

interface Emitter {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Records the listed events of an emitter as `prefix:event` (errors with their message). */
function record(target: Emitter, prefix: string, names: readonly string[], into: string[]): void {
  for (const name of names) {
    target.on(name, (...args: unknown[]) => {
      const error = args[0];
      into.push(name === 'error' ? `${prefix}:error ${(error as Error).message}` : `${prefix}:${name}`);
    });
  }
}

/**
 * Runs a `net.request` until it failed or its response ended, and returns the
 * events of the request and its response in order; `onResponse` runs when the
 * response arrives.
 */
export async function requestEvents(
  net: Fake['net'],
  url: string,
  onResponse: () => void = () => undefined,
): Promise<string[]> {
  const events: string[] = [];
  const request = net.request(url);
  record(request, 'request', ['response', 'error', 'abort', 'finish', 'close'], events);
  const settled = (): boolean =>
    events.some((event) => event.startsWith('request:error') || event === 'response:end') &&
    (!events.includes('request:response') || events.includes('response:close'));
  request.on('response', (response) => {
    record(response as Emitter, 'response', ['end', 'error', 'aborted', 'close'], events);
    (response as { resume(): void }).resume();
    onResponse();
  });
  request.end();
  await until(settled);
  return events;
}

/**
 * Starts a download and returns its item and how it stopped: `done:<state>`,
 * or `updated:interrupted` for an interruption the user can still resume
 * (Electron's IsDone() is false then, so no 'done'); `onStart` runs on 'will-download'.
 */
export async function downloadOutcome(
  ses: Session,
  url: string,
  onStart: (item: DownloadItem) => void = () => undefined,
): Promise<{ item: DownloadItem; outcome: string }> {
  let stopped: Promise<string> | undefined;
  const started = willDownload(ses, (item) => {
    item.setSavePath('/saved/file.bin');
    // A download that failed before its response is created interrupted: listen at once.
    stopped = new Promise((resolve) => {
      item.on('done', (_event, state: string) => resolve(`done:${state}`));
      item.on('updated', (_event, state: string) => {
        if (state === 'interrupted') resolve('updated:interrupted');
      });
    });
    onStart(item);
  });
  ses.downloadURL(url);
  const item = await started;
  return { item, outcome: await (stopped as Promise<string>) };
}

/** Sockets, servers and DNS look-ups still open in this process, by kind. */
export function openHandles(): string[] {
  return process.getActiveResourcesInfo().filter((kind) => /TCP|TLS|GetAddrInfo/.test(kind));
}
