import { createMemoryFileSystem } from '../../src/runtime/file-system';
import { StorageBuckets, storageFileName } from '../../src/session/storage-buckets';

it('keys buckets by Chromium serialised origin', () => {
  const buckets = new StorageBuckets(createMemoryFileSystem(), null);
  buckets.set('https://Example.com:443/some/page', 'localStorage', 'k', 'v');
  expect(buckets.origins()).toEqual(['https://example.com']);
  expect(buckets.get('https://example.com', 'localStorage', 'k')).toBe('v');
  buckets.set('file:///C:/app/index.html', 'localStorage', 'f', '1');
  expect(buckets.origins('localStorage')).toEqual(['file://', 'https://example.com']);
});

it('refuses an opaque origin with a harness message', () => {
  const buckets = new StorageBuckets(createMemoryFileSystem(), null);
  expect(() => buckets.set('data:text/plain,hi', 'localStorage', 'k', 'v')).toThrow(
    /^Failed to use storage origin 'data:text\/plain,hi': it is opaque or not a URL\./,
  );
});

it('clears only the chosen types for the chosen origins', () => {
  const buckets = new StorageBuckets(createMemoryFileSystem(), null);
  buckets.set('https://a.test', 'localStorage', 'k', '1');
  buckets.set('https://a.test', 'indexedDB', 'db', '1');
  buckets.set('https://b.test', 'localStorage', 'k', '2');
  buckets.clear(new Set(['localStorage']), { mode: 'only', origins: new Set(['https://a.test']) });
  expect(buckets.snapshot()).toEqual({
    'https://a.test': { indexedDB: { db: '1' } },
    'https://b.test': { localStorage: { k: '2' } },
  });
  buckets.clear(new Set(['localStorage', 'indexedDB']), {
    mode: 'except',
    origins: new Set(['https://b.test']),
  });
  expect(buckets.snapshot()).toEqual({ 'https://b.test': { localStorage: { k: '2' } } });
});

it('writes a persistent session buckets only on flush, and reads them back', () => {
  const fs = createMemoryFileSystem();
  const buckets = new StorageBuckets(fs, '/profile');
  buckets.set('https://a.test', 'localStorage', 'k', 'v');
  expect(fs.existsSync(`/profile/${storageFileName}`)).toBe(false);
  buckets.flush();
  expect(new StorageBuckets(fs, '/profile').get('https://a.test', 'localStorage', 'k')).toBe('v');
});

it('never writes the buckets of an in-memory session', () => {
  const fs = createMemoryFileSystem();
  const buckets = new StorageBuckets(fs, null);
  buckets.set('https://a.test', 'localStorage', 'k', 'v');
  buckets.flush();
  expect(fs.readdirSync('/')).toEqual([]);
});

it('starts empty when the stored file is corrupt', () => {
  const fs = createMemoryFileSystem();
  fs.mkdirSync('/profile', { recursive: true });
  fs.writeFileSync(`/profile/${storageFileName}`, '{not json');
  expect(new StorageBuckets(fs, '/profile').snapshot()).toEqual({});
});
