import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveTransport } from '../../src/transports/live/live-transport';
import { InProcessTransport } from '../../src/transports/in-process/in-process-transport';
import { contractApp, transportContract } from './transport-contract';

// Serves the contract app from a real server on 127.0.0.1.
async function serve(): Promise<{ base: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
    const response = await contractApp(
      new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body ? { body } : {}),
      }),
    );
    const raw: string[] = [];
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') raw.push(name, value);
    });
    for (const cookie of response.headers.getSetCookie()) raw.push('Set-Cookie', cookie);
    res.writeHead(response.status, response.statusText, raw);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

transportContract('live transport', async () => {
  const server = await serve();
  return { transport: new LiveTransport(), base: server.base, close: server.close };
});

transportContract('in-process transport', async () => ({
  transport: new InProcessTransport(contractApp),
  base: 'http://contract.test',
  close: async () => undefined,
}));
