import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createElectronFake } from '../../src/create-electron-fake';

type Loose = (...args: unknown[]) => unknown;

/** A fake whose `session-created` events are counted. */
function fakeWithCreations() {
  const electron = createElectronFake();
  const created: unknown[] = [];
  electron.app.on('session-created', (ses: unknown) => created.push(ses));
  return { ...electron, created };
}

it.each(
  (['fromPartition', 'fromPath'] as const).flatMap((entry) =>
    (
      [
        [undefined, 'undefined'],
        [null, 'null'],
        [42, 'Number'],
        [{}, 'Object'],
        [['persist:x'], 'Array'],
      ] as const
    ).map(([value, described]) => [entry, value, described] as const),
  ),
)('%s(%p) throws the gin conversion TypeError and creates no session', (entry, value, described) => {
  const { session, created } = fakeWithCreations();
  expect(() => (session[entry] as Loose).call(session, value)).toThrow(
    new TypeError(`Error processing argument at index 0, conversion failure from ${described}`),
  );
  expect(created).toEqual([]);
});

it.each([
  ['persist:a/b', 'a/b'],
  ['persist:Sub\\Dir', 'sub%5Cdir'],
  ['persist:a\u0000b', 'a%00b'],
])(
  'a persistent partition named like a path (%j) gets a folder inside Partitions/, as Electron',
  (name, folder) => {
    const { session, app } = createElectronFake();
    expect(session.fromPartition(name).getStoragePath()).toBe(
      `${app.getPath('sessionData')}/Partitions/${folder}`,
    );
  },
);

it.each(['persist:..', 'persist:../../outside', 'persist:a/../../b', 'persist:.'])(
  'a persistent partition whose folder leaves Partitions/ (%j) is refused with INVALID_OPTION, and no session is created',
  (name) => {
    const { session, created } = fakeWithCreations();
    expect(() => session.fromPartition(name)).toThrow(
      expect.objectContaining({ name: 'HarnessError', code: 'INVALID_OPTION' }),
    );
    expect(() => session.fromPartition(name)).toThrow(
      /is outside .*Partitions\. Use a partition name without/,
    );
    expect(created).toEqual([]);
  },
);

it('an in-memory partition may have any name, dots and slashes included', () => {
  const { session } = createElectronFake();
  const ses = session.fromPartition('../../etc');
  expect(ses.getStoragePath()).toBeNull();
  expect(session.fromPartition('../../etc')).toBe(ses);
});

it('the persist: prefix is case-sensitive: PERSIST:x is an in-memory partition', () => {
  const { session } = createElectronFake();
  expect(session.fromPartition('PERSIST:x').isPersistent()).toBe(false);
  expect(session.fromPartition('persist:x').isPersistent()).toBe(true);
});

it.each([1, null, 'nonsense', () => undefined])(
  'fromPartition options that are not an object (%p) are ignored, as gin leaves the dictionary empty',
  (options) => {
    const { session, fake } = createElectronFake();
    const ses = (session.fromPartition as Loose)('opts', options) as ReturnType<typeof session.fromPartition>;
    expect(fake.inspect(ses).cacheEnabled).toBe(true);
  },
);

it.each([
  ['', 'An empty path was specified'],
  ['relative/dir', 'An absolute path was not provided'],
  ['./here', 'An absolute path was not provided'],
])('fromPath(%j) throws Electron TypeError and creates no session', (value, message) => {
  const { session, created } = fakeWithCreations();
  expect(() => session.fromPath(value)).toThrow(new TypeError(message));
  expect(created).toEqual([]);
});

it('fromPath keeps an absolute path with dot segments as given, and the same text gives the same session', () => {
  const { session } = createElectronFake();
  const ses = session.fromPath('/data/profiles/../shared');
  expect(ses.getStoragePath()).toBe('/data/profiles/../shared');
  expect(session.fromPath('/data/profiles/../shared')).toBe(ses);
});

it('every way of getting a session throws before ready, and none is created by the failed call', () => {
  const { session, app, fake } = createElectronFake({ ready: false });
  const created: unknown[] = [];
  app.on('session-created', (ses: unknown) => created.push(ses));
  for (const get of [
    () => session.defaultSession,
    () => session.fromPartition('p'),
    () => session.fromPath('/p'),
  ]) {
    expect(get).toThrow('Session can only be received when app is ready');
  }
  fake.ready();
  expect(created).toEqual([]);
  expect(session.fromPartition('p').isPersistent()).toBe(false);
});

it.each([
  ['a partition name too long for a folder', 'persist:' + 'x'.repeat(300)],
  ['a folder name taken by a file', 'persist:blocked'],
])('%s on a real userDataPath throws INVALID_OPTION, and no session is created', (_what, name) => {
  const userDataPath = mkdtempSync(path.join(tmpdir(), 'bad-partition-'));
  try {
    mkdirSync(path.join(userDataPath, 'Partitions'));
    writeFileSync(path.join(userDataPath, 'Partitions', 'blocked'), '');
    const { session, app } = createElectronFake({ userDataPath });
    const created: unknown[] = [];
    app.on('session-created', (ses: unknown) => created.push(ses));
    expect(() => session.fromPartition(name)).toThrow(
      expect.objectContaining({ name: 'HarnessError', code: 'INVALID_OPTION' }),
    );
    expect(() => session.fromPartition(name)).toThrow(
      /^Failed to create the session folder .*Use a shorter partition name/,
    );
    expect(created).toEqual([]);
  } finally {
    rmSync(userDataPath, { recursive: true, force: true });
  }
});
