import { createMemoryFileSystem } from '../../src/runtime/file-system';
import { NetLog } from '../../src/session/net-log';

function netLog() {
  const fs = createMemoryFileSystem();
  fs.mkdirSync('/logs', { recursive: true });
  return { fs, log: new NetLog(fs, 'Electron 45.5.0') };
}

it('writes a Chromium-format net log between start and stop', async () => {
  const { fs, log } = netLog();
  await log.startLogging('/logs/net.json', { captureMode: 'includeSensitive' });
  expect(log.currentlyLogging).toBe(true);
  log.record({ type: 1, source: { id: 1 } });
  await expect(log.stopLogging()).resolves.toBeUndefined();
  expect(log.currentlyLogging).toBe(false);
  const parsed = JSON.parse(String(fs.readFileSync('/logs/net.json', 'utf8'))) as Record<string, unknown>;
  expect(parsed['constants']).toMatchObject({
    clientInfo: { name: 'Electron 45.5.0' },
    logCaptureMode: 'IncludeSensitive',
  });
  expect(parsed['events']).toEqual([{ type: 1, source: { id: 1 } }]);
  expect(parsed['polledData']).toEqual({});
});

it('throws for an empty path, a bad capture mode and a second start', async () => {
  const { log } = netLog();
  expect(() => log.startLogging('')).toThrow(new TypeError('The first parameter must be a valid string'));
  expect(() => log.startLogging('/logs/a.json', { captureMode: 'all' })).toThrow(
    new TypeError('Invalid value for captureMode'),
  );
  expect(() => log.startLogging('/logs/a.json', { maxFileSize: -1 })).toThrow(
    new TypeError('Invalid value for maxFileSize'),
  );
  await log.startLogging('/logs/a.json');
  expect(() => log.startLogging('/logs/b.json')).toThrow(new TypeError('There is already a net log running'));
});

it('rejects stopLogging when nothing is logging', async () => {
  await expect(netLog().log.stopLogging()).rejects.toThrow('No net log in progress');
});

it('rejects with the file error when the folder does not exist', async () => {
  const { log } = netLog();
  await expect(log.startLogging('/missing/dir/net.json')).rejects.toThrow('FILE_ERROR_NOT_FOUND');
  expect(log.currentlyLogging).toBe(false);
});
