import { once } from 'node:events';
import { createElectronFake } from '../../src/create-electron-fake';

it('returns the default session for defaultSession and fromPartition("") (Electron spec)', () => {
  const { session } = createElectronFake();
  expect(session.defaultSession).toBe(session.fromPartition(''));
  expect(session.defaultSession).toBe(session.defaultSession);
});

it('returns the existing session for the same partition (Electron spec)', () => {
  const { session } = createElectronFake();
  expect(session.fromPartition('test')).toBe(session.fromPartition('test'));
});

it('gives the default session for an empty persist: partition', () => {
  const { session } = createElectronFake();
  expect(session.fromPartition('persist:')).toBe(session.defaultSession);
});

it('keeps foo and persist:foo as different sessions', () => {
  const { session } = createElectronFake();
  const memory = session.fromPartition('foo');
  const persistent = session.fromPartition('persist:foo');
  expect(memory).not.toBe(persistent);
  expect(memory.isPersistent()).toBe(false);
  expect(persistent.isPersistent()).toBe(true);
});

it('reports persistence like the Electron spec: default and persist: true, others false', () => {
  const { session } = createElectronFake();
  expect(session.defaultSession.isPersistent()).toBe(true);
  expect(session.fromPartition('persist:abc123').isPersistent()).toBe(true);
  expect(session.fromPartition('abc123').isPersistent()).toBe(false);
});

it('gives storage paths like the Electron spec', () => {
  const { session, app } = createElectronFake();
  expect(typeof session.defaultSession.storagePath).toBe('string');
  expect(session.defaultSession.storagePath).toBe(app.getPath('userData'));
  expect(session.fromPartition('in-memory').storagePath).toBeNull();
  expect(session.fromPartition('in-memory').getStoragePath()).toBeNull();
  expect(session.defaultSession.storagePath).not.toBe(session.fromPartition('persist:two').storagePath);
  expect(session.fromPartition('persist:one').storagePath).not.toBe(
    session.fromPartition('persist:two').storagePath,
  );
});

it('keeps persistent partitions under sessionData/Partitions, escaped and lower-cased', () => {
  const { session, app } = createElectronFake();
  expect(session.fromPartition('persist:My Data').storagePath).toBe(
    `${app.getPath('sessionData')}/Partitions/my%20data`,
  );
});

it('makes case-different keys two sessions that share one folder', () => {
  const { session } = createElectronFake();
  const upper = session.fromPartition('persist:Foo');
  const lower = session.fromPartition('persist:foo');
  expect(upper).not.toBe(lower);
  expect(upper.storagePath).toBe(lower.storagePath);
});

it('creates the storage folder of a persistent session', () => {
  const { session, fake } = createElectronFake();
  const ses = session.fromPartition('persist:disk');
  expect(fake.fs.statSync(ses.storagePath as string).isDirectory()).toBe(true);
});

it('uses the options of the first creation only', () => {
  const { session, fake } = createElectronFake();
  const first = session.fromPartition('cached', { cache: false });
  const again = session.fromPartition('cached', { cache: true });
  expect(again).toBe(first);
  expect(fake.inspect(first).cacheEnabled).toBe(false);
  expect(fake.inspect(session.fromPartition('other', 'nonsense' as never)).cacheEnabled).toBe(true);
});

it('gives fromPath a persistent session whose storage path is the path (Electron spec)', () => {
  const { session, app } = createElectronFake();
  const tmp = app.getPath('temp');
  const ses = session.fromPath(tmp);
  expect(ses.storagePath).toBe(tmp);
  expect(ses.isPersistent()).toBe(true);
  expect(session.fromPath(tmp)).toBe(ses);
});

it('throws the fromPath TypeErrors for an empty or relative path', () => {
  const { session } = createElectronFake();
  expect(() => session.fromPath('')).toThrow(new TypeError('An empty path was specified'));
  expect(() => session.fromPath('relative/dir')).toThrow(new TypeError('An absolute path was not provided'));
});

it('throws a conversion TypeError for a non-string partition', () => {
  const { session } = createElectronFake();
  expect(() => session.fromPartition(42 as never)).toThrow(
    new TypeError('Error processing argument at index 0, conversion failure from Number'),
  );
});

it('throws before app is ready, for every way of getting a session', () => {
  const { session, fake } = createElectronFake({ ready: false });
  const message = 'Session can only be received when app is ready';
  expect(() => session.defaultSession).toThrow(new TypeError(message));
  expect(() => session.fromPartition('x')).toThrow(new TypeError(message));
  expect(() => session.fromPath('/tmp/x')).toThrow(new TypeError(message));
  fake.ready();
  expect(session.defaultSession.isPersistent()).toBe(true);
});

it("refuses new on the Session class with Electron's message", () => {
  const { session } = createElectronFake();
  const SessionClass = Object.getPrototypeOf(session.defaultSession).constructor as new (
    ...args: unknown[]
  ) => unknown;
  expect(() => new SessionClass()).toThrow(new Error("Session objects cannot be created with 'new'"));
});

it('does not export a Session class at runtime', () => {
  const electron = createElectronFake() as unknown as Record<string, unknown>;
  expect(electron['Session']).toBeUndefined();
});

it('emits session-created with the new session as first argument (Electron spec)', async () => {
  const { app, session } = createElectronFake();
  const created = once(app, 'session-created');
  const ses = session.fromPartition('fresh-one');
  const [first] = (await created) as [unknown];
  expect(first).toBe(ses);
});

it('emits session-created synchronously and only on first creation', () => {
  const { app, session } = createElectronFake();
  const seen: unknown[][] = [];
  app.on('session-created', (...args: unknown[]) => seen.push(args));
  const ses = session.fromPartition('persist:once');
  expect(seen).toEqual([[ses]]);
  session.fromPartition('persist:once');
  expect(seen).toHaveLength(1);
});

it('keeps sub-objects stable on every access', () => {
  const ses = createElectronFake().session.fromPartition('stable');
  expect(ses.extensions).toBe(ses.extensions);
  expect(ses.netLog).toBe(ses.netLog);
  expect(ses.serviceWorkers).toBe(ses.serviceWorkers);
});
