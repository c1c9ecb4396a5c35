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
