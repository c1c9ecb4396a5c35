import { NetError } from '../errors/net-error';

/** A signal that never aborts, for callers without one (`fetch` without `signal`). */
export const neverAborted: AbortSignal = new AbortController().signal;

/**
 * One request's cancellation: the caller's signal, `closeAllConnections` and
 * `clearAuthCache` all abort through it. Most requests end without anyone
 * listening, and an AbortController (with its EventTarget) per request was a
 * large share of a replayed request's cost, so the AbortSignal handed to
 * transports and app code is made only when something asks for it.
 */
export class RequestAbort {
  readonly #parent: AbortSignal;
  #aborted = false;
  #reason: unknown;
  #controller: AbortController | undefined;
  #listeners: (() => void)[] | undefined;
  #whenAborted: Promise<never> | undefined;
  /** Listens on the caller's signal while linked. */
  #parentAborted: (() => void) | undefined;

  constructor(parent: AbortSignal) {
    this.#parent = parent;
  }

  get aborted(): boolean {
    if (!this.#aborted && this.#parent.aborted) this.abort(this.#parent.reason);
    return this.#aborted;
  }

  /**
   * The abort as Chromium reports it: a net error given as the reason, else
   * `net::ERR_ABORTED` (an app's AbortError or other reason is the app's own;
   * `net.fetch` rejects with it itself).
   */
  get error(): Error {
    const reason: unknown = this.#reason;
    return reason instanceof NetError ? reason : new NetError('ERR_ABORTED');
  }

  abort(reason?: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    // As AbortController.abort(): no reason is an AbortError.
    this.#reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    this.release();
    this.#controller?.abort(this.#reason);
    const listeners = this.#listeners;
    this.#listeners = undefined;
    for (const listener of listeners ?? []) listener();
  }

  /** A real AbortSignal following this request, made on first use. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.#reason);
      else this.#link();
    }
    return this.#controller.signal;
  }

  /** Settles only by rejecting, with {@link error}, once the request is aborted. */
  whenAborted(): Promise<never> {
    if (this.#whenAborted === undefined) {
      this.#whenAborted = new Promise<never>((_, reject) => {
        if (this.aborted) reject(this.error);
        else this.#onAbort(() => reject(this.error));
      });
      this.#whenAborted.catch(() => undefined);
    }
    return this.#whenAborted;
  }

  /** Stops following the caller's signal once the request is over. */
  release(): void {
    if (this.#parentAborted === undefined) return;
    this.#parent.removeEventListener('abort', this.#parentAborted);
    this.#parentAborted = undefined;
  }

  #onAbort(listener: () => void): void {
    (this.#listeners ??= []).push(listener);
    this.#link();
  }

  #link(): void {
    if (this.#parentAborted !== undefined || this.#parent === neverAborted) return;
    this.#parentAborted = (): void => this.abort(this.#parent.reason);
    this.#parent.addEventListener('abort', this.#parentAborted, { once: true });
  }
}
