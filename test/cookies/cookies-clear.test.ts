import { createCookies, recordChanges } from './cookies-fixture';

async function seeded(): Promise<ReturnType<typeof createCookies>> {
  const fixture = createCookies();
  const { cookies } = fixture;
  await cookies.set({ url: 'https://example.com', name: 'a', value: '1' });
  await cookies.set({ url: 'https://www.example.com', name: 'b', value: '1', domain: 'example.com' });
  await cookies.set({ url: 'https://example.org', name: 'c', value: '1' });
  await cookies.set({ url: 'http://127.0.0.1:8080', name: 'd', value: '1' });
  return fixture;
}

async function names(fixture: ReturnType<typeof createCookies>): Promise<string[]> {
  return (await fixture.cookies.get({})).map((c) => c.name).sort();
}

it('clears the cookies of the registrable domain of each origin, subdomains included (clearData origins)', async () => {
  const fixture = await seeded();
  const changes = recordChanges(fixture.cookies);
  await fixture.cookies.clearForOrigins({ origins: ['https://www.example.com'] });
  expect(await names(fixture)).toEqual(['c', 'd']);
  expect(changes.map((c) => [c.cause, c.removed])).toEqual([
    ['explicit', true],
    ['explicit', true],
  ]);
});

it('keeps only the cookies of the excluded origins (clearData excludeOrigins)', async () => {
  const fixture = await seeded();
  await fixture.cookies.clearForOrigins({ excludeOrigins: ['https://example.com'] });
  expect(await names(fixture)).toEqual(['a', 'b']);
});

it('matches an IP origin by its address', async () => {
  const fixture = await seeded();
  await fixture.cookies.clearForOrigins({ origins: ['http://127.0.0.1:9999'] });
  expect(await names(fixture)).toEqual(['a', 'b', 'c']);
});

it('clears every cookie without a filter', async () => {
  const fixture = await seeded();
  await fixture.cookies.clearForOrigins(undefined);
  expect(await names(fixture)).toEqual([]);
});

it('accepts the session planner forms: all, one URL, registrable domains to delete or preserve', async () => {
  let fixture = await seeded();
  await fixture.cookies.clearForOrigins({ kind: 'all' });
  expect(await names(fixture)).toEqual([]);
  fixture = await seeded();
  await fixture.cookies.clearForOrigins({ kind: 'url', url: 'https://example.com/' });
  expect(await names(fixture)).toEqual(['c', 'd']);
  fixture = await seeded();
  await fixture.cookies.clearForOrigins({
    kind: 'registrable-domains',
    mode: 'delete',
    domains: ['example.org'],
  });
  expect(await names(fixture)).toEqual(['a', 'b', 'd']);
  fixture = await seeded();
  await fixture.cookies.clearForOrigins({
    kind: 'registrable-domains',
    mode: 'preserve',
    domains: ['example.org'],
  });
  expect(await names(fixture)).toEqual(['c']);
});
