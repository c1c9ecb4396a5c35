import { createElectronFake } from '../../src/create-electron-fake';

it('reports the user agent that was set (Electron spec)', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  ses.setUserAgent('test-agent', 'en-US,fr,de');
  expect(ses.getUserAgent()).toBe('test-agent');
  expect(fake.inspect(ses).acceptLanguages).toBe('en-US,fr;q=0.9,de;q=0.8');
});

it('starts with the reduced Chrome user agent naming the app and Electron', () => {
  const { session } = createElectronFake({ name: 'Notes', version: '2.1.0' });
  expect(session.defaultSession.getUserAgent()).toBe(
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Notes/2.1.0 Chrome/154.0.0.0 Electron/45.5.0 Safari/537.36',
  );
});

it('keeps user agents per session', () => {
  const { session } = createElectronFake();
  session.fromPartition('a').setUserAgent('agent-a');
  expect(session.fromPartition('b').getUserAgent()).not.toBe('agent-a');
});

it('refuses a non-string user agent and ignores non-string languages', () => {
  const { session, fake } = createElectronFake();
  const ses = session.defaultSession;
  expect(() => ses.setUserAgent(42 as never)).toThrow(
    'Error processing argument at index 0, conversion failure from Number',
  );
  ses.setUserAgent('agent', 7 as never);
  expect(ses.getUserAgent()).toBe('agent');
  expect(fake.inspect(ses).acceptLanguages).toBeUndefined();
});
