/** One finished request, as `fake.requests` lists it. */
export interface RequestRecord {
  readonly id: number;
  /** The session's partition (`''` for the default session, the path for `fromPath`). */
  readonly partition: string;
  readonly method: string;
  /** The final URL, after redirects. */
  readonly url: string;
  readonly urlChain: readonly string[];
  readonly resourceType: string;
  readonly webContentsId: number | undefined;
  /**
   * What carried the request, in Chromium's PAC form (`DIRECT`, `PROXY h:p`,
   * `SOCKS5 h:p`, …), or `'handler'` when a protocol handler answered it.
   * Electron exposes no such field; the fake records it so tests can assert it.
   */
  readonly proxy: string;
  readonly statusCode: number | undefined;
  readonly fromCache: boolean;
  /** `net::OK`, or the net error the request failed with. */
  readonly error: string;
}

/** Keeps the most recent requests of one fake process; old ones fall off past `limit`. */
export class RequestLog {
  readonly #records: RequestRecord[] = [];
  readonly #limit: number;

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  add(record: RequestRecord): void {
    this.#records.push(record);
    // Trim in batches so a busy benchmark does not pay a copy per request.
    if (this.#records.length >= this.#limit * 2) this.#records.splice(0, this.#records.length - this.#limit);
  }

  all(): readonly RequestRecord[] {
    return this.#records.slice(-this.#limit);
  }

  clear(): void {
    this.#records.length = 0;
  }
}
