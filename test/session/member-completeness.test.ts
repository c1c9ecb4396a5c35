import { createElectronFake } from '../../src/create-electron-fake';
import { sessionEvents } from '../../src/session/session-events';
import { electronClassMembers } from '../types/electron-declarations';

const session = electronClassMembers('Session');

it('finds Session in electron.d.ts with its methods, properties and events', () => {
  expect(session.members).toEqual(
    expect.arrayContaining(['setProxy', 'cookies', 'storagePath', 'registerLocalAIHandler']),
  );
  expect(session.events).toEqual(expect.arrayContaining(['will-download', 'preconnect']));
});

it.each(session.members)('has Session member %s on session.defaultSession', (member) => {
  const ses = createElectronFake().session.defaultSession;
  expect(member in ses).toBe(true);
  expect((ses as unknown as Record<string, unknown>)[member]).not.toBeUndefined();
});

it('knows every Session event of electron.d.ts, and no other', () => {
  expect(Object.keys(sessionEvents).sort()).toEqual(session.events);
});

it('has every member of Extensions, NetLog and ServiceWorkers on the sub-objects', () => {
  const ses = createElectronFake().session.defaultSession;
  for (const [name, object] of [
    ['Extensions', ses.extensions],
    ['ServiceWorkers', ses.serviceWorkers],
  ] as const) {
    for (const member of electronClassMembers(name).members)
      expect([name, member, member in object]).toEqual([name, member, true]);
  }
  for (const member of ['startLogging', 'stopLogging', 'currentlyLogging'])
    expect(member in ses.netLog).toBe(true);
});
