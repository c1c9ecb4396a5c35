/**
 * Electron calls webRequest listeners from native code without a `TryCatch`
 * (gin_helper's `V8FunctionInvoker`), so an exception a listener throws goes to
 * Node's `uncaughtException` handling instead of failing the request; a
 * blocking hook whose listener threw before calling back leaves the request
 * waiting. The fake rethrows the error on a microtask so it surfaces the same way.
 */
export function reportListenerError(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
