import { createElectronFake } from '../../src/create-electron-fake';
import { NetError } from '../../src/errors/net-error';

function echoFake() {
  const electron = createElectronFake({
    transport: (request) =>
      new Response(`${request.method} ${request.url} x-a=${request.headers.get('x-a')}`),
  });
  return { ...electron, ses: electron.session.defaultSession };
}

it.each([
  ['a string as the filter', 'filter'],
  ['a number as the listener', 5],
])('webRequest with %s throws "Must pass null or a Function" and keeps the old listener', (_label, value) => {
  const { ses } = echoFake();
  const listener = jest.fn();
  ses.webRequest.onCompleted(listener);
  expect(() => (ses.webRequest.onCompleted as (...args: unknown[]) => void)(value)).toThrow(
    new TypeError('Must pass null or a Function'),
  );
  ses.webRequest.listenerFor('onCompleted', 'https://app.test/', 'xhr')?.({ id: 1 });
  expect(listener).toHaveBeenCalledWith({ id: 1 });
});

it.each([
  ['a string', 'https://*/*'],
  ['an array of numbers', [5]],
])(
  "a filter whose urls is %s throws \"Parameter 'filter' must have property 'urls'.\" and keeps the old listener",
  (_label, urls) => {
    const { ses } = echoFake();
    const listener = jest.fn();
    ses.webRequest.onCompleted(listener);
    expect(() => ses.webRequest.onCompleted({ urls } as never, () => undefined)).toThrow(
      new TypeError("Parameter 'filter' must have property 'urls'."),
    );
    ses.webRequest.listenerFor('onCompleted', 'https://app.test/', 'xhr')?.({ id: 1 });
    expect(listener).toHaveBeenCalledWith({ id: 1 });
  },
);

it('cancel together with redirectURL cancels: the request fails with net::ERR_BLOCKED_BY_CLIENT', async () => {
  const { ses } = echoFake();
  ses.webRequest.onBeforeRequest((_details, callback) =>
    callback({ cancel: true, redirectURL: 'https://other.test/' } as never),
  );
  await expect(ses.fetch('https://app.test/')).rejects.toThrow(new NetError('ERR_BLOCKED_BY_CLIENT'));
});

it.each([
  ['empty', ''],
  ['a number', 5],
])(
  'a redirectURL that is %s is ignored and the request goes where it was going',
  async (_label, redirectURL) => {
    const { ses } = echoFake();
    ses.webRequest.onBeforeRequest((_details, callback) => callback({ redirectURL } as never));
    const response = await ses.fetch('https://app.test/');
    expect(await response.text()).toBe('GET https://app.test/ x-a=null');
  },
);

it('a redirectURL that is not a URL fails the request with net::ERR_INVALID_REDIRECT, and the next request is not redirected', async () => {
  const { ses } = echoFake();
  let calls = 0;
  ses.webRequest.onBeforeRequest((_details, callback) =>
    callback(((calls += 1) === 1 ? { redirectURL: 'not a url' } : {}) as never),
  );
  await expect(ses.fetch('https://app.test/')).rejects.toThrow(new NetError('ERR_INVALID_REDIRECT'));
  expect(await (await ses.fetch('https://app.test/next')).text()).toBe('GET https://app.test/next x-a=null');
});

it('a redirectURL to a scheme nobody handles fails with net::ERR_UNKNOWN_URL_SCHEME', async () => {
  const { ses } = echoFake();
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback((details.url.startsWith('https:') ? { redirectURL: 'javascript:alert(1)' } : {}) as never),
  );
  await expect(ses.fetch('https://app.test/')).rejects.toThrow(new NetError('ERR_UNKNOWN_URL_SCHEME'));
});

it.each([
  ['a string', 'x-a: changed'],
  ['null', null],
])('requestHeaders that is %s is ignored: the request keeps its headers', async (_label, requestHeaders) => {
  const { ses } = echoFake();
  ses.webRequest.onBeforeSendHeaders((_details, callback) => callback({ requestHeaders } as never));
  const response = await ses.fetch('https://app.test/', { headers: { 'x-a': 'original' } });
  expect(await response.text()).toBe('GET https://app.test/ x-a=original');
});

it('requestHeaders with an invalid name keeps the valid headers and drops the invalid one', async () => {
  const { ses } = echoFake();
  ses.webRequest.onBeforeSendHeaders((_details, callback) =>
    callback({ requestHeaders: { 'bad name': '1', 'x-a': 'replaced' } } as never),
  );
  const response = await ses.fetch('https://app.test/', { headers: { 'x-a': 'original' } });
  expect(await response.text()).toBe('GET https://app.test/ x-a=replaced');
});

it.each([
  ['a string as responseHeaders', { responseHeaders: 'x-b: 1' }, 'text/plain;charset=UTF-8'],
  ['a statusLine that is not one', { statusLine: 'garbage' }, 'text/plain;charset=UTF-8'],
])('%s leaves the response as the server sent it', async (_label, answer, contentType) => {
  const { ses } = echoFake();
  ses.webRequest.onHeadersReceived((_details, callback) => callback(answer as never));
  const response = await ses.fetch('https://app.test/');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(contentType);
  expect(await response.text()).toBe('GET https://app.test/ x-a=null');
});

it('a response header value with a line break is dropped, never sent on to the app', async () => {
  const { ses } = echoFake();
  ses.webRequest.onHeadersReceived((_details, callback) =>
    callback({ responseHeaders: { 'x-b': ['a\r\nset-cookie: evil=1'] } } as never),
  );
  const response = await ses.fetch('https://app.test/');
  expect(response.headers.get('x-b')).toBeNull();
  expect(response.headers.get('set-cookie')).toBeNull();
});

it('a blocking listener that calls back twice: the first answer counts and the request completes once', async () => {
  const { ses } = echoFake();
  const completed: string[] = [];
  ses.webRequest.onBeforeRequest((_details, callback) => {
    callback({} as never);
    callback({ cancel: true } as never);
  });
  ses.webRequest.onCompleted((details) => completed.push(details.url));
  expect(await (await ses.fetch('https://app.test/')).text()).toBe('GET https://app.test/ x-a=null');
  expect(completed).toEqual(['https://app.test/']);
});
