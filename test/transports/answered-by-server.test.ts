import { createElectronFake } from '../../src/create-electron-fake';
import { startServer } from '../helpers/http-server';
import { fetchGreeting } from './app-code';

it('app code gets its answer from a real server on 127.0.0.1', async () => {
  const server = await startServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ greeting: 'from server' }));
  });
  const { net } = createElectronFake();
  await expect(fetchGreeting(net, server.url)).resolves.toBe('200 from server');
  await server.close();
});

it('app code gets its answer from an in-process handler', async () => {
  const { net } = createElectronFake({ transport: () => Response.json({ greeting: 'in process' }) });
  await expect(fetchGreeting(net, 'http://api.test')).resolves.toBe('200 in process');
});
