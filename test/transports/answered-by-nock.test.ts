import nock from 'nock';
import { createElectronFake } from '../../src/create-electron-fake';
import { fetchGreeting } from './app-code';

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});

it('app code gets its answer from nock scopes set up the usual way', async () => {
  nock.disableNetConnect();
  const scope = nock('http://api.test').get('/greeting').reply(200, { greeting: 'from nock' });
  const { net } = createElectronFake();
  await expect(fetchGreeting(net, 'http://api.test')).resolves.toBe('200 from nock');
  scope.done();
});

it('a request nock does not expect fails like a network error', async () => {
  nock.disableNetConnect();
  const { net } = createElectronFake();
  await expect(net.fetch('http://api.test/unexpected')).rejects.toThrow(/^net::ERR_/);
});

it('https requests are answered by nock scopes too', async () => {
  const scope = nock('https://api.example.com').get('/status').reply(200, { ok: true });
  const { net } = createElectronFake();
  const response = await net.fetch('https://api.example.com/status');
  expect(await response.json()).toEqual({ ok: true });
  scope.done();
});
