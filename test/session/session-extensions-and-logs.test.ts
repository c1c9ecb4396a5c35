import { once } from 'node:events';
import { createElectronFake } from '../../src/create-electron-fake';
import { extensionIdFor } from '../../src/session/extensions';

function withExtension() {
  const electron = createElectronFake();
  electron.fake.fs.mkdirSync('/ext/helper', { recursive: true });
  electron.fake.fs.writeFileSync(
    '/ext/helper/manifest.json',
    JSON.stringify({ manifest_version: 3, name: 'Helper', version: '1.0' }),
  );
  return electron;
}

it('loads extensions through ses.extensions for persistent sessions only', async () => {
  const { session } = withExtension();
  const extension = await session.defaultSession.extensions.loadExtension('/ext/helper');
  expect(extension.id).toBe(extensionIdFor('/ext/helper'));
  await expect(session.fromPartition('temp').extensions.loadExtension('/ext/helper')).rejects.toThrow(
    'Extensions cannot be loaded in a temporary session',
  );
});

it('re-emits extension events on the session while it has listeners, with a deprecation warning', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { session } = withExtension();
  const ses = session.defaultSession;
  const loaded = once(ses, 'extension-loaded');
  await ses.extensions.loadExtension('/ext/helper');
  const [, extension] = (await loaded) as [unknown, { name: string }];
  expect(extension.name).toBe('Helper');
  expect(warn).toHaveBeenCalledWith(
    "(electron) 'extension-loaded event' is deprecated and will be removed. Please use 'session.extensions extension-loaded event' instead.",
  );
  warn.mockRestore();
});

it('keeps the deprecated session extension methods working', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const ses = withExtension().session.defaultSession;
  const { id } = await ses.loadExtension('/ext/helper');
  expect(ses.getExtension(id)?.name).toBe('Helper');
  expect(ses.getAllExtensions()).toHaveLength(1);
  ses.removeExtension(id);
  expect(ses.extensions.getAllExtensions()).toEqual([]);
  warn.mockRestore();
});

it('writes a net log file on the fake file system', async () => {
  const { session, fake, app } = createElectronFake();
  const file = `${app.getPath('logs')}/net.json`;
  fake.fs.mkdirSync(app.getPath('logs'), { recursive: true });
  const { netLog } = session.defaultSession;
  await netLog.startLogging(file);
  expect(netLog.currentlyLogging).toBe(true);
  await netLog.stopLogging();
  const log = JSON.parse(String(fake.fs.readFileSync(file, 'utf8'))) as {
    constants: { clientInfo: { name: string } };
    events: unknown[];
  };
  expect(log.constants.clientInfo.name).toBe('Electron 45.5.0');
  expect(log.events).toEqual([]);
});

it('answers the shared dictionary calls like the Electron spec sees them', async () => {
  const ses = createElectronFake().session.defaultSession;
  const key = {
    frameOrigin: 'https://compression-dictionary-transport-threejs-demo.glitch.me',
    topFrameSite: 'https://compression-dictionary-transport-threejs-demo.glitch.me',
  };
  await expect(ses.getSharedDictionaryUsageInfo()).resolves.toEqual([]);
  await expect(ses.getSharedDictionaryInfo(key)).resolves.toEqual([]);
  await expect(ses.clearSharedDictionaryCache()).resolves.toBeUndefined();
  await expect(ses.clearSharedDictionaryCacheForIsolationKey(key)).resolves.toBeUndefined();
});
