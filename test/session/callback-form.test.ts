import { splitCallback, withCallback } from '../../src/session/callback-form';

it('treats a trailing function as the 1.x callback', () => {
  const callback = (): void => undefined;
  expect(splitCallback([{ a: 1 }, callback])).toEqual({ args: [{ a: 1 }], callback });
  expect(splitCallback([{ a: 1 }])).toEqual({ args: [{ a: 1 }], callback: undefined });
});

it('calls a value callback with the resolved value and still returns the promise', async () => {
  const seen: unknown[] = [];
  const promise = Promise.resolve(42);
  const returned = withCallback(promise, (...values) => seen.push(values), 'value');
  expect(returned).toBe(promise);
  await expect(returned).resolves.toBe(42);
  expect(seen).toEqual([[42]]);
});

it('calls a completion callback with no arguments', async () => {
  const seen: unknown[][] = [];
  await withCallback(Promise.resolve('ignored'), (...values) => seen.push(values), 'done');
  expect(seen).toEqual([[]]);
});

it('does not call the callback when the promise rejects, and leaves the rejection on the promise', async () => {
  const seen: unknown[] = [];
  const rejected = Promise.reject(new Error('boom'));
  const returned = withCallback(rejected, () => seen.push('called'), 'done');
  await expect(returned).rejects.toThrow('boom');
  expect(seen).toEqual([]);
});
