import { createMemoryFileSystem } from '../../src/runtime/file-system';
import { ServiceWorkers } from '../../src/session/service-workers';
import { StorageBuckets } from '../../src/session/storage-buckets';

function workers() {
  const storage = new StorageBuckets(createMemoryFileSystem(), null);
  const warnings: string[] = [];
  return { storage, warnings, workers: new ServiceWorkers(storage, (message) => warnings.push(message)) };
}

it('reports no running workers at first', () => {
  expect(workers().workers.getAllRunning()).toEqual({});
});

it('starts a registered worker for its scope and reports it as running', async () => {
  const { storage, workers: sw } = workers();
  storage.set('https://app.test', 'serviceWorkers', 'https://app.test/', 'https://app.test/sw.js');
  const statuses: string[] = [];
  sw.on('running-status-changed', (details: { runningStatus: string }) =>
    statuses.push(details.runningStatus),
  );
  const main = await sw.startWorkerForScope('https://app.test/');
  expect(main.scope).toBe('https://app.test/');
  expect(main.scriptURL).toBe('https://app.test/sw.js');
  expect(statuses).toEqual(['starting', 'running']);
  expect(sw.getAllRunning()).toEqual({
    [main.versionId]: {
      scriptUrl: 'https://app.test/sw.js',
      scope: 'https://app.test/',
      renderProcessId: 1,
      versionId: main.versionId,
    },
  });
  expect(sw.getWorkerFromVersionID(main.versionId)).toBe(main);
});

it('rejects starting a worker for a scope nobody registered', async () => {
  await expect(workers().workers.startWorkerForScope('https://nope.test/')).rejects.toThrow(
    'Failed to start service worker.',
  );
});

it('throws for an unknown version id and warns about the deprecated getter', () => {
  const { workers: sw, warnings } = workers();
  expect(() => sw.getInfoFromVersionID(7)).toThrow(
    new Error('Could not find service worker with that version_id'),
  );
  expect(() => sw.getFromVersionID(7)).toThrow('Could not find service worker with that version_id');
  expect(warnings).toEqual([
    'The session.serviceWorkers.getFromVersionID API is deprecated, use session.serviceWorkers.getInfoFromVersionID instead.',
  ]);
  expect(sw.getWorkerFromVersionID(7)).toBeUndefined();
});

it('stops and destroys the workers of cleared origins', async () => {
  const { storage, workers: sw } = workers();
  storage.set('https://app.test', 'serviceWorkers', 'https://app.test/', 'https://app.test/sw.js');
  const main = await sw.startWorkerForScope('https://app.test/');
  sw.stopWorkers((origin) => origin === 'https://app.test');
  expect(sw.getAllRunning()).toEqual({});
  expect(main.isDestroyed()).toBe(true);
});
