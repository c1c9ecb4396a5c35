import { createElectronFake } from '../../src/create-electron-fake';

function appWithFiles() {
  const electron = createElectronFake();
  const { fs } = electron.fake;
  fs.mkdirSync('/app/dist/assets', { recursive: true });
  fs.mkdirSync('/app/docs', { recursive: true });
  fs.writeFileSync('/app/dist/index.html', '<h1>app</h1>');
  fs.writeFileSync('/app/dist/assets/app.js', 'console.log(1)');
  fs.writeFileSync('/app/docs/index.html', '<h1>docs</h1>');
  fs.writeFileSync('/app/secret.txt', 'secret');
  const ses = electron.session.defaultSession;
  ses.protocol.registerSource('app', {
    routes: [
      {
        source: {
          type: 'directory',
          root: '/app/dist',
          headers: { 'X-Frame': 'deny', 'Content-Type': 'wrong' },
        },
      },
      { match: { path: '/docs/' }, source: { type: 'directory', root: '/app/docs' } },
      { match: { host: 'other', path: '/' }, source: { type: 'directory', root: '/app/docs', index: '' } },
    ],
  });
  return { electron, ses };
}

it('registerSource serves files with a Content-Type from the extension and the route headers underneath', async () => {
  const { ses } = appWithFiles();
  const response = await ses.fetch('app://main/assets/app.js');
  expect(response.headers.get('content-type')).toBe('text/javascript');
  expect(response.headers.get('x-frame')).toBe('deny');
  expect(await response.text()).toBe('console.log(1)');
});

it('a path ending in / serves the index file, and the longest path prefix wins', async () => {
  const { ses } = appWithFiles();
  expect(await (await ses.fetch('app://main/')).text()).toBe('<h1>app</h1>');
  expect(await (await ses.fetch('app://main/docs/')).text()).toBe('<h1>docs</h1>');
});

it('a route with a host wins, and an empty index disables directory URLs', async () => {
  const { ses } = appWithFiles();
  expect(await (await ses.fetch('app://other/index.html')).text()).toBe('<h1>docs</h1>');
  await expect(ses.fetch('app://other/')).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
});

it('paths leaving the root, missing files and other methods fail with net::ERR_FILE_NOT_FOUND', async () => {
  const { ses } = appWithFiles();
  await expect(ses.fetch('app://main/..%2Fsecret.txt')).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
  await expect(ses.fetch('app://main/missing.js')).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
  await expect(ses.fetch('app://main/index.html', { method: 'POST', body: 'x' })).rejects.toThrow(
    'net::ERR_FILE_NOT_FOUND',
  );
});

it('getSource returns the source, isProtocolHandled reports it and unhandle removes it', () => {
  const { ses } = appWithFiles();
  expect(ses.protocol.getSource('app')?.routes).toHaveLength(3);
  expect(ses.protocol.isProtocolHandled('app')).toBe(true);
  expect(() => ses.protocol.handle('app', () => new Response(''))).toThrow(
    'Failed to register protocol: app',
  );
  ses.protocol.unhandle('app');
  expect(ses.protocol.getSource('app')).toBeNull();
  expect(ses.protocol.getSource('never')).toBeNull();
});

it('webRequest listeners see requests served from a source', async () => {
  const { ses } = appWithFiles();
  const seen: string[] = [];
  ses.webRequest.onBeforeRequest((details, callback) => {
    seen.push(details.url);
    callback({});
  });
  await (await ses.fetch('app://main/index.html')).text();
  expect(seen).toEqual(['app://main/index.html']);
});

it('a source whose route is not a directory with an absolute root is refused', () => {
  const { session } = createElectronFake();
  const protocol = session.defaultSession.protocol;
  expect(() =>
    protocol.registerSource('bad', { routes: [{ source: { type: 'file', root: '/x' } }] }),
  ).toThrow("Invalid source for protocol 'bad': routes[0].source.type must be 'directory'");
  expect(() =>
    protocol.registerSource('bad', { routes: [{ source: { type: 'directory', root: 'rel' } }] }),
  ).toThrow("Invalid source for protocol 'bad': routes[0].source.root must be an absolute path");
});
