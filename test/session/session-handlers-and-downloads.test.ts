import { createElectronFake } from '../../src/create-electron-fake';
import { internalsOf, type DownloadRequest } from '../../src/session/session-internals';
import { nextTask } from '../../src/clock/clock';

const setters = [
  'setCertificateVerifyProc',
  'setPermissionRequestHandler',
  'setPermissionCheckHandler',
  'setDevicePermissionHandler',
  'setUSBProtectedClassesHandler',
  'setBluetoothPairingHandler',
] as const;

it.each(setters)('%s stores a function, clears with null and refuses anything else', (setter) => {
  const ses = createElectronFake().session.defaultSession;
  const set = ses[setter].bind(ses) as (handler: unknown) => void;
  const handler = (): boolean => true;
  set(handler);
  set(null);
  for (const value of [undefined, 'handler', 42, {}]) {
    expect(() => set(value)).toThrow(new TypeError('Must pass null or function'));
  }
});

it('keeps each handler on the session for the permission and certificate stages', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  const proc = jest.fn();
  const request = jest.fn();
  const check = jest.fn();
  ses.setCertificateVerifyProc(proc);
  ses.setPermissionRequestHandler(request);
  ses.setPermissionCheckHandler(check);
  expect(internalsOf(ses).certificateVerifyProc).toBe(proc);
  expect(fake.inspect(ses).handlers).toMatchObject({
    certificateVerifyProc: proc,
    permissionRequestHandler: request,
    permissionCheckHandler: check,
    devicePermissionHandler: null,
  });
  ses.setPermissionRequestHandler(null);
  expect(fake.inspect(ses).handlers.permissionRequestHandler).toBeNull();
  expect(fake.inspect(session.fromPartition('other')).handlers.certificateVerifyProc).toBeNull();
});

it('gives setDisplayMediaRequestHandler its own error text for falsy non-null values', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  for (const value of [undefined, 0, '']) {
    expect(() => ses.setDisplayMediaRequestHandler(value as never)).toThrow(
      new TypeError('Display media request handler must be null or a function'),
    );
  }
  ses.setDisplayMediaRequestHandler(jest.fn(), { useSystemPicker: true });
  expect(fake.inspect(ses).handlers.displayMediaRequestHandler).toEqual(expect.any(Function));
  ses.setDisplayMediaRequestHandler(null);
  expect(fake.inspect(ses).handlers.displayMediaRequestHandler).toBeNull();
});

it('calls the wrapped display-media handler with the request and callback', async () => {
  const ses = createElectronFake().session.defaultSession;
  const handler = jest.fn();
  ses.setDisplayMediaRequestHandler(handler);
  const stored = internalsOf(ses).displayMediaRequestHandler?.handler as (
    r: unknown,
    c: unknown,
  ) => Promise<void>;
  const callback = jest.fn();
  await stored({ securityOrigin: 'https://a.test' }, callback);
  expect(handler).toHaveBeenCalledWith({ securityOrigin: 'https://a.test' }, callback);
});

it('registers and clears a local AI handler, refusing what is not a UtilityProcess', () => {
  const ses = createElectronFake().session.defaultSession;
  const utilityProcess = { _unwrapHandle: () => ({ pid: 1 }) };
  ses.registerLocalAIHandler(utilityProcess as never);
  expect(internalsOf(ses).localAIHandler).toBe(utilityProcess);
  ses.registerLocalAIHandler(null);
  expect(internalsOf(ses).localAIHandler).toBeNull();
  for (const value of ['utility', 42, {}])
    expect(() => ses.registerLocalAIHandler(value as never)).toThrow(TypeError);
});

it('stores the download path, defaulting to the Downloads folder', () => {
  const { session, app, fake } = createElectronFake();
  const ses = session.defaultSession;
  expect(fake.inspect(ses).downloadPath).toBe(app.getPath('downloads'));
  ses.setDownloadPath('/data/downloads');
  expect(fake.inspect(ses).downloadPath).toBe('/data/downloads');
});

it('validates downloadURL headers and hands the download to the downloads machinery', () => {
  const ses = createElectronFake().session.defaultSession;
  const started: DownloadRequest[] = [];
  internalsOf(ses).startDownload = (request) => started.push(request);
  expect(() => ses.downloadURL('http://127.0.0.1/', { headers: 'i-am-a-bad-header' as never })).toThrow(
    /Invalid value for headers - must be an object/,
  );
  expect(() => ses.downloadURL('http://127.0.0.1/', { headers: { Authorization: 1 } as never })).toThrow(
    new TypeError('Invalid value for headers - must be an object'),
  );
  ses.downloadURL('http://127.0.0.1/', { headers: { Authorization: 'Basic i-am-an-auth-header' } });
  expect(started).toEqual([
    { url: 'http://127.0.0.1/', headers: { Authorization: 'Basic i-am-an-auth-header' }, webContents: null },
  ]);
});

it('throws createInterruptedDownload errors synchronously with Electron texts', () => {
  const ses = createElectronFake().session.defaultSession;
  const base = { path: '/tmp/x.pdf', urlChain: ['http://127.0.0.1/'], offset: 0, length: 5242880 };
  expect(() => ses.createInterruptedDownload({ ...base, path: '' })).toThrow(
    new Error('Must pass non-empty path, urlChain and length.'),
  );
  expect(() => ses.createInterruptedDownload({ ...base, urlChain: [] })).toThrow(
    'Must pass non-empty path, urlChain and length.',
  );
  expect(() => ses.createInterruptedDownload({ ...base, length: 0 })).toThrow(
    'Must pass non-empty path, urlChain and length.',
  );
  expect(() => ses.createInterruptedDownload({ ...base, offset: 5242880 })).toThrow(
    new Error('Must pass an offset value less than length.'),
  );
});

it('creates the interrupted download on a later task, with its start time defaulting to now', async () => {
  const { session } = createElectronFake({
    clock: { now: () => 1_700_000_000_000, setTimeout: () => 0 as never, clearTimeout: () => undefined },
  });
  const ses = session.defaultSession;
  const started: DownloadRequest[] = [];
  internalsOf(ses).startDownload = (request) => started.push(request);
  ses.createInterruptedDownload({
    path: '/tmp/x.pdf',
    urlChain: ['http://127.0.0.1/'],
    mimeType: 'application/pdf',
    offset: 0,
    length: 10,
  });
  expect(started).toEqual([]);
  await nextTask();
  expect(started).toEqual([
    {
      webContents: null,
      interrupted: {
        path: '/tmp/x.pdf',
        urlChain: ['http://127.0.0.1/'],
        mimeType: 'application/pdf',
        offset: 0,
        length: 10,
        lastModified: '',
        eTag: '',
        startTime: 1_700_000_000,
      },
    },
  ]);
});
