import type { CacheEntry, HttpCacheStore } from '../../src/http-cache/cache-store';

/** A cached 200 for `url` with a body of `size` bytes. */
export function entry(url: string, size: number, extra: Partial<CacheEntry> = {}): CacheEntry {
  return {
    key: `1/0/_dk_https://example.com https://example.com ${url}`,
    url,
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers: [['Cache-Control', 'max-age=60']],
    body: new Uint8Array(size).fill(7),
    requestTime: 1_000,
    responseTime: 2_000,
    vary: undefined,
    remoteAddress: '93.184.216.34',
    ...extra,
  };
}

/** The behaviour every HttpCacheStore owes, whatever its backend; `create(maxSize)` gives an empty store. */
export function httpCacheStoreContract(name: string, create: (maxSize: number) => HttpCacheStore): void {
  it(`${name}: opens what was written, and nothing under another key`, () => {
    const store = create(1_000_000);
    const written = entry('https://example.com/a', 100, {
      vary: 'fr\n',
      headers: [['Vary', 'Accept-Language']],
    });
    expect(store.write(written)).toBe(true);
    expect(store.open(written.key)).toEqual(written);
    expect(store.open(entry('https://example.com/b', 1).key)).toBeUndefined();
  });

  it(`${name}: counts more than the body, and the same entry the same way each time`, () => {
    const store = create(1_000_000);
    store.write(entry('https://example.com/a', 100));
    const one = store.size();
    expect(one).toBeGreaterThan(100);
    store.write(entry('https://example.com/b', 100));
    expect(store.size()).toBeGreaterThan(one);
    store.doom(entry('https://example.com/b', 100).key);
    expect(store.size()).toBe(one);
  });

  it(`${name}: replaces the entry of a key, counting only the new one`, () => {
    const store = create(1_000_000);
    store.write(entry('https://example.com/a', 500));
    store.write(entry('https://example.com/a', 10, { statusText: 'Fine' }));
    const again = create(1_000_000);
    again.write(entry('https://example.com/a', 10, { statusText: 'Fine' }));
    expect(store.size()).toBe(again.size());
    expect(store.open(entry('https://example.com/a', 1).key)?.statusText).toBe('Fine');
    expect(store.keys()).toHaveLength(1);
  });

  it(`${name}: clears everything, or only the entries whose URL matches`, () => {
    const store = create(1_000_000);
    for (const url of ['https://a.test/1', 'https://b.test/2', 'https://a.test/3'])
      store.write(entry(url, 10));
    store.clear((url) => url.startsWith('https://a.test/'));
    expect(store.keys()).toEqual([entry('https://b.test/2', 0).key]);
    store.clear();
    expect(store.keys()).toEqual([]);
    expect(store.size()).toBe(0);
  });

  it(`${name}: lists keys in use order, an opened entry becoming the most recent`, () => {
    const store = create(1_000_000);
    const [a, b, c] = ['a', 'b', 'c'].map((path) => entry(`https://example.com/${path}`, 10));
    for (const written of [a, b, c]) store.write(written as CacheEntry);
    store.open((a as CacheEntry).key);
    expect(store.keys()).toEqual([b, c, a].map((written) => (written as CacheEntry).key));
  });

  it(`${name}: evicts the least recently used entries first past its limit, never the one being written`, () => {
    const store = create(100_000);
    const keys: string[] = [];
    for (let n = 0; n < 12; n++) {
      const written = entry(`https://example.com/${n}`, 9_000);
      store.write(written);
      keys.push(written.key);
      if (n === 3) {
        store.open(keys[0] as string);
        keys.push(...keys.splice(0, 1));
      }
    }
    const kept = store.keys();
    expect(kept.length).toBeLessThan(12);
    expect(kept).toEqual(keys.slice(keys.length - kept.length));
    expect(store.size()).toBeLessThanOrEqual(100_000);
  });

  it(`${name}: refuses an entry larger than an eighth of its limit`, () => {
    const store = create(80_000);
    expect(store.write(entry('https://example.com/huge', 10_001))).toBe(false);
    expect(store.keys()).toEqual([]);
    expect(store.size()).toBe(0);
  });
}
