import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createElectronFake, type ElectronFake } from '../../src/create-electron-fake';
import type { FixtureHar } from '../../src/fixtures/har';
import { tempDir } from './recording-helpers';

// Every value below is a credential the app sends or receives; none may reach a fixture.
const recorded = {
  bearer: 'bearer-Zq81kLm0pRt5',
  basicPassword: 'basic-pw-Hx72Lq',
  proxyPassword: 'proxy-pw-Vn39Fd',
  cookie: 'cookie-sid-Ke44Wb',
  accessTokenQuery: 'q-access-Ur55Jm',
  apiKeyQuery: 'q-apikey-Ty66Pn',
  tokenQuery: 'q-token-Lw77Qc',
  sigQuery: 'q-sig-Bd88Xr',
  password: 'json-pw-Mf99Zs',
  secret: 'json-secret-Ca10Gv',
  refreshToken: 'json-refresh-Dp21Hw',
  clientSecret: 'json-client-Eq32Jx',
  listToken: 'json-list-Fr43Ky',
  formPassword: 'form-pw-Gs54Lz',
  formClientSecret: 'form-client-Ht65Ma',
  uploadToken: 'gzip-upload-Ib76Nb',
} as const;

// What the server hands out, the same on every run.
const served = {
  setCookie: 'set-session-Ju76Nb',
  setCookieRemember: 'set-remember-Kv87Oc',
  accessToken: 'resp-access-Lw98Pd',
  refreshToken: 'resp-refresh-Mx09Qe',
  clientSecret: 'resp-client-Ny10Rf',
  formToken: 'resp-form-Oz21Sg',
  gzipToken: 'gzip-token-Pa32Th',
  brToken: 'br-token-Qb43Ui',
  deflateToken: 'deflate-token-Rc54Vj',
} as const;

const basic = (user: string, password: string): string =>
  Buffer.from(`${user}:${password}`).toString('base64');

const everySecret = [
  ...Object.values(recorded),
  ...Object.values(served),
  basic('ada', recorded.basicPassword),
  basic('proxy-user', recorded.proxyPassword),
];

const compressors = {
  gzip: zlib.gzipSync,
  br: zlib.brotliCompressSync,
  deflate: zlib.deflateSync,
} as const;

function app(req: http.IncomingMessage, res: http.ServerResponse): void {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const coding = pathname.slice(1);
  if (coding in compressors) {
    const token = { gzip: served.gzipToken, br: served.brToken, deflate: served.deflateToken }[
      coding as keyof typeof compressors
    ];
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
    res.end(compressors[coding as keyof typeof compressors](JSON.stringify({ token, kind: coding })));
    return;
  }
  if (pathname === '/oauth/form') {
    res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
    res.end(`access_token=${served.formToken}&scope=repo&token_type=bearer`);
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json',
    'set-cookie': [
      `session=${served.setCookie}; Path=/; HttpOnly`,
      `remember_me=${served.setCookieRemember}; Path=/; Max-Age=600`,
    ],
  });
  res.end(
    JSON.stringify({
      access_token: served.accessToken,
      refresh_token: served.refreshToken,
      app: { client_secret: served.clientSecret, name: 'notes' },
    }),
  );
}

let server: http.Server;
let base: string;
let answered = 0;
let fixtures: ReturnType<typeof tempDir>;

beforeEach(async () => {
  fixtures = tempDir();
  answered = 0;
  server = http.createServer((req, res) => {
    answered++;
    req.resume();
    req.on('end', () => app(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fixtures.remove();
});

const fake = (mode: 'record' | 'replay'): ElectronFake =>
  createElectronFake({ env: {}, recording: { mode, dir: fixtures.dir, name: 'credentials' } });

/** The app's whole credential-laden session; `secrets` are what it sends. */
async function signInEverywhere(
  electron: ElectronFake,
  secrets: Record<keyof typeof recorded, string>,
  send: (url: string, init?: RequestInit) => Promise<Response> = (url, init) => electron.net.fetch(url, init),
): Promise<unknown[]> {
  const query = new URLSearchParams({
    access_token: secrets.accessTokenQuery,
    api_key: secrets.apiKeyQuery,
    token: secrets.tokenQuery,
    sig: secrets.sigQuery,
    page: '2',
  });
  const answers: unknown[] = [];
  const session = await send(`${base}/session?${query.toString()}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secrets.bearer}`,
      'proxy-authorization': `Basic ${basic('proxy-user', secrets.proxyPassword)}`,
      cookie: `sid=${secrets.cookie}; theme=dark`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      user: 'ada',
      password: secrets.password,
      nested: { secret: secrets.secret, deeper: { refresh_token: secrets.refreshToken } },
      client_secret: secrets.clientSecret,
      devices: [{ name: 'laptop', token: secrets.listToken }],
    }),
  });
  answers.push(await session.json());
  const form = await send(`${base}/oauth/form`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic('ada', secrets.basicPassword)}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: `grant_type=password&username=ada&password=${secrets.formPassword}&client_secret=${secrets.formClientSecret}`,
  });
  answers.push(await form.text());
  const upload = await send(`${base}/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: zlib.gzipSync(JSON.stringify({ file: 'notes.txt', upload_token: secrets.uploadToken })),
  });
  answers.push((await upload.json()) as unknown);
  for (const coding of Object.keys(compressors)) answers.push(await (await send(`${base}/${coding}`)).json());
  return answers;
}

/** Every way a stored string can hide bytes: as written, and each base64 run in it decoded and decompressed. */
function readings(text: string): string[] {
  const result = [text];
  for (const run of text.match(/[A-Za-z0-9+/]{8,}={0,2}/g) ?? []) {
    const bytes = Buffer.from(run, 'base64');
    result.push(bytes.toString('latin1'));
    for (const decompress of [zlib.gunzipSync, zlib.inflateSync, zlib.brotliDecompressSync]) {
      try {
        result.push(decompress(bytes).toString('latin1'));
      } catch {
        // not this coding
      }
    }
  }
  return result;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

/** Where in the written files each secret (or its URL-encoded or base64 form) was found. */
function survivors(dir: string): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, file);
    if (!fs.statSync(full).isFile()) continue;
    const raw = fs.readFileSync(full);
    const texts = [raw.toString('latin1'), ...strings(JSON.parse(raw.toString('utf8'))).flatMap(readings)];
    for (const secret of everySecret) {
      const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
      if (texts.some((text) => forms.some((form) => text.includes(form)))) found.push(`${secret} in ${file}`);
    }
  }
  return found;
}

it('records a session full of credentials and no secret survives in any byte of the fixture', async () => {
  const recording = fake('record');
  const answers = await signInEverywhere(recording, recorded);
  expect(answers[0]).toMatchObject({ access_token: served.accessToken });
  await recording.fake.recording?.finish();

  expect(fs.readdirSync(fixtures.dir)).toEqual(['credentials.har']);
  expect(survivors(fixtures.dir)).toEqual([]);
});

it.each(['msw', 'nock'] as const)(
  'records the same session made with global fetch through %s and no secret survives',
  async (backEnd) => {
    const recording = createElectronFake({
      env: {},
      recording: { mode: 'record', dir: fixtures.dir, name: 'credentials', backEnd },
    });
    try {
      const answers = await signInEverywhere(recording, recorded, (url, init) => fetch(url, init));
      expect(answers[0]).toMatchObject({ access_token: served.accessToken });
      await recording.fake.recording?.finish();
    } finally {
      await recording.fake.recording?.close();
    }

    const entries = (
      JSON.parse(fs.readFileSync(path.join(fixtures.dir, 'credentials.har'), 'utf8')) as FixtureHar
    ).log.entries;
    expect(entries).toHaveLength(6);
    expect(survivors(fixtures.dir)).toEqual([]);
  },
);

it('the scan finds every one of those secrets in a recording made without redaction', async () => {
  const recording = createElectronFake({
    env: {},
    recording: { mode: 'record', dir: fixtures.dir, name: 'credentials', redact: false },
  });
  await signInEverywhere(recording, recorded);
  await recording.fake.recording?.finish();

  expect(survivors(fixtures.dir)).toHaveLength(everySecret.length);
});

it('replays the redacted recording for a session with other credentials', async () => {
  const recording = fake('record');
  await signInEverywhere(recording, recorded);
  await recording.fake.recording?.finish();

  const other = Object.fromEntries(
    Object.entries(recorded).map(([name, value]) => [name, `${value}-other`]),
  ) as Record<keyof typeof recorded, string>;
  const replaying = fake('replay');
  const requests = answered;
  const answers = await signInEverywhere(replaying, other);
  expect(answers).toEqual([
    {
      access_token: 'REDACTED_access_token',
      refresh_token: 'REDACTED_refresh_token',
      app: { client_secret: 'REDACTED_client_secret', name: 'notes' },
    },
    'access_token=REDACTED_access_token&scope=repo&token_type=bearer',
    expect.objectContaining({ access_token: 'REDACTED_access_token' }),
    { token: 'REDACTED_token', kind: 'gzip' },
    { token: 'REDACTED_token', kind: 'br' },
    { token: 'REDACTED_token', kind: 'deflate' },
  ]);
  expect(answered).toBe(requests);
  expect(await replaying.session.defaultSession.cookies.get({ name: 'session' })).toEqual([
    expect.objectContaining({ value: 'REDACTED_session' }),
  ]);
});

it('refuses to write a recording whose gzipped upload still carries a token redacted elsewhere', async () => {
  const recording = fake('record');
  await recording.net.fetch(`${base}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${recorded.bearer}`, 'content-encoding': 'gzip' },
    body: zlib.gzipSync(`log line: signed in with ${recorded.bearer}`),
  });

  await expect(recording.fake.recording?.finish()).rejects.toMatchObject({
    code: 'SECRET_IN_FIXTURE',
    message: expect.stringContaining('request.postData.text: a value redacted elsewhere ("bea…", 19 chars)'),
  });
  expect(fs.readdirSync(fixtures.dir)).toEqual([]);
});
