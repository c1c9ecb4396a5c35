import path from 'node:path';

/** Names accepted by `app.getPath` / `app.setPath` in the fake. */
export const appPathNames = [
  'home',
  'appData',
  'userData',
  'sessionData',
  'temp',
  'exe',
  'module',
  'desktop',
  'documents',
  'downloads',
  'music',
  'pictures',
  'videos',
  'recent',
  'logs',
  'crashDumps',
] as const;
export type AppPathName = (typeof appPathNames)[number];

/**
 * Linux-like default paths. On the in-memory volume everything lives under `/home/user`;
 * with a real `userDataPath` every path is kept inside that directory so a test never
 * writes into the real home or Downloads folder.
 */
export function defaultAppPaths(appName: string, userDataPath: string | undefined): Map<AppPathName, string> {
  const home = userDataPath === undefined ? '/home/user' : path.join(userDataPath, 'home');
  const appData = userDataPath === undefined ? path.join(home, '.config') : path.dirname(userDataPath);
  const userData = userDataPath ?? path.join(appData, appName);
  const entries: [AppPathName, string][] = [
    ['home', home],
    ['appData', appData],
    ['userData', userData],
    ['sessionData', userData],
    ['temp', userDataPath === undefined ? '/tmp' : path.join(userDataPath, 'tmp')],
    ['exe', '/opt/electron/electron'],
    ['module', '/opt/electron/electron'],
    ['desktop', path.join(home, 'Desktop')],
    ['documents', path.join(home, 'Documents')],
    ['downloads', path.join(home, 'Downloads')],
    ['music', path.join(home, 'Music')],
    ['pictures', path.join(home, 'Pictures')],
    ['videos', path.join(home, 'Videos')],
    ['recent', path.join(home, '.local/share/recently-used.xbel')],
    ['logs', path.join(userData, 'logs')],
    ['crashDumps', path.join(userData, 'Crashpad')],
  ];
  return new Map(entries);
}
