import { createElectronFake } from '../../src/create-electron-fake';
import type { IncomingMessage } from '../../src/net/incoming-message';
import { readAll, startServer, type TestServer } from '../helpers/http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/307') {
        res.writeHead(307, { Location: '/echo' });
        res.end();
        return;
      }
      res.end(`${req.headers['transfer-encoding'] ?? 'no-te'}:${body}`);
    });
  });
});
afterAll(() => server.close());

function response(request: { on(e: string, l: (...a: never[]) => void): unknown }): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.on('response', ((r: IncomingMessage) => resolve(r)) as (...a: never[]) => void);
    request.on('error', ((e: Error) => reject(e)) as (...a: never[]) => void);
  });
}

it('with chunkedEncoding the first write starts the request and the body streams with chunked transfer encoding', async () => {
  const { net, session } = createElectronFake();
  const ses = session.fromPartition('chunked');
  const started: string[] = [];
  ses.webRequest.onBeforeRequest((details, callback) => {
    started.push(details.url);
    callback({});
  });
  const request = net.request({ url: `${server.url}/echo`, method: 'POST', session: ses });
  request.chunkedEncoding = true;
  const answered = response(request);
  request.write('first,');
  await new Promise<void>((resolve) => request.write('second', () => resolve()));
  expect(started).toEqual([`${server.url}/echo`]);
  expect(request.getUploadProgress()).toMatchObject({ active: true, started: true, current: 12 });
  expect(() => (request.chunkedEncoding = false)).toThrow(
    'chunkedEncoding can only be set before the request is started',
  );
  request.end();
  expect(await readAll(await answered)).toBe('chunked:first,second');
});

it('a 307 redirect cannot resend a streamed body', async () => {
  const { net, session } = createElectronFake();
  const request = net.request({
    url: `${server.url}/307`,
    method: 'POST',
    session: session.fromPartition('rewind'),
  });
  request.chunkedEncoding = true;
  const answered = response(request);
  request.write('data');
  request.end();
  await expect(answered).rejects.toThrow('net::ERR_UPLOAD_STREAM_REWIND_NOT_SUPPORTED');
});

it('chunkedEncoding can only be set once', () => {
  const { net } = createElectronFake();
  const request = net.request(server.url);
  request.chunkedEncoding = true;
  expect(() => (request.chunkedEncoding = true)).toThrow('chunkedEncoding can only be set once');
});
