// A recording Jest worker, as a separate process (parallel-writers.test.ts
// starts eight): the fixture transport over the live transport, as a fake
// uses it. Records one request into the shared fixture, says "ready", then
// waits for the go file so that all eight write at the same moment. It loads
// only the transports, so eight of them start quickly under ts-node.
import fs from 'node:fs';
import { createGlobalClock } from '../../src/clock/clock';
import { FixtureRecorder } from '../../src/fixtures/fixture-recorder';
import { FixtureTransport } from '../../src/transports/fixture/fixture-transport';
import { LiveTransport } from '../../src/transports/live/live-transport';

async function main(): Promise<void> {
  const [dir, mode, worker, base, go] = process.argv.slice(2) as [
    string,
    'record' | 'record-missing',
    string,
    string,
    string,
  ];
  const recorder = new FixtureRecorder(
    { mode, dir, name: 'shared' },
    { clock: createGlobalClock(), env: {} },
  );
  const transport = new FixtureTransport(recorder, new LiveTransport());
  const response = await transport.dispatch({
    id: 1,
    url: new URL(`${base}/json?page=${worker}`),
    method: 'GET',
    headers: [['Accept', 'application/json']],
    body: undefined,
    proxy: undefined,
    tls: undefined,
    verifyTls: undefined,
    signal: new AbortController().signal,
  });
  for await (const chunk of response.body ?? []) void chunk;
  process.stdout.write('ready\n');
  while (!fs.existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 2));
  await recorder.finish();
  process.stdout.write('written\n');
}

main().catch((error: unknown) => {
  process.stderr.write(String((error as Error).stack ?? error));
  process.exit(1);
});
