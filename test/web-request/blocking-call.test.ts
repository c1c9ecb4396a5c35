import { callBlockingListener } from '../../src/web-request/blocking-call';
import type { WebRequestListener } from '../../src/web-request/listener';

type Callback = (...response: unknown[]) => void;

/** A listener that hands its callback to the test. */
function capture(): { listener: WebRequestListener; callback: () => Callback } {
  let saved: Callback | undefined;
  return {
    listener: (_details, callback) => {
      saved = callback as Callback;
    },
    callback: () => saved!,
  };
}

async function settle<T>(promise: Promise<T>): Promise<'pending' | { value: T } | { error: unknown }> {
  const pending = Symbol('pending');
  const result = await Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    new Promise<typeof pending>((resolve) => setImmediate(() => resolve(pending))),
  ]);
  return result === pending ? 'pending' : result;
}

it('resolves with the response fields when the listener calls back with an object', async () => {
  const signal = new AbortController().signal;
  const result = callBlockingListener(
    (_d, callback) => callback?.({ redirectURL: 'http://a.test/to' }),
    {},
    signal,
  );
  await expect(result).resolves.toEqual({ redirectURL: 'http://a.test/to' });
});

it('calls the listener synchronously with the details and a callback, the listener being the receiver', () => {
  const details = { id: 1 };
  let seen: { self: unknown; args: unknown[] } | undefined;
  const listener = function (this: unknown, ...args: unknown[]) {
    seen = { self: this, args };
  };
  void callBlockingListener(listener, details, new AbortController().signal);
  expect(seen?.self).toBe(listener);
  expect(seen?.args[0]).toBe(details);
  expect(typeof seen?.args[1]).toBe('function');
});

it('only the first callback call counts', async () => {
  const { listener, callback } = capture();
  const result = callBlockingListener(listener, {}, new AbortController().signal);
  callback()({ cancel: false, redirectURL: 'http://a.test/first' });
  callback()({ cancel: true });
  await expect(result).resolves.toEqual({ redirectURL: 'http://a.test/first' });
});

it.each([
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['a string', 'cancel'],
  ['true', true],
])('callback(%s) proceeds unchanged', async (_name, value) => {
  const result = callBlockingListener((_d, callback) => callback?.(value), {}, new AbortController().signal);
  await expect(result).resolves.toBeUndefined();
});

it('callback({}) proceeds with nothing to change', async () => {
  const result = callBlockingListener((_d, callback) => callback?.({}), {}, new AbortController().signal);
  await expect(result).resolves.toEqual({});
});

it('callback() without an argument throws like gin and does not count as the call', async () => {
  const { listener, callback } = capture();
  const result = callBlockingListener(listener, {}, new AbortController().signal);
  expect(() => callback()()).toThrow(new TypeError('Insufficient number of arguments.'));
  expect(await settle(result)).toBe('pending');
  callback()({ cancel: true });
  await expect(result).resolves.toEqual({ cancel: true });
});

it('cancel is read as a truthy value and hides every other field', async () => {
  const signal = new AbortController().signal;
  await expect(
    callBlockingListener((_d, cb) => cb?.({ cancel: 1, redirectURL: 'http://a.test/' }), {}, signal),
  ).resolves.toEqual({ cancel: true });
  await expect(callBlockingListener((_d, cb) => cb?.({ cancel: 0 }), {}, signal)).resolves.toEqual({});
});

it('fields of the wrong type are ignored as Electron’s converters ignore them', async () => {
  const result = callBlockingListener(
    (_d, cb) => cb?.({ redirectURL: 42, statusLine: null, requestHeaders: 'X: 1', responseHeaders: 7 }),
    {},
    new AbortController().signal,
  );
  await expect(result).resolves.toEqual({});
});

it('header objects and status lines are passed on, arrays and functions counting as objects', async () => {
  const fn = Object.assign(() => {}, { A: '1' });
  const result = callBlockingListener(
    (_d, cb) => cb?.({ requestHeaders: ['x'], responseHeaders: fn, statusLine: 'HTTP/1.1 404 Not Found' }),
    {},
    new AbortController().signal,
  );
  await expect(result).resolves.toEqual({
    requestHeaders: ['x'],
    responseHeaders: fn,
    statusLine: 'HTTP/1.1 404 Not Found',
  });
});

it('the response is read when callback is called; later changes to the object do not count', async () => {
  const result = callBlockingListener(
    (_d, cb) => {
      const response = {
        requestHeaders: { A: '1' } as Record<string, string>,
        redirectURL: 'http://a.test/1',
      };
      cb?.(response);
      response.requestHeaders['B'] = '2';
      response.redirectURL = 'http://a.test/2';
    },
    {},
    new AbortController().signal,
  );
  await expect(result).resolves.toEqual({ requestHeaders: { A: '1' }, redirectURL: 'http://a.test/1' });
});

it('a getter that throws while the response is read escapes from callback, keeping what was read', async () => {
  const boom = new Error('getter');
  let thrown: unknown;
  const result = callBlockingListener(
    (_d, cb) => {
      try {
        cb?.({
          redirectURL: 'http://a.test/',
          get requestHeaders() {
            throw boom;
          },
        });
      } catch (error) {
        thrown = error;
      }
    },
    {},
    new AbortController().signal,
  );
  await expect(result).resolves.toEqual({ redirectURL: 'http://a.test/' });
  expect(thrown).toBe(boom);
});

it('a listener that never calls back keeps the request pending until the signal aborts', async () => {
  const controller = new AbortController();
  const result = callBlockingListener(() => {}, {}, controller.signal);
  expect(await settle(result)).toBe('pending');
  const reason = new Error('aborted by test');
  controller.abort(reason);
  await expect(result).rejects.toBe(reason);
});

it('a callback after the abort is ignored', async () => {
  const controller = new AbortController();
  const { listener, callback } = capture();
  const result = callBlockingListener(listener, {}, controller.signal);
  controller.abort();
  expect(() => callback()({ cancel: true })).not.toThrow();
  await expect(result).rejects.toMatchObject({ name: 'AbortError' });
});

it('an abort after the callback changes nothing', async () => {
  const controller = new AbortController();
  const result = callBlockingListener((_d, cb) => cb?.({}), {}, controller.signal);
  controller.abort();
  await expect(result).resolves.toEqual({});
});

it('an already aborted signal rejects at once without calling the listener', async () => {
  const controller = new AbortController();
  controller.abort(new Error('gone'));
  const listener = jest.fn();
  await expect(callBlockingListener(listener, {}, controller.signal)).rejects.toThrow('gone');
  expect(listener).not.toHaveBeenCalled();
});

it('a listener that throws before calling back is reported and leaves the request waiting, as in Electron', async () => {
  const controller = new AbortController();
  const reported: unknown[] = [];
  const boom = new Error('listener bug');
  const result = callBlockingListener(
    () => {
      throw boom;
    },
    {},
    controller.signal,
    (error) => reported.push(error),
  );
  expect(reported).toEqual([boom]);
  expect(await settle(result)).toBe('pending');
  controller.abort();
  await expect(result).rejects.toBeDefined();
});

it('a listener that throws after calling back is reported and the request goes on', async () => {
  const reported: unknown[] = [];
  const result = callBlockingListener(
    (_d, cb) => {
      cb?.({ cancel: true });
      throw new Error('after');
    },
    {},
    new AbortController().signal,
    (error) => reported.push(error),
  );
  await expect(result).resolves.toEqual({ cancel: true });
  expect(reported).toHaveLength(1);
});

it('by default a listener’s exception is rethrown as an uncaught exception on a microtask', async () => {
  const boom = new Error('uncaught');
  const queued: (() => void)[] = [];
  const queueMicrotask = jest
    .spyOn(globalThis, 'queueMicrotask')
    .mockImplementation((task) => queued.push(task));
  try {
    void callBlockingListener(
      () => {
        throw boom;
      },
      {},
      new AbortController().signal,
    );
  } finally {
    queueMicrotask.mockRestore();
  }
  expect(queued).toHaveLength(1);
  expect(() => queued[0]!()).toThrow(boom);
});

it('an asynchronous callback later on still resolves the call', async () => {
  const result = callBlockingListener(
    (_d, cb) => {
      setTimeout(() => cb?.({ redirectURL: 'http://a.test/later' }), 1);
    },
    {},
    new AbortController().signal,
  );
  await expect(result).resolves.toEqual({ redirectURL: 'http://a.test/later' });
});
