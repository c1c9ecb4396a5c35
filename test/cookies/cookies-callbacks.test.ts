import { createCookies, url } from './cookies-fixture';

it('calls back get(filter, callback) with (null, cookies) and still returns the Promise', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1' });
  const callback = jest.fn();
  const cookieList = await cookies.get({ url }, callback);
  expect(callback).toHaveBeenCalledWith(null, cookieList);
});

it('calls back set(details, callback) with null on success and the error on failure', async () => {
  const { cookies } = createCookies();
  const ok = jest.fn();
  await cookies.set({ url, name: 'a', value: '1' }, ok);
  expect(ok).toHaveBeenCalledWith(null);
  const failed = new Promise<unknown>((resolve) => {
    void cookies.set({ url: 'asdf', name: 'a', value: '1' }, resolve);
  });
  expect(await failed).toEqual(
    expect.objectContaining({ message: expect.stringMatching(/invalid Domain attribute/) }),
  );
});

it('does not leave an unhandled rejection when only the callback is used', async () => {
  const { cookies } = createCookies();
  const callback = jest.fn();
  const returned = cookies.set({ url: '', name: 'a' }, callback);
  await expect(returned).rejects.toThrow(/invalid Domain attribute/);
  expect(callback).toHaveBeenCalledTimes(1);
});

it('calls back remove(url, name, callback) and flushStore(callback) with no arguments', async () => {
  const { cookies } = createCookies();
  await cookies.set({ url, name: 'a', value: '1' });
  const removed = jest.fn();
  const flushed = jest.fn();
  await cookies.remove(url, 'a', removed);
  await cookies.flushStore(flushed);
  expect(removed).toHaveBeenCalledWith();
  expect(flushed).toHaveBeenCalledWith();
  expect(await cookies.get({})).toEqual([]);
});
