import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createElectronFake } from '../../src/create-electron-fake';
import { HarnessError } from '../../src/errors/harness-error';
import type { FixtureEntry } from '../../src/fixtures/har';
import { parseHar, serialiseHar } from '../../src/fixtures/har-file';
import { fuzzParameters } from '../helpers/fuzz';

const where = '/fixtures/test/sync.test/uploads-notes-3f2a9c1d.har';

const certificates = ['server-cert.pem', 'intermediate-cert.pem'].map((file) =>
  fs.readFileSync(path.join(__dirname, '../fixtures/tls', file), 'utf8'),
);
const header = fc.record({ name: fc.string({ minLength: 1 }), value: fc.string() });
const entry: fc.Arbitrary<FixtureEntry> = fc
  .record({
    key: fc.string(),
    seq: fc.nat(),
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    url: fc.webUrl({ withQueryParameters: true }),
    requestHeaders: fc.array(header, { maxLength: 3 }),
    postData: fc.option(fc.record({ text: fc.string(), base64: fc.boolean() }), { nil: undefined }),
    status: fc.integer({ min: 100, max: 599 }),
    responseHeaders: fc.array(header, { maxLength: 3 }),
    body: fc.option(fc.string(), { nil: undefined }),
    error: fc.option(fc.constantFrom('net::ERR_CONNECTION_REFUSED', 'net::ERR_CERT_INVALID'), {
      nil: undefined,
    }),
    proxy: fc.option(fc.constant('PROXY 127.0.0.1:8080'), { nil: undefined }),
    tls: fc.option(
      fc.record({
        hostname: fc.domain(),
        chain: fc.array(fc.constantFrom(...certificates), { maxLength: 2 }),
      }),
      {
        nil: undefined,
      },
    ),
  })
  .map((e) => ({
    _key: e.key,
    _seq: e.seq,
    ...(e.proxy === undefined ? {} : { _proxy: e.proxy }),
    ...(e.tls === undefined ? {} : { _tls: e.tls }),
    startedDateTime: '1970-01-01T00:00:00.000Z',
    time: 0,
    request: {
      method: e.method,
      url: e.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: e.requestHeaders,
      queryString: [],
      headersSize: -1,
      bodySize: e.postData?.text.length ?? 0,
      ...(e.postData === undefined
        ? {}
        : {
            postData: {
              mimeType: 'text/plain',
              text: e.postData.text,
              ...(e.postData.base64 ? { _encoding: 'base64' as const } : {}),
            },
          }),
    },
    response: {
      status: e.error === undefined ? e.status : 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: e.responseHeaders,
      content: { size: 0, mimeType: 'text/plain', ...(e.body === undefined ? {} : { text: e.body }) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(e.error === undefined ? {} : { _error: e.error }),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  }));
const harText = fc.array(entry, { maxLength: 6 }).map((entries) => serialiseHar(entries));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

/** Every path in a JSON document, as segments, the root excluded. */
function pathsOf(value: Json, prefix: Segment[] = []): Segment[][] {
  if (value === null || typeof value !== 'object') return [];
  const keys: Segment[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsOf((value as Record<Segment, Json>)[key] as Json, path)];
  });
}

function formatPath(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const kindOf = (value: Json): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
const replacements: Json[] = [null, true, 0, 1.5, -1, 'text', [], [1], {}, { name: 1 }];

/** Fields replay reads: changing their type or removing them must be refused. */
const required = [
  /^log(\.entries(\[\d+\])?)?$/,
  /^log\.entries\[\d+\]\.request(\.(method|url|headers))?$/,
  /^log\.entries\[\d+\]\.response(\.(status|statusText|httpVersion|headers|content))?$/,
  /^log\.entries\[\d+\]\.(request|response)\.headers\[\d+\](\.(name|value))?$/,
];

/** Loads text, returning the refusal (which must be a FIXTURE_INVALID naming the file). */
function refusal(text: string): string | undefined {
  try {
    parseHar(text, where);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).code).toBe('FIXTURE_INVALID');
    const { message } = error as HarnessError;
    expect(message.startsWith(`Failed to read fixture ${where}: `)).toBe(true);
    expect(message.endsWith('Fix the file, or delete it and record again.')).toBe(true);
    return message;
  }
}

it('a recorded fixture loads with all its entries', () => {
  fc.assert(
    fc.property(harText, (text) => {
      expect(refusal(text)).toBeUndefined();
      expect(parseHar(text, where).log.entries).toHaveLength(
        (JSON.parse(text) as Json[] & { log: { entries: [] } }).log.entries.length,
      );
    }),
    fuzzParameters(31),
  );
});

it('a truncated fixture is refused as not JSON, naming the file', () => {
  fc.assert(
    fc.property(
      harText.chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.trimEnd().length - 1 }))),
      ([text, length]) => {
        expect(refusal(text.slice(0, length))).toMatch(/: it is not JSON \(/);
      },
    ),
    fuzzParameters(32),
  );
});

it('a value of the wrong type, or a missing one, is refused at its JSON path, or ignored where replay never reads it', () => {
  const mutation = harText.chain((text) => {
    const document = JSON.parse(text) as Json;
    return fc.tuple(
      fc.constant(text),
      fc.constantFrom(...pathsOf(document)),
      fc.option(fc.constantFrom(...replacements), { nil: undefined, freq: 4 }),
    );
  });
  fc.assert(
    fc.property(mutation, ([text, path, replacement]) => {
      const document = JSON.parse(text) as Json;
      const parent = path
        .slice(0, -1)
        .reduce<Json>((node, key) => (node as Record<Segment, Json>)[key] as Json, document) as Record<
        Segment,
        Json
      >;
      const key = path[path.length - 1] as Segment;
      const original = parent[key] as Json;
      fc.pre(replacement === undefined || kindOf(replacement) !== kindOf(original));
      if (replacement === undefined) {
        if (Array.isArray(parent)) return;
        delete parent[key];
      } else parent[key] = replacement;

      const message = refusal(JSON.stringify(document));
      const at = formatPath(path);
      if (required.some((pattern) => pattern.test(at))) expect(message).toBeDefined();
      if (message === undefined) return;
      const named = /fixture [^:]+: (\S+) is /.exec(message)?.[1] ?? '';
      expect(named === at || named.startsWith(`${at}.`) || named.startsWith(`${at}[`)).toBe(true);
    }),
    fuzzParameters(33, 500),
  );
});

it('a certificate that is not PEM is refused at its JSON path', () => {
  const [recorded] = fc.sample(entry, { numRuns: 1, seed: 37 });
  const text = serialiseHar([
    { ...(recorded as FixtureEntry), _tls: { hostname: 'a.test', chain: ['MIIB'] } },
  ]);
  expect(refusal(text)).toBe(
    `Failed to read fixture ${where}: log.entries[0]._tls.chain[0] is a string; it should be a PEM certificate. Fix the file, or delete it and record again.`,
  );
});

it('any JSON at all is either a fixture or refused with a FIXTURE_INVALID naming the file', () => {
  const almostHar = fc.oneof(
    fc.jsonValue(),
    fc.record({ log: fc.jsonValue() }),
    fc.record({ log: fc.record({ entries: fc.array(fc.jsonValue(), { maxLength: 3 }) }) }),
  );
  fc.assert(
    fc.property(almostHar, (document) => {
      refusal(JSON.stringify(document));
    }),
    fuzzParameters(34),
  );
});

describe('huge fixtures', () => {
  const [template] = fc.sample(entry, { numRuns: 1, seed: 35 });
  const many = Array.from({ length: 20_000 }, (_, index) => ({ ...(template as FixtureEntry), _seq: index }));

  it('twenty thousand entries load, and a bad last one is named by its index', () => {
    const text = serialiseHar(many);
    expect(parseHar(text, where).log.entries).toHaveLength(20_000);
    const broken = JSON.parse(text) as { log: { entries: { request: { url: unknown } }[] } };
    (broken.log.entries[19_999] as { request: { url: unknown } }).request.url = 42;
    expect(refusal(JSON.stringify(broken))).toBe(
      `Failed to read fixture ${where}: log.entries[19999].request.url is number 42; it should be a string. Fix the file, or delete it and record again.`,
    );
  });

  it('a 32 MB body loads, and a 32 MB truncated file is refused as not JSON', () => {
    const big = { ...(template as FixtureEntry) };
    big.response = {
      ...big.response,
      content: { size: 0, mimeType: 'text/plain', text: 'x'.repeat(32 * 1024 * 1024) },
    };
    const text = serialiseHar([big]);
    expect(parseHar(text, where).log.entries[0]?.response.content.text).toHaveLength(32 * 1024 * 1024);
    expect(refusal(text.slice(0, text.length - 100))).toMatch(/: it is not JSON \(/);
  });

  it('a deeply nested document is refused without overflowing the stack', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(refusal(text)).toMatch(/: \(the document\) is an array; it should be an object\./);
  });
});

it('replaying from a malformed fixture file fails the request with the file path and the JSON path', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esf-fuzz-'));
  try {
    const [recorded] = fc.sample(entry, { numRuns: 1, seed: 36 });
    const broken = JSON.parse(serialiseHar([recorded as FixtureEntry])) as {
      log: { entries: { response: { headers: unknown } }[] };
    };
    (broken.log.entries[0] as { response: { headers: unknown } }).response.headers = {
      'content-type': 'text/plain',
    };
    fs.writeFileSync(path.join(dir, 'broken.har'), JSON.stringify(broken));
    const { net } = createElectronFake({ env: {}, recording: { mode: 'replay', dir, name: 'broken' } });
    const error = await net.fetch('http://127.0.0.1:9/').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).message).toBe(
      `Failed to read fixture ${path.join(dir, 'broken.har')}: log.entries[0].response.headers is an object; it should be an array. Fix the file, or delete it and record again.`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
