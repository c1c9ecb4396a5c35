/**
 * An async queue of upload chunks: ClientRequest `write()`s go in, the
 * transport reads them out as they arrive; `end()` finishes the stream.
 * Each chunk's `written` callback runs once the reader has taken it, which is
 * the back-pressure Electron's ChunkedBodyStream gives `write()`.
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  readonly #chunks: { chunk: Uint8Array; written: () => void }[] = [];
  #ended = false;
  #failure: Error | undefined;
  #wake: (() => void) | undefined;

  push(chunk: Uint8Array, written: () => void): void {
    this.#chunks.push({ chunk, written });
    this.#notify();
  }

  end(): void {
    this.#ended = true;
    this.#notify();
  }

  fail(error: Error): void {
    this.#failure = error;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      if (this.#failure !== undefined) throw this.#failure;
      const next = this.#chunks.shift();
      if (next !== undefined) {
        next.written();
        yield next.chunk;
        continue;
      }
      if (this.#ended) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }
}
