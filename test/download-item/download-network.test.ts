import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';
import { insideValidity, startHttpsServer, tlsFixtures, type TestHttpsServer } from '../helpers/https-server';
import { startProxy, type TestProxy } from '../helpers/proxy-server';
import { startDownloadServer, type DownloadServer } from './download-server';
import { doneOf, until, willDownload } from './download-helpers';
import { internalsOf } from '../../src/session/session-internals';

let server: DownloadServer;
let secure: TestHttpsServer;
let proxy: TestProxy;

beforeAll(async () => {
  server = await startDownloadServer({
    '/file.txt': { body: Buffer.from('via proxy'), contentType: 'text/plain' },
    '/refused': { body: Buffer.from('no entry'), status: 403 },
  });
  secure = await startHttpsServer();
  proxy = await startProxy();
});
afterAll(async () => {
  await Promise.all([server.close(), secure.close(), proxy.close()]);
});

it('downloads through the proxy the session was given', async () => {
  const { session, fake } = createElectronFake({ clock: createClock(1_700_000_000_000) });
  const ses = session.defaultSession;
  await ses.setProxy({ proxyRules: `http=127.0.0.1:${proxy.port}`, proxyBypassRules: '<-loopback>' });
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/file.txt'));
  ses.downloadURL(`${server.url}/file.txt`);
  expect(await doneOf(await downloading)).toBe('completed');
  expect(proxy.seen).toContain(`GET ${server.url}/file.txt`);
  expect(fake.fs.readFileSync('/saved/file.txt', 'utf8')).toBe('via proxy');
});

it('ends a download from an untrusted certificate as interrupted for good, and completes once it is trusted', async () => {
  const { session, fake } = createElectronFake({ clock: createClock(insideValidity) });
  const ses = session.defaultSession;
  const untrusted = willDownload(ses, (item) => item.setSavePath('/saved/untrusted.html'));
  ses.downloadURL(`${secure.url}/page`);
  const refused = await untrusted;
  expect(await doneOf(refused)).toBe('interrupted');
  expect(refused.canResume()).toBe(false);
  fake.trustRootCertificate(tlsFixtures.root);
  const trusted = willDownload(ses, (item) => item.setSavePath('/saved/trusted.html'));
  ses.downloadURL(`${secure.url}/page`);
  expect(await doneOf(await trusted)).toBe('completed');
  expect(fake.fs.readFileSync('/saved/trusted.html', 'utf8')).toBe('<title>hello</title>');
});

it('lets go of the request of a download it refused without reading the body', async () => {
  const { session } = createElectronFake({ clock: createClock(1_700_000_000_000) });
  const ses = session.defaultSession;
  const failed: string[] = [];
  ses.webRequest.onErrorOccurred((details) => failed.push(details.error));
  const downloading = willDownload(ses, (item) => item.setSavePath('/saved/refused.txt'));
  ses.downloadURL(`${server.url}/refused`);
  expect(await doneOf(await downloading)).toBe('interrupted');
  await until(() => internalsOf(ses).inflight.size === 0);
  expect(failed).toEqual(['net::ERR_ABORTED']);
});
