import type { Transport, TransportRequest } from '../../src/transports/transport';
import { NetError } from '../../src/errors/net-error';

/** The behaviour every transport is tested against: a tiny fetch-style app. */
export async function contractApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  switch (url.pathname) {
    case '/echo':
      return Response.json({
        method: request.method,
        body: request.method === 'GET' ? null : await request.text(),
        custom: request.headers.get('x-custom'),
      });
    case '/cookies': {
      const headers = new Headers();
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      return new Response('two cookies', { headers });
    }
    case '/empty':
      return new Response(null, { status: 204 });
    case '/teapot':
      return new Response('short and stout', { status: 418, statusText: "I'm a teapot" });
    default:
      return new Response('not found', { status: 404 });
  }
}

export interface TransportUnderTest {
  readonly transport: Transport;
  /** Base URL that reaches `contractApp` through this transport. */
  readonly base: string;
  close(): Promise<void>;
}

function request(base: string, path: string, init: Partial<TransportRequest> = {}): TransportRequest {
  return {
    id: 1,
    url: new URL(path, base),
    method: 'GET',
    headers: [],
    body: undefined,
    proxy: undefined,
    tls: undefined,
    verifyTls: undefined,
    signal: new AbortController().signal,
    ...init,
  };
}

async function text(body: AsyncIterable<Uint8Array> | null): Promise<string> {
  if (body === null) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The shared contract: run it against every Transport implementation. */
export function transportContract(name: string, create: () => Promise<TransportUnderTest>): void {
  let subject: TransportUnderTest;
  beforeAll(async () => {
    subject = await create();
  });
  afterAll(() => subject.close());

  it(`${name}: answers with status, status text, headers and body`, async () => {
    const response = await subject.transport.dispatch(request(subject.base, '/teapot'));
    expect(response.status).toBe(418);
    expect(response.statusText).toBe("I'm a teapot");
    expect(await text(response.body)).toBe('short and stout');
  });

  it(`${name}: sends the method, headers and body`, async () => {
    const response = await subject.transport.dispatch(
      request(subject.base, '/echo', {
        method: 'POST',
        headers: [
          ['X-Custom', 'yes'],
          ['Content-Type', 'text/plain'],
        ],
        body: Buffer.from('payload'),
      }),
    );
    expect(JSON.parse(await text(response.body))).toEqual({ method: 'POST', body: 'payload', custom: 'yes' });
  });

  it(`${name}: keeps repeated Set-Cookie headers apart`, async () => {
    const response = await subject.transport.dispatch(request(subject.base, '/cookies'));
    const cookies = response.headers.filter(([k]) => k.toLowerCase() === 'set-cookie').map(([, v]) => v);
    expect(cookies).toEqual(['a=1', 'b=2']);
    await text(response.body);
  });

  it(`${name}: gives no body for 204`, async () => {
    const response = await subject.transport.dispatch(request(subject.base, '/empty'));
    expect(response.status).toBe(204);
    expect(await text(response.body)).toBe('');
  });

  it(`${name}: rejects an aborted request with the abort reason`, async () => {
    const controller = new AbortController();
    controller.abort(new NetError('ERR_ABORTED'));
    await expect(
      subject.transport.dispatch(request(subject.base, '/echo', { signal: controller.signal })),
    ).rejects.toThrow('net::ERR_ABORTED');
  });
}
