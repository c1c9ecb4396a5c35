import fs from 'node:fs';
import path from 'node:path';
import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import type { FixtureHar } from '../../src/fixtures/har';
import {
  binaryBody,
  guardSockets,
  harFiles,
  largeText,
  startRecordingHttpsServer,
  useServerAndFixtures,
} from './recording-helpers';

const setup = useServerAndFixtures();

function fakeIn(
  mode: 'record' | 'replay',
  extra: Parameters<typeof createElectronFake>[0] = {},
): ElectronFake {
  return createElectronFake({ env: {}, ...extra, recording: { mode, dir: setup.dir, name: 'trip' } });
}

/** Runs `scenario` recording against the server, stops the server, then runs it again replaying. */
async function roundTrip<T>(
  scenario: (electron: ElectronFake) => Promise<T>,
): Promise<{ live: T; replayed: T; har: FixtureHar }> {
  const recording = fakeIn('record');
  const live = await scenario(recording);
  await recording.fake.recording?.finish();
  await setup.server.close();
  const har = JSON.parse(fs.readFileSync(path.join(setup.dir, 'trip.har'), 'utf8')) as FixtureHar;
  const guard = guardSockets();
  try {
    const replaying = fakeIn('replay');
    const replayed = await scenario(replaying);
    const report = await replaying.fake.recording?.finish();
    expect(report?.misses).toEqual([]);
    expect(guard.attempts).toEqual([]);
    return { live, replayed, har };
  } finally {
    guard.restore();
  }
}

it('replays a text response with its status and headers, opening no socket', async () => {
  const { live, replayed } = await roundTrip(async ({ net }) => {
    const response = await net.fetch(`${setup.server.url}/text`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  });
  expect(live).toEqual({ status: 200, type: 'text/plain; charset=utf-8', body: 'plain text ✓' });
  expect(replayed).toEqual(live);
});

it('replays JSON, and matches the query string', async () => {
  const { live, replayed, har } = await roundTrip(async ({ net }) => [
    await (await net.fetch(`${setup.server.url}/json?page=1`)).json(),
    await (await net.fetch(`${setup.server.url}/json?page=2`)).json(),
  ]);
  expect(live).toEqual([
    { items: [1, 2, 3], page: '1' },
    { items: [1, 2, 3], page: '2' },
  ]);
  expect(replayed).toEqual(live);
  expect(har.log.entries.map((entry) => entry.request.queryString)).toEqual([
    [{ name: 'page', value: '1' }],
    [{ name: 'page', value: '2' }],
  ]);
});

it('stores a binary body as base64 and replays the same bytes', async () => {
  const { live, replayed, har } = await roundTrip(async ({ net }) =>
    Buffer.from(await (await net.fetch(`${setup.server.url}/binary`)).arrayBuffer()),
  );
  expect(live.equals(binaryBody)).toBe(true);
  expect(replayed.equals(binaryBody)).toBe(true);
  expect(har.log.entries[0]?.response.content).toEqual({
    size: binaryBody.length,
    mimeType: 'image/png',
    text: binaryBody.toString('base64'),
    encoding: 'base64',
  });
});

it.each(['gzip', 'br'])(
  'stores a %s body decoded and replays it with its Content-Encoding',
  async (coding) => {
    const { live, replayed, har } = await roundTrip(async ({ net }) => {
      const response = await net.fetch(`${setup.server.url}/${coding}`);
      return { encoding: response.headers.get('content-encoding'), body: await response.text() };
    });
    expect(live).toEqual({ encoding: coding, body: largeText });
    expect(replayed).toEqual(live);
    const content = har.log.entries[0]?.response.content;
    expect(content?.text).toBe(largeText);
    expect(content?.compression).toBeGreaterThan(0);
  },
);

it('records each hop of a redirect and replays the chain', async () => {
  const { live, replayed, har } = await roundTrip(async ({ net }) =>
    (await net.fetch(`${setup.server.url}/redirect`)).json(),
  );
  expect(live).toEqual({ items: [1, 2, 3], page: 'from-redirect' });
  expect(replayed).toEqual(live);
  expect(
    har.log.entries.map((entry) => [entry.request.url.replace(setup.server.url, ''), entry.response.status]),
  ).toEqual([
    ['/json?page=from-redirect', 200],
    ['/redirect', 302],
  ]);
  expect(har.log.entries[1]?.response.redirectURL).toBe('/json?page=from-redirect');
});

it('stores Set-Cookie redacted, and the replayed cookie still reaches the next request', async () => {
  const { live, replayed, har } = await roundTrip(async ({ net, session }) => {
    await (await net.fetch(`${setup.server.url}/login`)).text();
    const whoami = (await (await net.fetch(`${setup.server.url}/whoami`)).json()) as { signedIn: boolean };
    const cookies = await session.defaultSession.cookies.get({ url: setup.server.url });
    return { whoami, cookies: cookies.map((c) => `${c.name}=${c.value}`).sort() };
  });
  expect(live).toEqual({ whoami: { signedIn: true }, cookies: ['session=abc123secret', 'theme=dark'] });
  expect(replayed.whoami).toEqual({ signedIn: true });
  expect(replayed.cookies).toEqual(['session=REDACTED_session', 'theme=REDACTED_theme']);
  const text = JSON.stringify(har);
  expect(text).not.toContain('abc123secret');
  const login = har.log.entries.find((entry) => entry.request.url.endsWith('/login'));
  expect(login?.response.cookies.map((c) => c.name)).toEqual(['session', 'theme']);
});

it('matches POST requests by their body', async () => {
  const post = (electron: ElectronFake, body: string): Promise<string> =>
    electron.net
      .fetch(`${setup.server.url}/echo`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      })
      .then((response) => response.text());
  const { live, replayed } = await roundTrip(async (electron) => [
    await post(electron, '{"b":2,"a":1}'),
    await post(electron, '{"a":3}'),
  ]);
  expect(replayed).toEqual(live);
});

it('writes one file for the fixture name', async () => {
  await roundTrip(async ({ net }) => (await net.fetch(`${setup.server.url}/text`)).text());
  expect(harFiles(setup.dir)).toEqual(['trip.har']);
});

it('replays an HTTPS exchange and hands the recorded chain to the certificate verifier', async () => {
  const secure = await startRecordingHttpsServer();
  const seen: string[] = [];
  const trustTestCa = (electron: ElectronFake, verdict: number): void =>
    electron.session.defaultSession.setCertificateVerifyProc((request, callback) => {
      seen.push(`${request.hostname} ${request.certificate.issuerName}`);
      callback(verdict);
    });
  const recording = fakeIn('record');
  trustTestCa(recording, 0);
  expect(await (await recording.net.fetch(`${secure.url}/text`)).text()).toBe('plain text ✓');
  await recording.fake.recording?.finish();
  await secure.close();
  const har = JSON.parse(fs.readFileSync(path.join(setup.dir, 'trip.har'), 'utf8')) as FixtureHar;
  expect(har.log.entries[0]?._tls?.chain[0]).toMatch(/^-----BEGIN CERTIFICATE-----/);

  const guard = guardSockets();
  try {
    const accepting = fakeIn('replay');
    trustTestCa(accepting, 0);
    expect(await (await accepting.net.fetch(`${secure.url}/text`)).text()).toBe('plain text ✓');
    const refusing = fakeIn('replay');
    trustTestCa(refusing, -202);
    await expect(refusing.net.fetch(`${secure.url}/text`)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
    expect(guard.attempts).toEqual([]);
  } finally {
    guard.restore();
  }
  expect(seen).toHaveLength(3);
  expect(new Set(seen).size).toBe(1);
  expect(seen[0]).toMatch(/^127\.0\.0\.1 /);
});

it('records the proxy that carried a request, and replays it without the proxy', async () => {
  const port = new URL(setup.server.url).port;
  const { live, replayed, har } = await roundTrip(async ({ net, session }) => {
    // The recording server answers the absolute URLs a proxy receives.
    await session.defaultSession.setProxy({ proxyRules: `http=127.0.0.1:${port}` });
    return (await net.fetch('http://notes.test/json?page=7')).json();
  });
  expect(live).toEqual({ items: [1, 2, 3], page: '7' });
  expect(replayed).toEqual(live);
  expect(har.log.entries.map((entry) => [entry.request.url, entry._proxy])).toEqual([
    ['http://notes.test/json?page=7', `PROXY 127.0.0.1:${port}`],
  ]);
});
