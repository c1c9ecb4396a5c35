import type { WebRequestListener } from './listener';
import { readListenerResponse } from './listener-response';
import { reportListenerError } from './report-listener-error';

/**
 * Calls a blocking listener (onBeforeRequest / onBeforeSendHeaders /
 * onHeadersReceived) and resolves with what Electron reads from its callback
 * value (see `readListenerResponse`), or undefined to proceed unchanged.
 *
 * Electron semantics:
 * - Only the first callback call counts; later calls are ignored.
 * - `callback()` with no argument throws `TypeError: Insufficient number of
 *   arguments.` (gin's argument conversion) and does not count as a call;
 *   `callback(undefined)`, `callback(42)` and other non-objects proceed.
 * - A listener that throws is reported as an uncaught exception; unless it
 *   had already called back, the request keeps waiting.
 * - Never calling back keeps the promise pending until `signal` aborts, which
 *   rejects it with `signal.reason`; a callback after that is ignored.
 */
export function callBlockingListener(
  listener: WebRequestListener,
  details: object,
  signal: AbortSignal,
  onListenerError: (error: unknown) => void = reportListenerError,
): Promise<Record<string, unknown> | undefined> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => {
      settled = true;
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const callback = (...args: unknown[]): void => {
      if (args.length === 0) throw new TypeError('Insufficient number of arguments.');
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      const { response, thrown } = readListenerResponse(args[0]);
      resolve(response);
      if (thrown !== undefined) throw thrown.error;
    };

    try {
      listener.call(listener, details, callback);
    } catch (error) {
      onListenerError(error);
    }
  });
}
