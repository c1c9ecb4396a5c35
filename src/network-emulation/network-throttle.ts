import type { Clock, TimerHandle } from '../clock/clock';
import { NetError } from '../errors/net-error';

/** What the throttle pays per tick (Chromium `kPacketSize`). */
export const packetSize = 1500;

/** Conditions as the throttle applies them: negative numbers already clamped to 0. */
export interface ThrottleConditions {
  readonly offline: boolean;
  /** Milliseconds from "request sent" to "headers delivered", at least. */
  readonly latency: number;
  /** Bytes per second; 0 means unthrottled. */
  readonly downloadThroughput: number;
  readonly uploadThroughput: number;
}

const noConditions: ThrottleConditions = {
  offline: false,
  latency: 0,
  downloadThroughput: 0,
  uploadThroughput: 0,
};

// Tick indices are computed from times in milliseconds; this absorbs the
// rounding of a tick length such as 1500 / 180,000 s.
const epsilon = 1e-9;

/** One wait for bandwidth (Chromium `ThrottleRecord`): completes once its balance is below 0. */
interface ThrottleRecord {
  balance: number;
  readonly upload: boolean;
  readonly sendEnd: number;
  readonly sequence: number;
  readonly transfer: ThrottledTransfer;
  readonly promise: Promise<void>;
  settled: boolean;
  resolve(): void;
  reject(error: NetError): void;
}

type Ending = 'paid' | 'offline' | 'cancelled';

let nextSequence = 0;

/** Records waiting in line, head first; paid ones go to the back. */
class RecordQueue {
  #items: (ThrottleRecord | undefined)[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  peek(): ThrottleRecord {
    return this.#items[this.#head] as ThrottleRecord;
  }

  push(record: ThrottleRecord): void {
    this.#items.push(record);
  }

  shift(): ThrottleRecord {
    const record = this.#items[this.#head] as ThrottleRecord;
    this.#items[this.#head++] = undefined;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return record;
  }

  remove(record: ThrottleRecord): boolean {
    const index = this.#items.indexOf(record, this.#head);
    if (index === -1) return false;
    this.#items.splice(index, 1);
    return true;
  }

  drain(): ThrottleRecord[] {
    const records = this.#items.slice(this.#head) as ThrottleRecord[];
    this.#items = [];
    this.#head = 0;
    return records;
  }
}

/** Records held for latency, the one released first on top. */
class SuspendedRecords {
  readonly #heap: ThrottleRecord[] = [];

  /** The earliest `sendEnd`, or undefined when none is held. */
  get firstSendEnd(): number | undefined {
    return this.#heap[0]?.sendEnd;
  }

  push(record: ThrottleRecord): void {
    const heap = this.#heap;
    heap.push(record);
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!earlier(heap[child] as ThrottleRecord, heap[parent] as ThrottleRecord)) break;
      [heap[child], heap[parent]] = [heap[parent] as ThrottleRecord, heap[child] as ThrottleRecord];
      child = parent;
    }
  }

  pop(): ThrottleRecord {
    const heap = this.#heap;
    const top = heap[0] as ThrottleRecord;
    const last = heap.pop() as ThrottleRecord;
    if (heap.length > 0) {
      heap[0] = last;
      let parent = 0;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let first = parent;
        if (left < heap.length && earlier(heap[left] as ThrottleRecord, heap[first] as ThrottleRecord))
          first = left;
        if (right < heap.length && earlier(heap[right] as ThrottleRecord, heap[first] as ThrottleRecord))
          first = right;
        if (first === parent) break;
        [heap[first], heap[parent]] = [heap[parent] as ThrottleRecord, heap[first] as ThrottleRecord];
        parent = first;
      }
    }
    return top;
  }

  remove(record: ThrottleRecord): boolean {
    const rest = this.drain();
    const found = rest.includes(record);
    for (const other of rest) if (other !== record) this.push(other);
    return found;
  }

  drain(): ThrottleRecord[] {
    return this.#heap.splice(0, this.#heap.length);
  }
}

// Held records are released by send time, and in arrival order for equal times.
function earlier(a: ThrottleRecord, b: ThrottleRecord): boolean {
  return a.sendEnd !== b.sendEnd ? a.sendEnd < b.sendEnd : a.sequence < b.sequence;
}

/** One direction of the pipe: its queue and its position on the tick grid. */
class Direction {
  readonly queue = new RecordQueue();
  lastTick = 0;
  /** Milliseconds per packet; 0 when the direction is unthrottled. */
  tickLength = 0;

  reset(throughput: number): void {
    this.lastTick = 0;
    this.tickLength = throughput > 0 ? (packetSize * 1000) / throughput : 0;
  }
}

/**
 * A session's emulated network (Chromium `ThrottlingNetworkInterceptor`): one
 * pipe shared by every transfer of the session. Each tick, counted on a grid
 * from when the conditions were set, pays one packet to the transfer at the
 * head of its direction's line, round-robin. A transfer's first wait (its
 * headers) is held until `sendEnd + latency` before it joins the line.
 * The throttle knows nothing of HTTP: only byte counts and times.
 */
export class NetworkThrottle {
  readonly #clock: Clock;
  #conditions = noConditions;
  #offset = 0;
  readonly #download = new Direction();
  readonly #upload = new Direction();
  readonly #suspended = new SuspendedRecords();
  #finished: { record: ThrottleRecord; ending: Ending }[] = [];
  #timer: TimerHandle | undefined;
  #timerAt = Infinity;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get conditions(): ThrottleConditions {
    return this.#conditions;
  }

  get offline(): boolean {
    return this.#conditions.offline;
  }

  /**
   * New conditions (`undefined` when emulation is disabled). The old pace is
   * settled first; offline or unthrottled conditions then release every
   * waiting record at once (offline fails the download ones), throttling ones
   * restart the tick grid now.
   */
  update(conditions: ThrottleConditions | undefined): void {
    const now = this.#clock.now();
    if (isThrottling(this.#conditions)) this.#advance(now);
    this.#conditions = clamped(conditions ?? noConditions);
    if (!isThrottling(this.#conditions)) {
      this.#disarm();
      const offline = this.#conditions.offline;
      const records = [
        ...this.#download.queue.drain(),
        ...this.#upload.queue.drain(),
        ...this.#suspended.drain(),
      ];
      for (const record of records) this.#finish(record, offline && !record.upload ? 'offline' : 'paid');
    } else {
      this.#offset = now;
      for (const [direction, throughput] of [
        [this.#download, this.#conditions.downloadThroughput],
        [this.#upload, this.#conditions.uploadThroughput],
      ] as const) {
        direction.reset(throughput);
        if (direction.tickLength === 0)
          for (const record of direction.queue.drain()) this.#finish(record, 'paid');
      }
      this.#release(now);
      this.#arm(now);
    }
    this.#settleFinished();
  }

  /** A transfer's largest read (Chromium `GetReadBufLen`): one packet while downloads are throttled. */
  readLength(length: number): number {
    return this.#conditions.downloadThroughput > 0 ? Math.min(length, packetSize) : length;
  }

  /**
   * Opens a transfer (one network transaction) on this pipe. Once `signal`
   * aborts, the transfer is closed (Chromium `StopThrottle`).
   */
  open(signal?: AbortSignal): ThrottledTransfer {
    return new ThrottledTransfer(this, signal);
  }

  /**
   * Chromium `StartThrottle`: undefined when the bytes need no wait, else the
   * record that waits. Throws ERR_INTERNET_DISCONNECTED for a download while
   * offline.
   * @internal
   */
  submit(
    transfer: ThrottledTransfer,
    balance: number,
    upload: boolean,
    start: boolean,
    sendEnd: number,
  ): ThrottleRecord | undefined {
    const conditions = this.#conditions;
    if (conditions.offline) {
      if (upload) return undefined;
      throw new NetError('ERR_INTERNET_DISCONNECTED');
    }
    const throughput = upload ? conditions.uploadThroughput : conditions.downloadThroughput;
    if (conditions.latency <= 0 && throughput <= 0) return undefined;
    let resolve!: () => void;
    let reject!: (error: NetError) => void;
    const promise = new Promise<void>((done, fail) => {
      resolve = done;
      reject = fail;
    });
    const record: ThrottleRecord = {
      balance,
      upload,
      sendEnd,
      sequence: nextSequence++,
      transfer,
      promise,
      settled: false,
      resolve,
      reject,
    };
    const now = this.#clock.now();
    this.#advance(now);
    if (start && conditions.latency > 0) {
      this.#suspended.push(record);
      this.#release(now);
    } else {
      this.#enqueue(record);
    }
    this.#arm(now);
    this.#settleFinished();
    return record;
  }

  /** Chromium `StopThrottle`: a transfer gave up waiting. @internal */
  withdraw(record: ThrottleRecord): void {
    if (!this.#download.queue.remove(record) && !this.#upload.queue.remove(record))
      this.#suspended.remove(record);
  }

  /** Pays the ticks elapsed since the last update, then lets in the records whose latency is over. */
  #advance(now: number): void {
    if (this.#conditions.offline) return;
    this.#pay(this.#download, now);
    this.#pay(this.#upload, now);
    this.#release(now);
  }

  #pay(direction: Direction, now: number): void {
    if (direction.tickLength === 0) return;
    const tick = Math.floor((now - this.#offset) / direction.tickLength + epsilon);
    let ticks = tick - direction.lastTick;
    direction.lastTick = tick;
    const queue = direction.queue;
    while (ticks > 0 && queue.length > 0) {
      const record = queue.peek();
      if (record.transfer.cancelled) {
        this.#finish(queue.shift(), 'cancelled');
        continue;
      }
      // A lone transfer takes every tick: pay what it needs in one step.
      const paid = queue.length === 1 ? Math.min(ticks, Math.floor(record.balance / packetSize) + 1) : 1;
      queue.shift();
      record.balance -= paid * packetSize;
      ticks -= paid;
      if (record.balance < 0) this.#finish(record, 'paid');
      else queue.push(record);
    }
  }

  #release(now: number): void {
    const latency = this.#conditions.latency;
    for (;;) {
      const first = this.#suspended.firstSendEnd;
      if (first === undefined || first + latency > now) return;
      this.#enqueue(this.#suspended.pop());
    }
  }

  #enqueue(record: ThrottleRecord): void {
    const direction = record.upload ? this.#upload : this.#download;
    // Chromium's unthrottled direction pays a packet per microsecond; the
    // fake's clock counts milliseconds, so such records and those already in
    // credit complete at once.
    if (direction.tickLength === 0 || record.balance < 0) this.#finish(record, 'paid');
    else direction.queue.push(record);
  }

  #finish(record: ThrottleRecord, ending: Ending): void {
    this.#finished.push({ record, ending });
  }

  #settleFinished(): void {
    if (this.#finished.length === 0) return;
    const finished = this.#finished;
    this.#finished = [];
    for (const { record, ending } of finished) record.transfer.settle(record, ending);
  }

  #arm(now: number): void {
    let at = Infinity;
    for (const direction of [this.#download, this.#upload]) {
      if (direction.queue.length > 0)
        at = Math.min(at, this.#offset + (direction.lastTick + 1) * direction.tickLength);
    }
    const held = this.#suspended.firstSendEnd;
    if (held !== undefined) at = Math.min(at, held + this.#conditions.latency);
    if (at === this.#timerAt) return;
    this.#disarm();
    if (at === Infinity) return;
    this.#timerAt = at;
    this.#timer = this.#clock.setTimeout(() => this.#onTimer(), Math.max(0, Math.ceil(at - now - epsilon)));
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Infinity;
  }

  #onTimer(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = this.#clock.now();
    this.#advance(now);
    this.#arm(now);
    this.#settleFinished();
  }
}

/**
 * One network transaction on the pipe (Chromium `ThrottlingNetworkTransaction`
 * and `ThrottlingUploadDataStream`). Each direction keeps a running balance:
 * bytes received (or sent) and not yet paid for; what a wait overpays is
 * credit for the next one.
 */
export class ThrottledTransfer {
  readonly #throttle: NetworkThrottle;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = (): void => this.close();
  #balance = 0;
  #uploadBalance = 0;
  #failed = false;
  #waiting: ThrottleRecord | undefined;
  #closed = false;

  constructor(throttle: NetworkThrottle, signal?: AbortSignal) {
    this.#throttle = throttle;
    this.#signal = signal;
    if (signal?.aborted === true) this.#closed = true;
    else signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Whether the transfer was closed, its request given up. */
  get cancelled(): boolean {
    return this.#closed;
  }

  /** Chromium `CheckFailed`: once the pipe went offline, every later IO fails. */
  failIfOffline(): void {
    if (this.#failed || this.#throttle.offline) {
      this.#failed = true;
      throw new NetError('ERR_INTERNET_DISCONNECTED');
    }
  }

  readLength(length: number): number {
    return this.#throttle.readLength(length);
  }

  /** The headers came in: held until `sendEnd + latency`, then `receivedBytes` are paid for. */
  started(receivedBytes: number, sendEnd: number): Promise<void> {
    this.#balance += receivedBytes;
    return this.#wait(false, true, sendEnd);
  }

  /** A read of `bytes` body bytes, paid for before the reader gets them. */
  received(bytes: number): Promise<void> {
    this.#balance += bytes;
    return this.#wait(false, false, 0);
  }

  /** A read of `bytes` from the upload body, paid for before they go out. */
  sent(bytes: number): Promise<void> {
    this.#uploadBalance += bytes;
    return this.#wait(true, false, 0);
  }

  /** The transfer ended or was cancelled: it stops waiting for bandwidth. */
  close(): void {
    if (!this.#closed) this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#closed = true;
    const waiting = this.#waiting;
    if (waiting === undefined) return;
    this.#throttle.withdraw(waiting);
    this.settle(waiting, 'cancelled');
  }

  /** A wait ended: what it overpaid stays as credit. @internal */
  settle(record: ThrottleRecord, ending: Ending): void {
    record.settled = true;
    if (this.#waiting === record) this.#waiting = undefined;
    if (record.upload) this.#uploadBalance = record.balance;
    else this.#balance = record.balance;
    if (ending === 'paid') record.resolve();
    else if (ending === 'cancelled') record.reject(new NetError('ERR_ABORTED'));
    else {
      this.#failed = true;
      record.reject(new NetError('ERR_INTERNET_DISCONNECTED'));
    }
  }

  #wait(upload: boolean, start: boolean, sendEnd: number): Promise<void> {
    if (this.#closed) return Promise.reject(new NetError('ERR_ABORTED'));
    try {
      if (this.#failed && !upload) this.failIfOffline();
      const balance = upload ? this.#uploadBalance : this.#balance;
      const record = this.#throttle.submit(this, balance, upload, start, sendEnd);
      if (record === undefined) return noWait;
      // A wait that ended at once has settled already.
      if (!record.settled) this.#waiting = record;
      return record.promise;
    } catch (error) {
      this.#failed = true;
      return Promise.reject(error as Error);
    }
  }
}

const noWait = Promise.resolve();

/** Chromium `NetworkConditions::IsThrottling`. */
function isThrottling(conditions: ThrottleConditions): boolean {
  return (
    !conditions.offline &&
    (conditions.latency > 0 || conditions.downloadThroughput > 0 || conditions.uploadThroughput > 0)
  );
}

// Electron passes negative numbers straight to Chromium, where they count as
// "throttling" with a negative tick; DevTools means "disabled" by -1. The fake
// reads them as 0.
function clamped(conditions: ThrottleConditions): ThrottleConditions {
  const positive = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);
  return {
    offline: conditions.offline,
    latency: positive(conditions.latency),
    downloadThroughput: positive(conditions.downloadThroughput),
    uploadThroughput: positive(conditions.uploadThroughput),
  };
}
