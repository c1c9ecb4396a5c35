import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createElectronFake } from '../../src/create-electron-fake';
import { fetchGreeting } from './app-code';

const server = setupServer(
  http.get('http://api.test/greeting', () => HttpResponse.json({ greeting: 'from msw' })),
  http.get('http://api.test/cookie', ({ request }) =>
    HttpResponse.text(request.headers.get('cookie') ?? 'none', { headers: { 'Set-Cookie': 'from=msw' } }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('app code gets its answer from msw handlers set up the usual way', async () => {
  const { net } = createElectronFake();
  await expect(fetchGreeting(net, 'http://api.test')).resolves.toBe('200 from msw');
});

it('cookies set by an msw handler are stored by net.fetch and sent back', async () => {
  const { net, session } = createElectronFake();
  expect(await (await net.fetch('http://api.test/cookie')).text()).toBe('none');
  expect((await session.defaultSession.cookies.get({ url: 'http://api.test' })).map((c) => c.name)).toEqual([
    'from',
  ]);
  // msw appends cookies from its own response-cookie store after the header the fake sent.
  expect(await (await net.fetch('http://api.test/cookie')).text()).toMatch(/^from=msw(;|$)/);
});

it('https requests and net.request are answered by msw handlers too', async () => {
  server.use(http.get('https://secure.test/item', () => HttpResponse.json({ id: 7 })));
  const { net } = createElectronFake();
  expect(await (await net.fetch('https://secure.test/item')).json()).toEqual({ id: 7 });
  const body = await new Promise<string>((resolve, reject) => {
    const request = net.request('https://secure.test/item');
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(text));
    });
    request.on('error', reject);
    request.end();
  });
  expect(JSON.parse(body)).toEqual({ id: 7 });
});
