import { createClock } from '@sinonjs/fake-timers';
import { fromSinonClock } from '../../src/clock/clock';
import { HostResolver, hostCacheTtlMs } from '../../src/session/host-resolver';
import { parseHostMap } from '../../src/runtime/host-map';

function resolver(hosts: Record<string, string | string[]> = {}) {
  const clock = createClock(0);
  const map = parseHostMap(hosts);
  return { clock, map, resolver: new HostResolver(map, fromSinonClock(clock)) };
}

it('resolves a mapped host to its endpoints with their family', async () => {
  const { resolver: r } = resolver({ 'dual.test': ['10.0.0.1', '::1'] });
  await expect(r.resolve(['dual.test'])).resolves.toEqual({
    endpoints: [
      { address: '10.0.0.1', family: 'ipv4' },
      { address: '::1', family: 'ipv6' },
    ],
  });
});

it('filters endpoints by queryType and rejects when none is left', async () => {
  const { resolver: r } = resolver({ 'ipv4.localhost2': '10.0.0.1', 'ipv6.localhost2': '::1' });
  await expect(r.resolve(['ipv4.localhost2', { queryType: 'A' }])).resolves.toEqual({
    endpoints: [{ address: '10.0.0.1', family: 'ipv4' }],
  });
  await expect(r.resolve(['ipv4.localhost2', { queryType: 'AAAA' }])).rejects.toThrow(
    'net::ERR_NAME_NOT_RESOLVED',
  );
  await expect(r.resolve(['ipv6.localhost2'])).resolves.toEqual({
    endpoints: [{ address: '::1', family: 'ipv6' }],
  });
});

it('rejects an unknown host with net::ERR_NAME_NOT_RESOLVED', async () => {
  const error = await resolver()
    .resolver.resolve(['notfound.localhost2'])
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe('net::ERR_NAME_NOT_RESOLVED');
});

it('resolves localhost and IP literals without the host map', async () => {
  const { resolver: r } = resolver();
  await expect(r.resolve(['localhost'])).resolves.toEqual({
    endpoints: [
      { address: '::1', family: 'ipv6' },
      { address: '127.0.0.1', family: 'ipv4' },
    ],
  });
  await expect(r.resolve(['192.168.1.2'])).resolves.toEqual({
    endpoints: [{ address: '192.168.1.2', family: 'ipv4' }],
  });
});

it('keeps answering from its host cache until the cache is cleared', async () => {
  const { resolver: r, map } = resolver({ 'api.test': '10.0.0.1' });
  await r.resolve(['api.test']);
  map.set('api.test', [{ address: '10.0.0.2', family: 'ipv4' }]);
  await expect(r.resolve(['api.test'])).resolves.toEqual({
    endpoints: [{ address: '10.0.0.1', family: 'ipv4' }],
  });
  await expect(r.resolve(['api.test', { cacheUsage: 'disallowed' }])).resolves.toEqual({
    endpoints: [{ address: '10.0.0.2', family: 'ipv4' }],
  });
  r.clearCache();
  await expect(r.resolve(['api.test'])).resolves.toEqual({
    endpoints: [{ address: '10.0.0.2', family: 'ipv4' }],
  });
});

it('lets a cached answer expire after one minute unless stale answers are allowed', async () => {
  const { resolver: r, map, clock } = resolver({ 'api.test': '10.0.0.1' });
  await r.resolve(['api.test']);
  map.set('api.test', [{ address: '10.0.0.2', family: 'ipv4' }]);
  clock.tick(hostCacheTtlMs);
  await expect(r.resolve(['api.test', { cacheUsage: 'staleAllowed' }])).resolves.toEqual({
    endpoints: [{ address: '10.0.0.1', family: 'ipv4' }],
  });
  await expect(r.resolve(['api.test'])).resolves.toEqual({
    endpoints: [{ address: '10.0.0.2', family: 'ipv4' }],
  });
});

it('throws synchronously for options outside the documented values', () => {
  const { resolver: r } = resolver();
  expect(() => r.resolve(['a.test', { queryType: 'MX' }])).toThrow(
    'Error processing argument at index 1, conversion failure from Object',
  );
  expect(() => r.resolve([42])).toThrow(
    'Error processing argument at index 0, conversion failure from Number',
  );
});
