import fc from 'fast-check';
import { createCookies, recordChanges, start, type Fixture } from '../cookies/cookies-fixture';
import { anyOf, fuzzParameters } from '../helpers/fuzz';

// The reason texts Electron's `InclusionStatusToString` gives for refusals `cookies.set` can meet.
const reasonTexts = [
  'The cookie was HttpOnly, but the attempted access was through a non-HTTP API.',
  'The cookie was Secure, but the URL was not allowed to access Secure cookies.',
  'The cookie specified SameSite=None, but it was not Secure.',
  'The cookie was malformed and could not be stored',
  'Attempted to set a cookie from a scheme that does not support cookies.',
  'The cookie would have overwritten a Secure cookie, and was not allowed to do so.',
  'The cookie would have overwritten an HttpOnly cookie, and was not allowed to do so.',
  'The cookie was set with an invalid Domain attribute.',
  'The cookie was set with an invalid __Host- or __Secure- prefix.',
  'The cookie exceeded the name/value pair size limit.',
  'Cookie exceeded the attribute size limit.',
  'The cookie was set with a Domain attribute containing non ASCII characters.',
  'The cookie contains ASCII control characters',
  'The cookie contains no content or only whitespace.',
];
// Real messages glue Chromium's debug string to the texts: `EXCLUDE_…, ` reasons, then warnings.
const electronMessage = new RegExp(
  "^(Missing required option 'url'" +
    "|Failed to convert '.*' to an appropriate cookie same site value" +
    '|Error processing argument at index 0, conversion failure from .*' +
    `|Failed to set cookie - ${anyOf(reasonTexts)}+` +
    '(EXCLUDE_[A-Z_]+, )+(DO_NOT_WARN|WARN_[A-Z_]+(, WARN_[A-Z_]+)*), NO_EXEMPTION)$',
  's',
);

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', 'a', 'h', '__Host-x', '__Secure-x', 'a;b', 'a=b', '\t', '\u0000', 'é', '.', '/'),
);
const urls = fc.oneof(
  fc.constantFrom(
    '',
    'asdf',
    'http://127.0.0.1',
    'https://example.com/a/b',
    'http://example.com/',
    'http://localhost',
    'ws://a.b.example.com',
  ),
  fc.constantFrom('file:///x', 'app://host', 'http://[::1]/', 'https://github.io', 'http://a.co.uk/'),
  fc.webUrl(),
  fc.string(),
);
const details = fc.record(
  {
    url: fc.oneof(urls, fc.integer()),
    name: text,
    value: text,
    domain: fc.oneof(text, fc.constantFrom('example.com', '.example.com', 'com', '127.0.0.1', 'localhost')),
    path: fc.oneof(text, fc.constantFrom('/', '/a', 'a')),
    secure: fc.oneof(fc.boolean(), fc.integer()),
    httpOnly: fc.boolean(),
    expirationDate: fc.oneof(fc.double(), fc.integer(), fc.constant(0)),
    creationDate: fc.double(),
    lastAccessDate: fc.double(),
    sameSite: fc.oneof(fc.constantFrom('unspecified', 'no_restriction', 'lax', 'strict'), fc.string()),
  },
  { requiredKeys: [] },
);

/** Any value where the details or one of their members belong, as untyped app code can pass. */
const member = fc.constantFrom(
  'url',
  'name',
  'value',
  'domain',
  'path',
  'secure',
  'httpOnly',
  'expirationDate',
  'sameSite',
);
const wildDetails = fc.oneof(
  { arbitrary: details, weight: 3 },
  {
    arbitrary: fc.tuple(details, member, fc.anything()).map(([d, key, value]) => ({ ...d, [key]: value })),
    weight: 2,
  },
  { arbitrary: fc.anything(), weight: 1 },
);

/** Details close to valid ones, on the seeded jar's hosts, so that many sets succeed or collide. */
const plausibleDetails = fc.record(
  {
    url: fc.constantFrom(
      'https://example.com/a/b',
      'http://example.com/',
      'http://a.b.example.com/x',
      'http://127.0.0.1',
      'http://localhost',
    ),
    name: fc.constantFrom('a', 'h', 'd', 'n', '', '__Host-x', '__Secure-x'),
    value: fc.constantFrom('1', '2', '', 'v;w', 'secure'),
    // undefined reads as absent (V8 conversion fails), which keeps most sets valid.
    domain: fc.constantFrom(undefined, undefined, 'example.com', '.example.com', 'b.example.com', 'com'),
    path: fc.constantFrom(undefined, '/', '/a', '/x', 'a'),
    secure: fc.boolean(),
    httpOnly: fc.boolean(),
    expirationDate: fc.oneof(fc.constant(start / 1000 - 10), fc.constant(start / 1000 + 60)),
    sameSite: fc.constantFrom('unspecified', 'no_restriction', 'lax', 'strict'),
  },
  { requiredKeys: ['url'] },
);
const anyDetails = fc.oneof(
  { arbitrary: wildDetails, weight: 1 },
  { arbitrary: plausibleDetails, weight: 3 },
);

/** A jar whose cookies the generated details can collide with: same names, hosts, Secure and HttpOnly ones. */
async function seededJar(): Promise<Fixture> {
  const fixture = createCookies();
  const { cookies, nowSeconds } = fixture;
  await cookies.set({ url: 'https://example.com/a/b', name: 'a', value: 'secure', secure: true });
  await cookies.set({ url: 'http://example.com/', name: 'h', value: 'http-only', httpOnly: true });
  await cookies.set({ url: 'http://127.0.0.1', value: 'nameless', expirationDate: nowSeconds() + 60 });
  await cookies.set({ url: 'http://localhost', name: '__Host-x', value: '1', secure: true, path: '/' });
  await cookies.set({ url: 'http://a.b.example.com', name: 'd', value: '1', domain: 'example.com' });
  return fixture;
}

/**
 * Calls set the way app code does. Details that are not an object throw
 * synchronously, as gin's argument conversion does in Electron; any other
 * synchronous throw fails the property.
 */
async function outcomeOf(fixture: Fixture, input: unknown): Promise<Error | undefined> {
  let result: Promise<void>;
  try {
    result = fixture.cookies.set(input as never);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(
      /^Error processing argument at index 0, conversion failure from /,
    );
    return error as TypeError;
  }
  return result.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error : new Error(`not an Error: ${String(error)}`)),
  );
}

it("either resolves or rejects with one of Electron's messages, whatever the details hold", async () => {
  await fc.assert(
    fc.asyncProperty(wildDetails, async (input) => {
      const error = await outcomeOf(createCookies(), input);
      if (error !== undefined) expect(error.message).toMatch(electronMessage);
    }),
    fuzzParameters(45),
  );
});

it('leaves the jar unchanged and emits nothing when a set is rejected', async () => {
  await fc.assert(
    fc.asyncProperty(anyDetails, async (input) => {
      const fixture = await seededJar();
      const before = await fixture.cookies.get({});
      const changes = recordChanges(fixture.cookies);
      if ((await outcomeOf(fixture, input)) === undefined) return;
      expect(changes).toEqual([]);
      expect(await fixture.cookies.get({})).toEqual(before);
    }),
    fuzzParameters(11),
  );
});

it('changes at most one cookie of its name when a set resolves: the one it replaced, and the one it stored', async () => {
  const key = (c: { name: string; domain: string; path: string; value: string }): string =>
    JSON.stringify([c.name, c.domain, c.path, c.value]);
  await fc.assert(
    fc.asyncProperty(anyDetails, async (input) => {
      const fixture = await seededJar();
      const before = new Set((await fixture.cookies.get({})).map(key));
      if ((await outcomeOf(fixture, input)) !== undefined) return;
      const after = await fixture.cookies.get({});
      const kept = new Set(after.map(key));
      const added = after.filter((c) => !before.has(key(c)));
      const gone = [...before].filter((k) => !kept.has(k)).map((k) => JSON.parse(k) as string[]);
      const given = (input as { name?: unknown } | null)?.name;
      const name = typeof given === 'string' ? given : '';
      expect(added.length).toBeLessThanOrEqual(1);
      expect(gone.length).toBeLessThanOrEqual(1);
      for (const cookie of added) expect(cookie.name).toBe(name);
      for (const [goneName] of gone) expect(goneName).toBe(name);
    }),
    fuzzParameters(7),
  );
});
