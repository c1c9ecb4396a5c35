/** The eight webRequest hooks. */
export type WebRequestHookName =
  | 'onBeforeRequest'
  | 'onBeforeSendHeaders'
  | 'onSendHeaders'
  | 'onHeadersReceived'
  | 'onResponseStarted'
  | 'onBeforeRedirect'
  | 'onCompleted'
  | 'onErrorOccurred';

/** Hooks whose listener gets a `callback` and holds the request until it is called. */
export type BlockingHookName = 'onBeforeRequest' | 'onBeforeSendHeaders' | 'onHeadersReceived';

/** What `listenerFor` hands the pipeline. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each hook has its own details shape (Electron's *ListenerDetails)
export type WebRequestListener = (details: any, callback?: (response?: unknown) => void) => void;

const blockingHooks: ReadonlySet<WebRequestHookName> = new Set<WebRequestHookName>([
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onHeadersReceived',
]);

export function isBlockingHook(hook: WebRequestHookName): hook is BlockingHookName {
  return blockingHooks.has(hook);
}

/**
 * Calls a user listener the way Electron's `V8FunctionInvoker` does: the
 * function itself is the receiver, notification hooks pass only `details`,
 * blocking hooks pass `details` and `callback`, and a thrown exception is
 * reported as uncaught rather than returned to the caller.
 */
export function electronInvoker(
  hook: WebRequestHookName,
  listener: (...args: never[]) => unknown,
  reportError: (error: unknown) => void,
): WebRequestListener {
  const call = listener as (this: unknown, ...args: unknown[]) => unknown;
  if (isBlockingHook(hook)) {
    return (details, callback) => {
      try {
        call.call(listener, details, callback);
      } catch (error) {
        reportError(error);
      }
    };
  }
  return (details) => {
    try {
      call.call(listener, details);
    } catch (error) {
      reportError(error);
    }
  };
}
