import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import type { InterceptionBackEnd } from '../../fixtures/back-end-slot';
import type { FixtureRecorder } from '../../fixtures/fixture-recorder';
import { Forwarder } from '../../fixtures/forward-request';
import { answerIntercepted, passesThrough } from '../../fixtures/intercepted-traffic';

const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/**
 * Records and replays the main-process traffic that bypasses the fake
 * (`http.request`, axios, got, global `fetch`) through one catch-all msw
 * handler, into the same fixture as the fake's own traffic.
 *
 * A replay miss answers with a network error (`Response.error()`): msw turns
 * any other failure into a 500 response, which a retrying client would hide.
 * The miss itself fails the test from the runner glue's `afterEach`.
 */
export function activateMswBackEnd(recorder: FixtureRecorder): InterceptionBackEnd {
  const forwarder = new Forwarder();
  const server = setupServer(
    http.all('*', async ({ request }) => {
      // Decided before the body is read: msw re-sends a passed-through fetch with the original body.
      if (passesThrough(recorder)) return passthrough();
      const body =
        request.method === 'GET' || request.method === 'HEAD'
          ? undefined
          : await request.clone().arrayBuffer();
      const answer = await answerIntercepted(recorder, forwarder, {
        method: request.method,
        url: request.url,
        headers: [...request.headers],
        body: body === undefined || body.byteLength === 0 ? undefined : new Uint8Array(body),
      });
      if (answer.kind === 'passthrough') return passthrough();
      if (answer.kind === 'fail') return Response.error();
      const { status, statusText, headers, body: bytes } = answer.response;
      if (status < 200 || status > 599) return Response.error();
      const responseHeaders = new Headers();
      for (const [name, value] of headers) responseHeaders.append(name, value);
      return new Response(nullBodyStatuses.has(status) ? null : (bytes as Uint8Array<ArrayBuffer>), {
        status,
        statusText,
        headers: responseHeaders,
      });
    }),
  );
  server.listen({ onUnhandledRequest: 'bypass' });
  return {
    name: 'msw',
    deactivate: () => {
      server.close();
      void forwarder.close();
    },
  };
}
