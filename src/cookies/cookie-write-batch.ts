import type { Clock } from '../clock/clock';

/** `SQLitePersistentCookieStore::Backend`: commit 30 s after a batch starts, or once it holds 512 operations. */
export const commitIntervalMs = 30_000;
export const commitAfterBatchSize = 512;

/**
 * When persistent-cookie writes reach the disk, as Chromium batches them:
 * the first operation of a batch starts a 30 s timer, the 512th commits at
 * once, and every commit (timer, size, `flushStore`, closing the store on a
 * clean quit) starts a new batch. Earlier timers are not cancelled: like
 * Chromium's posted tasks, they still fire and commit whatever is pending.
 * `commit` writes the whole persistent state, which equals applying the batch.
 */
export class CookieWriteBatch {
  readonly #clock: Clock;
  readonly #commit: () => void;
  #pending = 0;
  #closed = false;

  constructor(clock: Clock, commit: () => void) {
    this.#clock = clock;
    this.#commit = commit;
  }

  /** Counts one `AddCookie`, `UpdateCookieAccessTime` or `DeleteCookie` of a persistent cookie. */
  record(): void {
    if (this.#closed) return;
    this.#pending++;
    if (this.#pending === 1) {
      const handle = this.#clock.setTimeout(() => this.flush(), commitIntervalMs);
      // Pending writes must not keep a test runner's process alive.
      (handle as { unref?: () => void }).unref?.();
    } else if (this.#pending === commitAfterBatchSize) {
      // Chromium posts this commit as a task; the operation under way finishes first.
      queueMicrotask(() => this.flush());
    }
  }

  /** Commits the pending operations, if any (`Backend::Commit`). */
  flush(): void {
    if (this.#closed || this.#pending === 0) return;
    this.#pending = 0;
    this.#commit();
  }

  /** Commits what is pending and stops writing (`Backend::Close` on shutdown). */
  close(): void {
    this.flush();
    this.#closed = true;
  }
}
