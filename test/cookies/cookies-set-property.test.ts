import fc from 'fast-check';
import { createCookies } from './cookies-fixture';

const electronMessage =
  /^(Missing required option 'url'|Failed to convert '.*' to an appropriate cookie same site value|Failed to set cookie - .+(DO_NOT_WARN|WARN_[A-Z_]+), NO_EXEMPTION)$/s;

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', 'a', '__Host-x', '__Secure-x', 'a;b', 'a=b', '\t', '\u0000', 'é', '.', '/'),
);
const urls = fc.oneof(
  fc.constantFrom(
    '',
    'asdf',
    'http://127.0.0.1',
    'https://example.com/a/b',
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

it("either resolves or rejects with one of Electron's messages, whatever the details hold", async () => {
  await fc.assert(
    fc.asyncProperty(details, async (input) => {
      const { cookies } = createCookies();
      const outcome = await cookies.set(input as never).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (outcome === undefined) return;
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as Error).message).toMatch(electronMessage);
    }),
    { numRuns: 500, seed: 45 },
  );
});

it('stores only what get can return: a set that resolved is visible or was already expired', async () => {
  await fc.assert(
    fc.asyncProperty(details, async (input) => {
      const { cookies } = createCookies();
      const ok = await cookies.set(input as never).then(
        () => true,
        () => false,
      );
      const stored = await cookies.get({});
      if (!ok) expect(stored).toEqual([]);
      else expect(stored.length).toBeLessThanOrEqual(1);
    }),
    { numRuns: 300, seed: 7 },
  );
});
