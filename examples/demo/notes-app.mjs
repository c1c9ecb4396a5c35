// A small Electron main-process module, written as an app would write it:
// it only uses Electron's API (`app`, `session`, `net`), given here as the
// `electron` argument so that the demo can hand it the fake.
//
// At start-up it routes its API traffic through the company proxy, answers
// permission checks, signs in (the server sets a session cookie), lists the
// notes with that cookie, checks the update server over HTTPS and downloads
// the update package into the downloads folder.

/**
 * @param {Pick<typeof import('electron'), 'app' | 'session' | 'net'>} electron
 * @param {{ apiUrl: string, proxyRules: string, updatesUrl: string }} config
 */
export async function startNotesApp({ app, session, net }, config) {
  await app.whenReady();
  const ses = session.defaultSession;

  await ses.setProxy({ proxyRules: config.proxyRules });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    return permission === 'notifications' && requestingOrigin === 'https://notes.test/';
  });

  const signIn = await net.fetch(`${config.apiUrl}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'ada', password: 'correct horse battery staple' }),
  });
  const { user } = await signIn.json();
  const notes = await (await net.fetch(`${config.apiUrl}/notes`)).json();
  const update = await (await net.fetch(`${config.updatesUrl}/latest.json`)).json();
  const download = await downloadUpdate(ses, app, `${config.updatesUrl}${update.package}`);
  return { user, notes, update, download };
}

/** Downloads the update package with `will-download`, resolving with where it went and how it ended. */
function downloadUpdate(ses, app, url) {
  return new Promise((resolve) => {
    ses.once('will-download', (_event, item) => {
      item.setSavePath(`${app.getPath('downloads')}/${item.getFilename()}`);
      item.once('done', (_e, state) =>
        resolve({ state, savePath: item.getSavePath(), bytes: item.getReceivedBytes() }),
      );
    });
    ses.downloadURL(url);
  });
}
