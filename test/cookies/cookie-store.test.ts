import { CookieJar, Cookie as ToughCookie } from 'tough-cookie';
import { InMemoryCookieStore } from '../../src/cookies/cookie-store';
import { createCookies } from './cookies-fixture';

it('lets a tough-cookie CookieJar read the cookies set through Cookies', async () => {
  const store = new InMemoryCookieStore();
  const { cookies } = createCookies({ store });
  await cookies.set({ url: 'https://example.com/a', name: 'a', value: '1', domain: 'example.com' });
  await cookies.set({ url: 'https://example.com/a', name: 'b', value: '2' });
  const jar = new CookieJar(store);
  expect(await jar.getCookieString('https://www.example.com/')).toBe('a=1');
  expect(await jar.getCookieString('https://example.com/')).toBe('a=1; b=2');
});

it('lets Cookies read a cookie stored through a tough-cookie CookieJar', async () => {
  const store = new InMemoryCookieStore();
  const { cookies, clock } = createCookies({ store });
  const jar = new CookieJar(store);
  await jar.setCookie('t=1; Max-Age=60; SameSite=Strict; Priority=High', 'https://example.com/', {
    now: new Date(clock.now),
  });
  expect(await cookies.get({ url: 'https://example.com/' })).toMatchObject([
    { name: 't', value: '1', domain: 'example.com', hostOnly: true, sameSite: 'strict', session: false },
  ]);
});

it('implements the rest of the tough-cookie Store interface', async () => {
  const store = new InMemoryCookieStore();
  const cookie = new ToughCookie({ key: 'k', value: 'v', domain: 'example.com', path: '/', hostOnly: true });
  await store.putCookie(cookie);
  expect((await store.findCookie('example.com', '/', 'k'))?.value).toBe('v');
  expect(await store.findCookies('www.example.com', '/')).toEqual([]);
  await store.updateCookie(
    cookie,
    new ToughCookie({ key: 'k', value: 'w', domain: 'example.com', path: '/', hostOnly: false }),
  );
  expect((await store.findCookies('www.example.com', '/')).map((c) => c.value)).toEqual(['w']);
  expect(await store.getAllCookies()).toHaveLength(1);
  await store.removeCookie('example.com', '/', 'k');
  expect(store.size).toBe(0);
  await store.putCookie(cookie);
  await store.removeCookies('example.com', null);
  expect(store.size).toBe(0);
  await store.putCookie(cookie);
  await store.removeAllCookies();
  expect(store.size).toBe(0);
});
