import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveTransport } from '../../src/transports/live/live-transport';
import { InProcessTransport } from '../../src/transports/in-process/in-process-transport';
import { contractApp, transportContract } from './transport-contract';
import { FixtureTransport } from '../../src/transports/fixture/fixture-transport';
import { FixtureRecorder } from '../../src/fixtures/fixture-recorder';
import { MemoryFixtureStore } from '../../src/fixtures/memory-fixture-store';
import { createGlobalClock } from '../../src/clock/clock';

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

// The fixture transport: the contract once recording through the live transport
// into a memory store, then once replaying that store with no way to the network.
// Each in its own describe, so the recording is finished before replay starts.
// Redaction is off: the contract checks cookie values, which redaction replaces.
const fixtures = new MemoryFixtureStore();
let recordedBase = '';
const recorder = (mode: 'record' | 'replay'): FixtureRecorder =>
  new FixtureRecorder(
    { mode, store: fixtures, name: 'contract', redact: false },
    { clock: createGlobalClock(), env: {} },
  );

describe('fixture transport', () => {
  transportContract('fixture transport (record)', async () => {
    const server = await serve();
    recordedBase = server.base;
    const transport = new FixtureTransport(recorder('record'), new LiveTransport());
    return {
      transport,
      base: server.base,
      close: async () => {
        await transport.recorder.finish();
        await server.close();
      },
    };
  });
});

describe('fixture transport', () => {
  transportContract('fixture transport (replay)', async () => {
    const offline = new InProcessTransport(() => {
      throw new Error('replay reached the network');
    });
    return {
      transport: new FixtureTransport(recorder('replay'), offline),
      base: recordedBase,
      close: async () => undefined,
    };
  });
});
