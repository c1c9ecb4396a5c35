const bucketMs = 1000;
const bucketCount = 10;

/**
 * Chromium's download `RateEstimator`: bytes counted in ten one-second
 * buckets; the rate is the bytes in the live buckets over their count in
 * seconds. The bucket being filled counts as a whole second, so readings
 * start low.
 */
export class RateEstimator {
  readonly #history = new Array<number>(bucketCount).fill(0);
  #oldestIndex = 0;
  #oldestTime: number;
  #liveBuckets = 1;

  constructor(now: number) {
    this.#oldestTime = now;
  }

  increment(count: number, now: number): void {
    this.#clearOldBuckets(now);
    const index = (this.#oldestIndex + Math.floor((now - this.#oldestTime) / bucketMs)) % bucketCount;
    this.#history[index] = (this.#history[index] ?? 0) + count;
  }

  /** Whole bytes per second. */
  countPerSecond(now: number): number {
    this.#clearOldBuckets(now);
    let total = 0;
    for (let i = 0; i < this.#liveBuckets; i++)
      total += this.#history[(this.#oldestIndex + i) % bucketCount] ?? 0;
    return Math.floor(total / this.#liveBuckets);
  }

  #clearOldBuckets(now: number): void {
    let stale = Math.floor((now - this.#oldestTime) / bucketMs) + 1 - bucketCount;
    if (stale > bucketCount) {
      this.#reset(now);
      return;
    }
    for (; stale > 0; stale--) {
      this.#history[this.#oldestIndex] = 0;
      this.#oldestIndex = (this.#oldestIndex + 1) % bucketCount;
      this.#oldestTime += bucketMs;
    }
    this.#liveBuckets = Math.min(Math.floor((now - this.#oldestTime) / bucketMs) + 1, bucketCount);
  }

  #reset(now: number): void {
    this.#history.fill(0);
    this.#oldestIndex = 0;
    this.#oldestTime = now;
    this.#liveBuckets = 1;
  }
}
