/**
 * A request body: bytes known up front, or a stream (ClientRequest with
 * `chunkedEncoding`) that is read once, as it is written.
 */
export type RequestBody = Uint8Array | ChunkedBody;

/** A streamed upload. Like Chromium's chunked upload data stream, it cannot be rewound. */
export class ChunkedBody implements AsyncIterable<Uint8Array> {
  readonly #source: AsyncIterable<Uint8Array>;
  #taken = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source;
  }

  /** Whether a transport already started reading it (a second send would need a rewind). */
  get taken(): boolean {
    return this.#taken;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    this.#taken = true;
    return this.#source[Symbol.asyncIterator]();
  }
}

/** The bytes of a body, or undefined for none or a stream (webRequest `uploadData`). */
export function bodyBytes(body: RequestBody | undefined): Uint8Array | undefined {
  return body instanceof ChunkedBody ? undefined : body;
}

/** A body the Fetch API's `Request` accepts (a stream needs `duplex: 'half'`). */
export function fetchBody(body: Uint8Array | AsyncIterable<Uint8Array>): { body: BodyInit; duplex?: 'half' } {
  if (body instanceof Uint8Array) return { body: body as Uint8Array<ArrayBuffer> };
  const iterator = body[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  return { body: stream, duplex: 'half' };
}
