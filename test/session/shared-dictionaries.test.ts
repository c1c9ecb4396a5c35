import {
  clearSharedDictionaryCache,
  clearSharedDictionaryCacheForIsolationKey,
  sharedDictionaryInfo,
  sharedDictionaryUsageInfo,
} from '../../src/session/shared-dictionaries';

const key = { frameOrigin: 'https://a.test', topFrameSite: 'https://a.test' };

it('reports no shared dictionaries, as the Electron spec sees in CI', async () => {
  await expect(sharedDictionaryUsageInfo()).resolves.toEqual([]);
  await expect(sharedDictionaryInfo([key])).resolves.toEqual([]);
});

it('resolves both clears', async () => {
  await expect(clearSharedDictionaryCache()).resolves.toBeUndefined();
  await expect(clearSharedDictionaryCacheForIsolationKey([key])).resolves.toBeUndefined();
});

it('rejects missing or invalid isolation keys with Electron messages', async () => {
  await expect(sharedDictionaryInfo([{ frameOrigin: 'https://a.test' }])).rejects.toThrow(
    'Must provide frameOrigin and topFrameSite strings',
  );
  await expect(clearSharedDictionaryCacheForIsolationKey([{}])).rejects.toThrow(
    'Must provide frameOrigin and topFrameSite strings to `clearSharedDictionaryCacheForIsolationKey`',
  );
  await expect(
    sharedDictionaryInfo([{ frameOrigin: 'nope', topFrameSite: 'https://a.test' }]),
  ).rejects.toThrow('Invalid URLs provided for frameOrigin or topFrameSite');
});

it('throws a conversion error for a non-object argument', () => {
  expect(() => sharedDictionaryInfo(['x'])).toThrow(
    'Error processing argument at index 0, conversion failure from "x"',
  );
});
