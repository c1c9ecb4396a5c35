/**
 * Electron 1.x–6.x `ses.cookies` took a trailing callback: `get(filter,
 * callback(error, cookies))`, `set(details, callback(error))`, `remove(url,
 * name, callback())`, `flushStore(callback())`. Apps written then still call
 * them that way, so the fake calls the callback and still returns the Promise.
 */

export type LegacyShape = 'error-and-value' | 'error' | 'none';

/** Exceptions thrown by a callback surface as uncaught, as they would from a native callback. */
function call(callback: (...args: unknown[]) => void, args: unknown[]): void {
  try {
    callback(...args);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/**
 * Calls `callback` (when it is a function) once `promise` settles, in the 1.x
 * argument order, and marks the Promise handled so a callback-only caller
 * never sees an unhandled rejection.
 */
export function withLegacyCallback<T>(
  promise: Promise<T>,
  callback: unknown,
  shape: LegacyShape,
): Promise<T> {
  if (typeof callback !== 'function') return promise;
  const done = callback as (...args: unknown[]) => void;
  promise.then(
    (value) => call(done, shape === 'error-and-value' ? [null, value] : shape === 'error' ? [null] : []),
    (error: unknown) => call(done, shape === 'none' ? [] : [error]),
  );
  return promise;
}
