import { NetError } from '../errors/net-error';

/**
 * Waits for app code to answer a request's question through a callback (a
 * verify proc, a `'certificate-error'` listener). The first answer counts;
 * one that never comes holds the request until `signal` aborts it, and then
 * the abort reason rejects. A synchronous throw of `ask` rejects too.
 */
export function awaitAnswer<T>(signal: AbortSignal, ask: (answer: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const onAbort = (): void => {
      const reason: unknown = signal.reason;
      reject(reason instanceof Error ? reason : new NetError('ERR_ABORTED'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      ask((value) => {
        if (answered) return;
        answered = true;
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
    } catch (error) {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    }
  });
}
