import type { ClientRequest } from 'node:http';
import type Nock from 'nock';
import type { InterceptionBackEnd } from '../../fixtures/back-end-slot';
import type { CapturedRequest } from '../../fixtures/exchange-record';
import type { FixtureRecorder } from '../../fixtures/fixture-recorder';
import { Forwarder } from '../../fixtures/forward-request';
import { answerIntercepted, passesThrough } from '../../fixtures/intercepted-traffic';

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

type NockRequest = ClientRequest & {
  headers: Record<string, string | string[]>;
  options?: { proto?: string; hostname?: string; host?: string; port?: number | string };
};

// nock keeps a request body as UTF-8 text, or as hex when the bytes are not
// UTF-8: text that decodes as valid hex to non-UTF-8 bytes was hex.
function bodyBytes(text: string | undefined): Uint8Array | undefined {
  if (text === undefined || text === '') return undefined;
  if (/^([0-9a-f]{2})+$/.test(text)) {
    const bytes = Buffer.from(text, 'hex');
    if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) return bytes;
  }
  return Buffer.from(text, 'utf8');
}

function capturedRequest(req: NockRequest, path: string, body: string | undefined): CapturedRequest {
  const options = req.options ?? {};
  const proto = options.proto ?? 'http';
  const port = options.port === undefined ? '' : String(options.port);
  const defaultPort = (proto === 'https' && port === '443') || (proto === 'http' && port === '80');
  const origin = `${proto}://${options.hostname ?? 'localhost'}${port === '' || defaultPort ? '' : `:${port}`}`;
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, String(one)]);
  }
  return { method: req.method, url: new URL(path, origin).href, headers, body: bodyBytes(body) };
}

/**
 * The nock back end: one persisted catch-all scope whose reply function
 * replays from, or records into, the test's fixture. nock starts
 * intercepting when it is first loaded, so it is only loaded here.
 */
export function activateNockBackEnd(recorder: FixtureRecorder): InterceptionBackEnd {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof Nock;
  if (!nock.isActive()) nock.activate();
  const forwarder = new Forwarder();
  const bodies = new WeakMap<object, string>();
  // allowUnmocked: a request the matcher declines (the fake's own) goes to the network.
  const scope = nock(/.*/, { allowUnmocked: true }).persist();
  scope.on('request', (req: object, _interceptor: unknown, body: string) => bodies.set(req, body));
  const interceptors = methods.map((method) => {
    const interceptor = scope.intercept(() => !passesThrough(recorder), method);
    interceptor.reply(async function reply(this: Nock.ReplyFnContext, path: string) {
      const req = this.req as NockRequest;
      const answer = await answerIntercepted(
        recorder,
        forwarder,
        capturedRequest(req, path, bodies.get(req)),
      );
      if (answer.kind === 'fail') throw answer.error;
      if (answer.kind === 'passthrough') throw new Error('unreachable: the matcher declined this request');
      const { status, headers, body } = answer.response;
      return [status, Buffer.from(body), headers.flat()];
    });
    return interceptor;
  });
  return {
    name: 'nock',
    deactivate: () => {
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      // Leave nock on for a test's own scopes; turn it off when nothing else uses it.
      if (nock.activeMocks().length === 0) nock.restore();
      void forwarder.close();
    },
  };
}
