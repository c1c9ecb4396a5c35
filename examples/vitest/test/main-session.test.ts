import { describe, expect, it } from 'vitest';
import { fake } from 'electron-session-fake/electron';
import { setUpMainSession, signOut } from '../src/main-session';

describe('main session', () => {
  it('identifies the app in the user agent', async () => {
    const ses = await setUpMainSession();
    expect(ses.getUserAgent()).toBe('Notes/45.5.0');
    expect(ses.getSpellCheckerLanguages()).toEqual(['en-US', 'fr']);
    expect(ses.isPersistent()).toBe(true);
  });

  it('forgets what pages stored on sign-out but keeps their CacheStorage', async () => {
    const ses = await setUpMainSession();
    fake.storage(ses).seed({
      'https://notes.test': { localStorage: { token: 'abc' }, cacheStorage: { 'v1:/app.js': 'cached' } },
    });
    await signOut(ses);
    expect(fake.storage(ses).snapshot()).toEqual({
      'https://notes.test': { cacheStorage: { 'v1:/app.js': 'cached' } },
    });
  });
});
