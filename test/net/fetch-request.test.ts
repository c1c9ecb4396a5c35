import { fetchRequestParts } from '../../src/net/fetch-request';

// The direct reading of simple fetch calls must agree with the Fetch API's Request.
it.each([
  ['a string body', { method: 'post', body: 'a=1' }],
  ['bytes', { method: 'PUT', body: new Uint8Array([1, 2, 3]) }],
  ['headers as a record', { headers: { 'X-A': '1', accept: 'text/plain' } }],
  ['headers as pairs', { headers: [['X-B', '2']] as [string, string][] }],
  [
    'an explicit content type',
    { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } },
  ],
  ['redirect, cache and credentials', { redirect: 'manual', cache: 'no-store', credentials: 'omit' }],
] as const)('reads %s like new Request', async (_name, init) => {
  const ours = await fetchRequestParts('http://api.test/path?q=1', init as RequestInit);
  const platform = new Request('http://api.test/path?q=1', init as RequestInit);
  const headers: [string, string][] = [];
  platform.headers.forEach((value, name) => headers.push([name, value]));
  expect(ours.url).toBe(platform.url);
  expect(ours.method).toBe(platform.method);
  expect(ours.headers).toEqual(headers);
  expect(ours.redirect).toBe(platform.redirect);
  expect(ours.cache).toBe(platform.cache);
  expect(ours.credentials).toBe(platform.credentials);
  const bytes = platform.body === null ? undefined : new Uint8Array(await platform.arrayBuffer());
  expect(ours.body === undefined ? undefined : Buffer.from(ours.body)).toEqual(
    bytes === undefined ? undefined : Buffer.from(bytes),
  );
});

it('refuses what Request refuses', async () => {
  await expect(fetchRequestParts('http://api.test/', { body: 'x' })).rejects.toThrow(
    'Request with GET/HEAD method cannot have body.',
  );
  await expect(fetchRequestParts('http://u:p@api.test/')).rejects.toThrow(/includes credentials/);
  await expect(fetchRequestParts('not a url')).rejects.toThrow('Failed to parse URL from not a url');
  await expect(fetchRequestParts('http://api.test/', { method: 'CONNECT' })).rejects.toThrow(
    "'CONNECT' HTTP method is unsupported.",
  );
});
