import { canonicalRequest, matchKey } from '../../src/fixtures/canonical-request';
import { fixtureIdForName, fixtureIdForTest, slugify } from '../../src/fixtures/fixture-name';

const get = (url: string, body?: string): Parameters<typeof canonicalRequest>[0] => ({
  method: body === undefined ? 'get' : 'post',
  url,
  headers: [['Content-Type', 'application/json']],
  body: body === undefined ? undefined : Buffer.from(body),
});

it('names a test fixture after the test file and title, with a hash of the whole title', () => {
  expect(
    fixtureIdForTest('/repo/test/api/items.test.ts', 'Items > lists the 2nd page (fast)', '/repo'),
  ).toMatch(/^test\/api\/items\.test\/items-lists-the-2nd-page-fast-[0-9a-f]{8}\.har$/);
  const long = 'a'.repeat(200);
  const one = fixtureIdForTest('/repo/t.test.ts', `${long} one`, '/repo');
  const two = fixtureIdForTest('/repo/t.test.ts', `${long} two`, '/repo');
  expect(one).not.toBe(two);
  expect(one.split('/')[1]?.length).toBeLessThanOrEqual(80 + '-12345678.har'.length);
  expect(slugify('Ça déjà vu: ÉTÉ!')).toBe('ca-deja-vu-ete');
  expect(fixtureIdForName('checkout/happy-path')).toBe('checkout/happy-path.har');
});

it('keys equal requests alike however their URL and JSON body are spelled', () => {
  const key = (url: string, body?: string): string => matchKey(canonicalRequest(get(url, body), {}));
  expect(key('HTTPS://API.Test:443/a%7eb/%c3%a9?b=2&a=1#top')).toBe(
    key('https://api.test/a~b/%C3%A9?a=1&b=2'),
  );
  expect(key('https://api.test/x', '{"b":1,"a":{"d":2,"c":3}}')).toBe(
    key('https://api.test/x', '{"a":{"c":3,"d":2},"b":1}'),
  );
  expect(key('https://api.test/x?a=1')).not.toBe(key('https://api.test/x?a=2'));
  expect(key('https://api.test/x', '{"a":1}')).not.toBe(key('https://api.test/x', '{"a":2}'));
  expect(key('https://api.test:8443/x')).not.toBe(key('https://api.test/x'));
});

it('leaves ignored query parameters and unlisted headers out of the key', () => {
  const request = (url: string, tenant: string): Parameters<typeof canonicalRequest>[0] => ({
    method: 'GET',
    url,
    headers: [
      ['X-Tenant', tenant],
      ['User-Agent', `agent ${tenant}`],
    ],
    body: undefined,
  });
  const options = { ignoreQuery: ['ts'], headers: ['x-tenant'] };
  const key = (url: string, tenant: string): string =>
    matchKey(canonicalRequest(request(url, tenant), options));
  expect(key('https://api.test/x?ts=1', 'a')).toBe(key('https://api.test/x?ts=2', 'a'));
  expect(key('https://api.test/x', 'a')).not.toBe(key('https://api.test/x', 'b'));
});
