import { Readable } from 'node:stream';
import type { HeaderList } from '../transports/transport';

// Node.js keeps only the first value of these (http.IncomingMessage#headers).
const discardableDuplicates = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'referer',
  'host',
  'authorization',
  'proxy-authorization',
  'if-modified-since',
  'if-unmodified-since',
  'from',
  'location',
  'max-forwards',
  'retry-after',
  'etag',
  'last-modified',
  'server',
  'age',
  'expires',
]);

export interface ResponseHead {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly httpVersion: string;
  readonly headers: HeaderList;
}

/**
 * Electron's `IncomingMessage` (a Readable): the response of a `net.request`.
 * @see https://www.electronjs.org/docs/latest/api/incoming-message
 */
export class IncomingMessage extends Readable {
  readonly #head: ResponseHead;
  #resume: (() => void) | undefined;
  #wantsData = false;
  readonly #pending: (Buffer | null)[] = [];

  /** @internal */
  constructor(head: ResponseHead) {
    super();
    this.#head = head;
  }

  get statusCode(): number {
    return this.#head.statusCode;
  }

  get statusMessage(): string {
    return this.#head.statusMessage;
  }

  /** Lower-cased names; `set-cookie` always an array; discardable duplicates keep the first value. */
  get headers(): Record<string, string | string[]> {
    const grouped = new Map<string, string[]>();
    for (const [name, value] of this.#head.headers) {
      const key = name.toLowerCase();
      grouped.set(key, [...(grouped.get(key) ?? []), value]);
    }
    const result: Record<string, string | string[]> = {};
    for (const [key, values] of grouped) {
      if (key === 'set-cookie') result[key] = values;
      else result[key] = discardableDuplicates.has(key) ? (values[0] as string) : values.join(', ');
    }
    return result;
  }

  get rawHeaders(): string[] {
    return this.#head.headers.flatMap(([name, value]) => [name, value]);
  }

  get httpVersion(): string {
    return `${this.httpVersionMajor}.${this.httpVersionMinor}`;
  }

  get httpVersionMajor(): number {
    return Number(this.#head.httpVersion.split('.')[0] ?? 1);
  }

  get httpVersionMinor(): number {
    return Number(this.#head.httpVersion.split('.')[1] ?? 1);
  }

  get rawTrailers(): never {
    throw new Error('HTTP trailers are not supported');
  }

  get trailers(): never {
    throw new Error('HTTP trailers are not supported');
  }

  /** @internal Queues a body chunk (null ends the body); `resume` asks for more. */
  deliver(chunk: Buffer | null, resume: (() => void) | undefined): void {
    this.#resume = resume;
    this.#pending.push(chunk);
    this.#flush();
  }

  override _read(): void {
    this.#wantsData = true;
    this.#flush();
  }

  #flush(): void {
    while (this.#wantsData && this.#pending.length > 0)
      this.#wantsData = this.push(this.#pending.shift() ?? null);
    if (this.#wantsData && this.#resume !== undefined) {
      const resume = this.#resume;
      this.#resume = undefined;
      resume();
    }
  }
}
