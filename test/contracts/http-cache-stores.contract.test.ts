import { createClock } from '@sinonjs/fake-timers';
import { fromSinonClock, nextTask } from '../../src/clock/clock';
import { createMemoryFileSystem } from '../../src/runtime/file-system';
import { DiskCacheStore } from '../../src/http-cache/disk-cache-store';
import { MemoryCacheStore } from '../../src/http-cache/memory-cache-store';
import { entry, httpCacheStoreContract } from './http-cache-store-contract';

httpCacheStoreContract('memory store', (maxSize) => new MemoryCacheStore(maxSize));

httpCacheStoreContract(
  'disk store',
  (maxSize) => new DiskCacheStore(createMemoryFileSystem(), '/session/Cache/Cache_Data', maxSize),
);

it('disk store: a new store over the same directory finds the entries, sizes and use order', () => {
  const fs = createMemoryFileSystem();
  const first = new DiskCacheStore(fs, '/session/Cache/Cache_Data', 1_000_000);
  const [a, b] = [entry('https://example.com/a', 300), entry('https://example.com/b', 20)];
  first.write(a);
  first.write(b);
  first.open(a.key);
  const second = new DiskCacheStore(fs, '/session/Cache/Cache_Data', 1_000_000);
  expect(second.keys()).toEqual([b.key, a.key]);
  expect(second.size()).toBe(first.size());
  expect(second.open(a.key)).toEqual(a);
});

it('disk store: names each entry file after its key as SimpleCache does', () => {
  const fs = createMemoryFileSystem();
  const store = new DiskCacheStore(fs, '/c', 1_000_000);
  store.write(entry('https://example.com/a', 1));
  const files = fs.readdirSync('/c') as string[];
  expect(files.sort()).toEqual([expect.stringMatching(/^[0-9a-f]{16}_0$/), 'index']);
});

it('disk store: writes its index 20 s of the clock after the last change, or when flushed', () => {
  const fs = createMemoryFileSystem();
  const clock = createClock(0);
  const store = new DiskCacheStore(fs, '/c', 1_000_000, fromSinonClock(clock));
  store.write(entry('https://example.com/a', 1));
  clock.tick(19_999);
  store.write(entry('https://example.com/b', 1));
  clock.tick(19_999);
  expect(fs.existsSync('/c/index')).toBe(false);
  clock.tick(1);
  expect(fs.existsSync('/c/index')).toBe(true);
  store.doom(entry('https://example.com/a', 1).key);
  store.flush();
  expect(String(fs.readFileSync('/c/index', 'utf8'))).not.toContain('example.com/a');
});

it('disk store: writes an entry’s file on the next task, and a new store finds it before the index lists it', async () => {
  const fs = createMemoryFileSystem();
  const clock = createClock(0);
  const first = new DiskCacheStore(fs, '/c', 1_000_000, fromSinonClock(clock));
  const written = entry('https://example.com/a', 40);
  first.write(written);
  expect(fs.existsSync('/c')).toBe(false);
  expect(first.open(written.key)).toEqual(written);
  await nextTask();
  const second = new DiskCacheStore(fs, '/c', 1_000_000);
  expect(second.keys()).toEqual([written.key]);
  expect(second.size()).toBe(first.size());
  expect(second.open(written.key)).toEqual(written);
});

it('disk store: keeps the hint that an entry is unusable, which the memory store never has', () => {
  const disk = new DiskCacheStore(createMemoryFileSystem(), '/c', 1_000_000);
  const memory = new MemoryCacheStore(1_000_000);
  const written = entry('https://example.com/a', 1);
  for (const store of [disk, memory]) store.write(written, true);
  expect([disk.unusable(written.key), memory.unusable(written.key)]).toEqual([true, false]);
  disk.write(written, false);
  expect(disk.unusable(written.key)).toBe(false);
});

it('disk store: deletes a doomed entry’s file with the next index write, unless a new entry took its name', async () => {
  const fs = createMemoryFileSystem();
  const clock = createClock(0);
  const store = new DiskCacheStore(fs, '/c', 1_000_000, fromSinonClock(clock));
  const [a, b] = [entry('https://example.com/a', 10), entry('https://example.com/b', 10)];
  store.write(a);
  store.write(b);
  await nextTask();
  store.doom(a.key);
  store.doom(b.key);
  store.write(b);
  await nextTask();
  expect(store.keys()).toEqual([b.key]);
  expect((fs.readdirSync('/c') as string[]).length).toBe(2);
  clock.tick(20_000);
  expect((fs.readdirSync('/c') as string[]).sort()).toEqual([expect.stringMatching(/_0$/), 'index']);
  expect(new DiskCacheStore(fs, '/c', 1_000_000).open(b.key)).toEqual(b);
});
