import { PreloadScriptRegistry } from '../../src/session/preload-scripts';

it('registers a preload script and returns the given id', () => {
  const registry = new PreloadScriptRegistry();
  expect(registry.register([{ type: 'frame', id: 'one', filePath: '/app/preload.js' }])).toBe('one');
  expect(registry.list()).toEqual([{ filePath: '/app/preload.js', id: 'one', type: 'frame' }]);
});

it('generates a lower-case UUID when no id is given', () => {
  const id = new PreloadScriptRegistry().register([{ type: 'service-worker', filePath: '/app/sw.js' }]);
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

it('refuses a second script with an existing id', () => {
  const registry = new PreloadScriptRegistry();
  registry.register([{ type: 'frame', id: 'dup', filePath: '/a.js' }]);
  expect(() => registry.register([{ type: 'frame', id: 'dup', filePath: '/b.js' }])).toThrow(
    new Error("Cannot register preload script with existing ID 'dup'"),
  );
});

it('refuses a relative preload path', () => {
  expect(() => new PreloadScriptRegistry().register([{ type: 'frame', filePath: 'preload.js' }])).toThrow(
    new Error('Preload script must have absolute path: preload.js'),
  );
});

it('throws a conversion error for an unknown type or a missing file path', () => {
  const registry = new PreloadScriptRegistry();
  expect(() => registry.register([{ type: 'worker', filePath: '/a.js' }])).toThrow(
    'Error processing argument at index 0, conversion failure from Object',
  );
  expect(() => registry.register([{ type: 'frame' }])).toThrow(
    'Error processing argument at index 0, conversion failure from Object',
  );
});

it('refuses to unregister an unknown id', () => {
  expect(() => new PreloadScriptRegistry().unregister(['nope'])).toThrow(
    new Error("Cannot unregister preload script with non-existing ID 'nope'"),
  );
});

it('unregisters a script by id', () => {
  const registry = new PreloadScriptRegistry();
  registry.register([{ type: 'frame', id: 'a', filePath: '/a.js' }]);
  registry.unregister(['a']);
  expect(registry.list()).toEqual([]);
});

it('replaces only frame scripts with setPreloads and reports them through getPreloads', () => {
  const registry = new PreloadScriptRegistry();
  registry.register([{ type: 'frame', id: 'old', filePath: '/old.js' }]);
  registry.register([{ type: 'service-worker', id: 'sw', filePath: '/sw.js' }]);
  registry.setFramePaths(['/one.js', '/two.js']);
  expect(registry.framePaths()).toEqual(['/one.js', '/two.js']);
  expect(registry.list().map((script) => script.id)).toContain('sw');
  expect(registry.list().map((script) => script.id)).not.toContain('old');
});

it('only logs a relative path given to setPreloads', () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const registry = new PreloadScriptRegistry();
  registry.setFramePaths(['relative.js']);
  expect(registry.framePaths()).toEqual(['relative.js']);
  expect(error).toHaveBeenCalledWith('preload script must have absolute path: relative.js');
  error.mockRestore();
});

it('fails setPreloads on a non-array only after dropping the frame scripts, like Electron', () => {
  const registry = new PreloadScriptRegistry();
  registry.register([{ type: 'frame', id: 'f', filePath: '/f.js' }]);
  expect(() => registry.setFramePaths('nope')).toThrow(new TypeError('preloads.map is not a function'));
  expect(registry.list()).toEqual([]);
});
