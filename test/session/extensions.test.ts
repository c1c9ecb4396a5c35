import { once } from 'node:events';
import { createMemoryFileSystem, type FakeFileSystem } from '../../src/runtime/file-system';
import { Extensions, extensionIdFor } from '../../src/session/extensions';

function withExtension(manifest: unknown, dir = '/ext/one'): FakeFileSystem {
  const fs = createMemoryFileSystem();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    `${dir}/manifest.json`,
    typeof manifest === 'string' ? manifest : JSON.stringify(manifest),
  );
  return fs;
}

const manifest = { manifest_version: 3, name: 'Helper', version: '1.2.3' };

it('derives ids like Chromium: SHA-256, 32 hex digits mapped to a-p', () => {
  // crx_file::id_util unittest value for GenerateId("test").
  expect(extensionIdFor('test')).toBe('jpignaibiiemhngfjkcpokkamffknabf');
  expect(extensionIdFor('/ext/one')).toMatch(/^[a-p]{32}$/);
});

it('loads an unpacked extension and reports Electron extension fields', async () => {
  const extensions = new Extensions(withExtension(manifest), true);
  const extension = await extensions.loadExtension('/ext/one');
  const id = extensionIdFor('/ext/one');
  expect(extension).toEqual({
    dynamicId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    id,
    manifest,
    name: 'Helper',
    path: '/ext/one',
    url: `chrome-extension://${id}/`,
    version: '1.2.3',
  });
  expect(extensions.getExtension(id)).toEqual(extension);
  expect(extensions.getAllExtensions()).toEqual([extension]);
});

it('uses the manifest key for the id when there is one', async () => {
  const key = Buffer.from('public key bytes').toString('base64');
  const extension = await new Extensions(withExtension({ ...manifest, key }), true).loadExtension('/ext/one');
  expect(extension.id).toBe(extensionIdFor(Buffer.from('public key bytes')));
});

it('emits extension-loaded before the load resolves and extension-ready after it', async () => {
  const extensions = new Extensions(withExtension(manifest), true);
  const order: string[] = [];
  extensions.on('extension-loaded', (_event, extension: { name: string }) =>
    order.push(`loaded:${extension.name}`),
  );
  extensions.on('extension-ready', () => order.push('ready'));
  const ready = once(extensions, 'extension-ready');
  await extensions.loadExtension('/ext/one').then(() => order.push('resolved'));
  await ready;
  expect(order).toEqual(['loaded:Helper', 'resolved', 'ready']);
});

it('emits extension-unloaded when an extension is removed, and nothing for an unknown id', async () => {
  const extensions = new Extensions(withExtension(manifest), true);
  const { id } = await extensions.loadExtension('/ext/one');
  const unloaded: string[] = [];
  extensions.on('extension-unloaded', (_event, extension: { id: string }) => unloaded.push(extension.id));
  extensions.removeExtension('unknown');
  extensions.removeExtension(id);
  expect(unloaded).toEqual([id]);
  expect(extensions.getExtension(id)).toBeNull();
});

it('rejects a relative path and an in-memory session with Electron messages', async () => {
  await expect(new Extensions(withExtension(manifest), true).loadExtension('ext/one')).rejects.toThrow(
    "The path to the extension in 'loadExtension' must be absolute",
  );
  await expect(new Extensions(withExtension(manifest), false).loadExtension('/ext/one')).rejects.toThrow(
    'Extensions cannot be loaded in a temporary session',
  );
});

it('rejects a missing folder, a missing manifest and an invalid one with Chromium messages', async () => {
  const fs = withExtension('{ nope');
  fs.mkdirSync('/ext/empty', { recursive: true });
  const extensions = new Extensions(fs, true);
  await expect(extensions.loadExtension('/ext/missing')).rejects.toThrow(
    'Extension directory not found: /ext/missing',
  );
  await expect(extensions.loadExtension('/ext/empty')).rejects.toThrow(
    'Manifest file is missing or unreadable',
  );
  await expect(extensions.loadExtension('/ext/one')).rejects.toThrow(/^Manifest is not valid JSON\. {2}/);
});

it('rejects manifests without a usable name, version or manifest_version', async () => {
  const load = (m: unknown) => new Extensions(withExtension(m), true).loadExtension('/ext/one');
  await expect(load({ name: 'x', version: '1' })).rejects.toThrow(/^Missing 'manifest_version' key/);
  await expect(load({ manifest_version: 1, name: 'x', version: '1' })).rejects.toThrow(
    /^Invalid value for 'manifest_version'/,
  );
  await expect(load({ manifest_version: 3, version: '1' })).rejects.toThrow(
    "Required value 'name' is missing or invalid.",
  );
  await expect(load({ manifest_version: 3, name: 'x', version: '1.2.3.4.5' })).rejects.toThrow(
    /^Required value 'version' is missing or invalid/,
  );
});

it('throws a conversion error for a non-string path', () => {
  expect(() => new Extensions(createMemoryFileSystem(), true).loadExtension(42)).toThrow(
    'Error processing argument at index 0, conversion failure from Number',
  );
});
