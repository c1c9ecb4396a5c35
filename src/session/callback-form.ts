/**
 * Electron 1.x–5.x `Session` methods took a trailing completion callback
 * instead of returning a Promise (`ses.getCacheSize(callback(size))`,
 * `ses.clearCache(callback)`, …). Apps written then still call them that way.
 * The fake accepts both: the Promise is always returned, and a callback, when
 * given, is called with the resolved value in the 1.x argument order.
 */

/** Splits `(…args, callback?)`: a trailing function is the 1.x callback. */
export function splitCallback<A extends unknown[]>(
  args: readonly unknown[],
): { args: A; callback: ((...values: unknown[]) => void) | undefined } {
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    return { args: args.slice(0, -1) as A, callback: last as (...values: unknown[]) => void };
  }
  return { args: [...args] as A, callback: undefined };
}

/**
 * Returns `promise`, and calls `callback` once it resolves: with the value for
 * value-returning methods (`getCacheSize`, `resolveProxy`, `getBlobData`), with
 * no arguments for completion-only ones (`clearCache`, `setProxy`, …).
 * A rejection is left to the returned Promise; the 1.x callbacks had no error argument.
 */
export function withCallback<T>(
  promise: Promise<T>,
  callback: ((...values: unknown[]) => void) | undefined,
  shape: 'value' | 'done',
): Promise<T> {
  if (callback === undefined) return promise;
  // Attaching the handler also marks the Promise handled, so a caller that only
  // uses the callback form never sees an unhandled rejection.
  promise.then(
    (value) => {
      if (shape === 'value') callback(value);
      else callback();
    },
    () => undefined,
  );
  return promise;
}
