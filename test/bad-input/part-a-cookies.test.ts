import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake } from '../../src/create-electron-fake';

type Loose = (...args: unknown[]) => unknown;

const site = 'https://notes.test/';
const start = Date.UTC(2026, 0, 1);
const failed = (text: string, status: string) =>
  new Error(`Failed to set cookie - ${text}${status}, DO_NOT_WARN, NO_EXEMPTION`);
const controlCharacters = failed(
  'The cookie contains ASCII control characters',
  'EXCLUDE_DISALLOWED_CHARACTER',
);
const invalidDomain = failed(
  'The cookie was set with an invalid Domain attribute.',
  'EXCLUDE_INVALID_DOMAIN',
);
const nonCookieable = failed(
  'Attempted to set a cookie from a scheme that does not support cookies.',
  'EXCLUDE_NONCOOKIEABLE_SCHEME',
);

/** A jar holding one cookie, and a way to read all of it. */
async function jarWithOne() {
  const { session } = createElectronFake({ clock: createClock(start) });
  const { cookies } = session.fromPartition('bad-cookies');
  await cookies.set({ url: site, name: 'kept', value: '1' });
  const all = () => cookies.get({});
  return { cookies, all, before: await all() };
}

it.each([
  ['a name with "="', { name: 'a=b', value: '1' }, controlCharacters],
  ['a name with a line feed', { name: 'a\nb', value: '1' }, controlCharacters],
  ['a name with surrounding spaces', { name: ' sp ', value: '1' }, controlCharacters],
  ['a value with a control character', { name: 'v', value: 'a\u0001b' }, controlCharacters],
  ['the domain ".."', { name: 'd', value: '1', domain: '..' }, invalidDomain],
  ['a public suffix as domain', { name: 'd', value: '1', domain: 'test' }, invalidDomain],
  ['a file: URL', { url: 'file:///tmp/x', name: 'f', value: '1' }, nonCookieable],
  ['a data: URL', { url: 'data:text/plain,x', name: 'f', value: '1' }, nonCookieable],
])('set with %s rejects with Electron text and leaves the jar unchanged', async (_what, details, error) => {
  const { cookies, all, before } = await jarWithOne();
  await expect(cookies.set({ url: site, ...details })).rejects.toThrow(error);
  expect(await all()).toEqual(before);
});

it.each([
  ['-5 (before the epoch)', -5],
  ['1 (long expired)', 1],
])(
  'set with expirationDate %s resolves and stores nothing, as an expired cookie is dropped',
  async (_what, date) => {
    const { cookies, all, before } = await jarWithOne();
    await expect(
      cookies.set({ url: site, name: 'old', value: '1', expirationDate: date }),
    ).resolves.toBeUndefined();
    expect(await all()).toEqual(before);
  },
);

it.each([
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
])(
  'set with expirationDate %s makes a session cookie: V8ValueConverter drops non-finite numbers',
  async (_what, date) => {
    const { cookies } = await jarWithOne();
    await cookies.set({ url: site, name: 'inf', value: '1', expirationDate: date });
    expect(await cookies.get({ name: 'inf' })).toEqual([expect.objectContaining({ session: true })]);
  },
);

it('set with a huge expirationDate is capped 400 days after now', async () => {
  const { cookies } = await jarWithOne();
  await cookies.set({ url: site, name: 'far', value: '1', expirationDate: 1e20 });
  expect(await cookies.get({ name: 'far' })).toEqual([
    expect.objectContaining({ session: false, expirationDate: start / 1000 + 400 * 86_400 }),
  ]);
});

it.each([[1], [null], [true]])(
  'set with sameSite %p (not a string) counts as absent: lax',
  async (sameSite) => {
    const { cookies } = await jarWithOne();
    await cookies.set({ url: site, name: 's', value: '1', sameSite } as never);
    expect(await cookies.get({ name: 's' })).toEqual([expect.objectContaining({ sameSite: 'lax' })]);
  },
);

it('set accepts non-ASCII names and values, as Chromium only refuses control characters', async () => {
  const { cookies } = await jarWithOne();
  await cookies.set({ url: site, name: 'é', value: 'ü' });
  expect(await cookies.get({ name: 'é' })).toEqual([expect.objectContaining({ value: 'ü' })]);
});

it('set with a callback that is not a function still resolves, and sets the cookie', async () => {
  const { cookies } = await jarWithOne();
  await expect((cookies.set as Loose)({ url: site, name: 'cb', value: '1' }, 5)).resolves.toBeUndefined();
  expect(await cookies.get({ name: 'cb' })).toHaveLength(1);
});

it.each([
  ['a URL that does not parse', 'not a url', 'kept'],
  ['a name that is not there', site, 'missing'],
  ['a file: URL', 'file:///tmp/x', 'kept'],
])('remove with %s resolves and removes nothing', async (_what, url, name) => {
  const { cookies, all, before } = await jarWithOne();
  await expect(cookies.remove(url, name)).resolves.toBeUndefined();
  expect(await all()).toEqual(before);
});

it('flushStore ignores arguments that are not a callback and resolves', async () => {
  const { cookies, all, before } = await jarWithOne();
  await expect((cookies.flushStore as Loose)(42)).resolves.toBeUndefined();
  expect(await all()).toEqual(before);
});

it.each([
  [{ url: 42 }],
  [{ domain: 1, name: null, secure: 'yes' }],
  [{ url: 'not a url' }],
  [{ httpOnly: 'no', session: 0, path: [] }],
])('get with wrong-typed or unparseable filter members (%j) never rejects', async (filter) => {
  const { cookies, all, before } = await jarWithOne();
  await expect(cookies.get(filter as never)).resolves.toEqual(expect.any(Array));
  expect(await all()).toEqual(before);
});
