// An app's main-process module, written against Electron's own API.
import { app, session } from 'electron';

/** Sets up the app's persistent session once Electron is ready. */
export async function setUpMainSession(): Promise<Electron.Session> {
  await app.whenReady();
  const ses = session.fromPartition('persist:main');
  ses.setUserAgent(`Notes/${app.getVersion()}`, 'en-US,fr');
  ses.setSpellCheckerLanguages(['en-US', 'fr']);
  return ses;
}

/** "Sign out": forget what pages stored, keep the HTTP cache. */
export async function signOut(ses: Electron.Session): Promise<void> {
  await ses.clearStorageData({ storages: ['cookies', 'localstorage', 'indexdb'] });
}
