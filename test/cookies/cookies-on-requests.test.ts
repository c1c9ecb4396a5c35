import type { ServerResponse } from 'node:http';
import { createClock } from '@sinonjs/fake-timers';
import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import type { IncomingMessage } from '../../src/net/incoming-message';
import type { ClientRequestConstructorOptions } from '../../src/net/request-options';
import { readAll, responseOf, startServer, type TestServer } from '../helpers/http-server';
import { start } from './cookies-fixture';

// Two sites on one loopback server: 127.0.0.1 and localhost (both trustworthy, so Secure cookies work over http).
let server: TestServer;
let siteA: string;
let siteB: string;

const sameSiteCookies = [
  'strict=1; SameSite=Strict',
  'lax=1; SameSite=Lax',
  'unspecified=1',
  'none=1; SameSite=None; Secure',
];

function redirect(res: ServerResponse, location: string, setCookie?: string): void {
  res.writeHead(302, { Location: location, ...(setCookie === undefined ? {} : { 'Set-Cookie': setCookie }) });
  res.end();
}

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/set-two') {
      res.setHeader('Set-Cookie', ['a=1', 'b=2; Path=/; HttpOnly']);
      res.end('set');
    } else if (path === '/set-same-site') {
      res.setHeader('Set-Cookie', sameSiteCookies);
      res.end('set');
    } else if (path === '/hop-sets') {
      redirect(res, '/echo', 'hop=1');
    } else if (path === '/to-b/echo' || path === '/to-b/set-same-site') {
      redirect(res, `${siteB}${path.slice('/to-b'.length)}`);
    } else if (path === '/to-same/echo') {
      redirect(res, '/echo');
    } else {
      res.setHeader('Content-Type', 'text/html');
      if (path === '/page') res.setHeader('Set-Cookie', '0=0');
      res.end(req.headers.cookie ?? 'none');
    }
  });
  siteA = `http://127.0.0.1:${server.port}`;
  siteB = `http://localhost:${server.port}`;
});
afterAll(() => server.close());

function fake(clock = createClock(start)): ElectronFake {
  return createElectronFake({ clock, hosts: { localhost: '127.0.0.1' } });
}

async function cookieHeaderSeenBy(electron: ElectronFake, url: string, init?: RequestInit): Promise<string> {
  return (await electron.net.fetch(url, init)).text();
}

async function request(
  electron: ElectronFake,
  options: Omit<ClientRequestConstructorOptions, 'url'> & { url: string },
): Promise<string> {
  return readAll(await responseOf<IncomingMessage>(electron.net.request(options)));
}

async function seedSameSiteCookies(electron: ElectronFake, url: string): Promise<void> {
  const { cookies } = electron.session.defaultSession;
  await cookies.set({ url, name: 'strict', value: '1', sameSite: 'strict' });
  await cookies.set({ url, name: 'lax', value: '1', sameSite: 'lax' });
  await cookies.set({ url, name: 'unspecified', value: '1', sameSite: 'unspecified' });
  await cookies.set({ url, name: 'none', value: '1', sameSite: 'no_restriction' });
}

async function names(electron: ElectronFake, url?: string): Promise<string[]> {
  return (await electron.session.defaultSession.cookies.get(url === undefined ? {} : { url })).map(
    (c) => c.name,
  );
}

it('sends the Cookie header longest path first, then earliest created', async () => {
  const clock = createClock(start);
  const electron = fake(clock);
  const { cookies } = electron.session.defaultSession;
  await cookies.set({ url: siteA, name: 'older', value: '1' });
  clock.tick(1000);
  await cookies.set({ url: siteA, name: 'newer', value: '1' });
  await cookies.set({ url: siteA, name: 'deep', value: '1', path: '/echo' });
  expect(await cookieHeaderSeenBy(electron, `${siteA}/echo`)).toBe('deep=1; older=1; newer=1');
});

it('stores every Set-Cookie header of a response', async () => {
  const electron = fake();
  await (await electron.net.fetch(`${siteA}/set-two`)).text();
  expect(await names(electron)).toEqual(['a', 'b']);
  expect(await cookieHeaderSeenBy(electron, `${siteA}/echo`)).toBe('a=1; b=2');
});

it('stores the Set-Cookie of a redirect hop, and the redirect target receives it', async () => {
  const electron = fake();
  expect(await cookieHeaderSeenBy(electron, `${siteA}/hop-sets`)).toBe('hop=1');
  expect(await names(electron)).toEqual(['hop']);
});

it('sends and stores cookies with net.fetch and ses.fetch by default', async () => {
  const electron = fake();
  const ses = electron.session.fromPartition('fetching');
  await ses.cookies.set({ url: siteA, name: 'k', value: 'v' });
  expect(await (await ses.fetch(`${siteA}/echo`)).text()).toBe('k=v');
  await (await ses.fetch(`${siteA}/set-two`)).text();
  expect((await ses.cookies.get({})).map((c) => c.name)).toEqual(['k', 'a', 'b']);
  await electron.session.defaultSession.cookies.set({ url: siteA, name: 'd', value: '1' });
  expect(await cookieHeaderSeenBy(electron, `${siteA}/echo`)).toBe('d=1');
});

it("neither sends nor stores cookies for fetch with credentials: 'omit'", async () => {
  const electron = fake();
  await electron.session.defaultSession.cookies.set({ url: siteA, name: 'k', value: 'v' });
  expect(await cookieHeaderSeenBy(electron, `${siteA}/echo`, { credentials: 'omit' })).toBe('none');
  await (await electron.net.fetch(`${siteA}/set-two`, { credentials: 'omit' })).text();
  expect(await names(electron)).toEqual(['k']);
});

it.each([
  ['no cookie option', {}, 'none', ['k']],
  ['useSessionCookies: true', { useSessionCookies: true }, 'k=v', ['k', 'a', 'b']],
  ["credentials: 'include'", { credentials: 'include' }, 'k=v', ['k', 'a', 'b']],
  ["credentials: 'omit'", { credentials: 'omit' }, 'none', ['k']],
  [
    "credentials: 'omit' with useSessionCookies",
    { credentials: 'omit', useSessionCookies: true },
    'none',
    ['k'],
  ],
] as const)('net.request with %s', async (_, options, sent, stored) => {
  const electron = fake();
  await electron.session.defaultSession.cookies.set({ url: siteA, name: 'k', value: 'v' });
  expect(await request(electron, { url: `${siteA}/echo`, ...options })).toBe(sent);
  await request(electron, { url: `${siteA}/set-two`, ...options });
  expect(await names(electron)).toEqual(stored);
});

it('sends a Cookie header the caller set when the jar has nothing for the URL, and the jar line otherwise', async () => {
  const electron = fake();
  const init = { headers: { Cookie: 'mine=1' } };
  expect(await cookieHeaderSeenBy(electron, `${siteA}/echo`, init)).toBe('mine=1');
  await electron.session.defaultSession.cookies.set({ url: siteA, name: 'jar', value: '1' });
  expect(await cookieHeaderSeenBy(electron, `${siteA}/echo`, init)).toBe('jar=1');
});

it('sends cookies of every SameSite with a main-process request, which has no initiator', async () => {
  const electron = fake();
  await seedSameSiteCookies(electron, siteA);
  const all = 'strict=1; lax=1; unspecified=1; none=1';
  expect(await cookieHeaderSeenBy(electron, `${siteA}/echo`)).toBe(all);
  expect(await request(electron, { url: `${siteA}/echo`, useSessionCookies: true })).toBe(all);
});

it('stores Set-Cookie of every SameSite from a main-process request', async () => {
  const electron = fake();
  await (await electron.net.fetch(`${siteA}/set-same-site`)).text();
  expect(await names(electron)).toEqual(['strict', 'lax', 'unspecified', 'none']);
});

it('keeps the first URL as the site for cookies: after a redirect to another site only SameSite=None is sent', async () => {
  const electron = fake();
  await seedSameSiteCookies(electron, siteB);
  expect(await cookieHeaderSeenBy(electron, `${siteA}/to-b/echo`)).toBe('none=1');
  expect(await cookieHeaderSeenBy(electron, `${siteB}/to-same/echo`)).toBe(
    'strict=1; lax=1; unspecified=1; none=1',
  );
});

it('stores only SameSite=None cookies from a response reached by a redirect to another site', async () => {
  const electron = fake();
  await (await electron.net.fetch(`${siteA}/to-b/set-same-site`)).text();
  expect(await names(electron, siteB)).toEqual(['none']);
});

it('treats net.request with an origin of another site as cross-site', async () => {
  const electron = fake();
  await seedSameSiteCookies(electron, siteB);
  const options = { url: `${siteB}/echo`, useSessionCookies: true };
  expect(await request(electron, { ...options, origin: siteA })).toBe('none=1');
  expect(await request(electron, { ...options, origin: siteB })).toBe(
    'strict=1; lax=1; unspecified=1; none=1',
  );
});

it('stores the cookie a page sets on loadURL (spec "should get cookies")', async () => {
  const electron = fake();
  const win = new electron.BrowserWindow({ show: false });
  await win.loadURL(`${siteA}/page`);
  const cookies = await win.webContents.session.cookies.get({ url: siteA });
  expect(cookies.some((c) => c.name === '0' && c.value === '0')).toBe(true);
});

it('moves the site for cookies with a navigation: a redirected loadURL sends Strict cookies', async () => {
  const electron = fake();
  await seedSameSiteCookies(electron, siteB);
  const win = new electron.BrowserWindow({ show: false });
  await win.loadURL(`${siteA}/to-b/echo`);
  expect(win.getTitle()).toBe(`${siteB}/echo`);
  const { requests } = server;
  expect(requests.at(-1)?.headers.cookie).toBe('strict=1; lax=1; unspecified=1; none=1');
});
