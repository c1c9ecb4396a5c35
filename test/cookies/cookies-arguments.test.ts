import { createCookies, url } from './cookies-fixture';

type Loose = (...args: unknown[]) => unknown;

it('throws gin conversion errors synchronously for a filter that is not an object', () => {
  const { cookies } = createCookies();
  const get = cookies.get.bind(cookies) as Loose;
  expect(() => get()).toThrow(new TypeError('Insufficient number of arguments.'));
  expect(() => get('x')).toThrow(
    new TypeError('Error processing argument at index 0, conversion failure from "x"'),
  );
  expect(() => get(null)).toThrow(
    new TypeError('Error processing argument at index 0, conversion failure from null'),
  );
});

it('throws for set details that are not a dictionary', () => {
  const { cookies } = createCookies();
  const set = cookies.set.bind(cookies) as Loose;
  expect(() => set()).toThrow(new TypeError('Insufficient number of arguments.'));
  expect(() => set([])).toThrow(
    new TypeError('Error processing argument at index 0, conversion failure from Array'),
  );
  expect(() => set(5)).toThrow(
    new TypeError('Error processing argument at index 0, conversion failure from Number'),
  );
});

it('throws for remove arguments that are missing or not strings, in argument order', () => {
  const { cookies } = createCookies();
  const remove = cookies.remove.bind(cookies) as Loose;
  expect(() => remove(5, 'a')).toThrow(
    new TypeError('Error processing argument at index 0, conversion failure from Number'),
  );
  expect(() => remove(url)).toThrow(new TypeError('Insufficient number of arguments.'));
  expect(() => remove(url, {})).toThrow(
    new TypeError('Error processing argument at index 1, conversion failure from Object'),
  );
});

it('never rejects get, whatever the filter holds', async () => {
  const { cookies } = createCookies();
  await expect(cookies.get({ url: 'asdf', domain: '..' })).resolves.toEqual([]);
  await expect(cookies.get(Object.assign(() => undefined, { path: '/x' }) as never)).resolves.toEqual([]);
});
