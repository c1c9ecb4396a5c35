/** Where a pumped body goes. */
export interface BodySink {
  /** A chunk; returning false stops the pump (a write failed). */
  data(chunk: Uint8Array): boolean;
  end(): void;
  fail(error: unknown): void;
}

/**
 * Reads a response body into a sink with pause and resume (Chromium's
 * download job pulling from the network data pipe): while paused nothing more
 * is read, so the transport's back-pressure holds the rest on the socket.
 */
export class BodyPump {
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #abort: () => void;
  #sink: BodySink | undefined;
  #paused = false;
  #reading = false;
  #stopped = false;
  #held: Uint8Array | undefined;

  constructor(body: AsyncIterable<Uint8Array>, abort: () => void) {
    this.#iterator = body[Symbol.asyncIterator]();
    this.#abort = abort;
  }

  start(sink: BodySink): void {
    this.#sink = sink;
    this.#pump();
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    if (this.#sink !== undefined) this.#pump();
  }

  /** Stops reading for good and cancels the request. */
  cancel(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#abort();
    const close = (): void => void this.#iterator.return?.().catch(() => undefined);
    // A body never read would hold its request open: read on so the pipeline sees the cancellation.
    if (this.#reading) close();
    else void this.#iterator.next().then(close, () => undefined);
  }

  #pump(): void {
    if (this.#reading || this.#stopped) return;
    this.#reading = true;
    void this.#loop();
  }

  async #loop(): Promise<void> {
    const sink = this.#sink as BodySink;
    // Cleared where the loop returns, so a resume() right after a pause can start it again.
    try {
      for (;;) {
        if (this.#stopped || this.#paused) return;
        const chunk = this.#held ?? (await this.#next(sink));
        this.#held = undefined;
        if (chunk === undefined) return;
        // Paused while the read was in flight: keep the chunk for resume().
        if (this.#paused) {
          this.#held = chunk;
          return;
        }
        if (chunk.byteLength > 0 && !sink.data(chunk)) {
          this.cancel();
          return;
        }
      }
    } finally {
      this.#reading = false;
    }
  }

  /** The next chunk, or undefined once the body ended, failed or the pump stopped. */
  async #next(sink: BodySink): Promise<Uint8Array | undefined> {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await this.#iterator.next();
    } catch (error) {
      if (!this.#stopped) {
        this.#stopped = true;
        sink.fail(error);
      }
      return undefined;
    }
    if (this.#stopped) return undefined;
    if (next.done === true) {
      this.#stopped = true;
      sink.end();
      return undefined;
    }
    return next.value;
  }
}
