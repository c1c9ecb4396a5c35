import { WebRequest, type WebRequestHookName } from '../../src/web-request/web-request';
import { emptyUrlsDeprecation } from '../../src/web-request/web-request-filter';

const hooks: readonly WebRequestHookName[] = [
  'onBeforeRequest',
  'onBeforeSendHeaders',
  'onSendHeaders',
  'onHeadersReceived',
  'onResponseStarted',
  'onBeforeRedirect',
  'onCompleted',
  'onErrorOccurred',
];

const defaultURL = 'http://127.0.0.1:51234/';

/** Calls a hook setter with arbitrary arguments, as JavaScript callers can. */
function call(webRequest: WebRequest, hook: WebRequestHookName, ...args: unknown[]): void {
  (webRequest[hook] as (...params: unknown[]) => void)(...args);
}

function matches(
  webRequest: WebRequest,
  url: string,
  resourceType = 'xhr',
  hook: WebRequestHookName = 'onBeforeRequest',
) {
  return webRequest.listenerFor(hook, url, resourceType) !== undefined;
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('listeners', () => {
  it('listenerFor returns undefined for every hook while nothing is registered', () => {
    const webRequest = new WebRequest();
    for (const hook of hooks) expect(webRequest.listenerFor(hook, defaultURL, 'xhr')).toBeUndefined();
  });

  it('a listener without a filter matches all requests', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest(() => {});
    expect(matches(webRequest, `${defaultURL}nofilter/test`)).toBe(true);
    expect(matches(webRequest, 'file:///tmp/blank.html', 'mainFrame')).toBe(true);
    expect(matches(webRequest, 'myapp://host/x', 'other')).toBe(true);
  });

  it('the returned function calls the registered listener', () => {
    const webRequest = new WebRequest();
    const listener = jest.fn();
    webRequest.onCompleted(listener);
    webRequest.listenerFor('onCompleted', defaultURL, 'xhr')?.({ id: 1 });
    expect(listener).toHaveBeenCalledWith({ id: 1 });
  });

  it('a new call replaces the previous listener and filter', () => {
    const webRequest = new WebRequest();
    const first = jest.fn();
    const second = jest.fn();
    webRequest.onBeforeRequest({ urls: [`${defaultURL}first/*`] }, first);
    webRequest.onBeforeRequest({ urls: [`${defaultURL}second/*`] }, second);
    expect(matches(webRequest, `${defaultURL}first/x`)).toBe(false);
    webRequest.listenerFor('onBeforeRequest', `${defaultURL}second/x`, 'xhr')?.({}, () => {});
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('null removes the listener, with or without a filter', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest(() => {});
    webRequest.onBeforeRequest(null);
    expect(matches(webRequest, defaultURL)).toBe(false);
    webRequest.onBeforeRequest(() => {});
    webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, null);
    expect(matches(webRequest, defaultURL)).toBe(false);
  });

  it('a null first argument removes the listener even when a function follows', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest(() => {});
    call(webRequest, 'onBeforeRequest', null, () => {});
    expect(matches(webRequest, defaultURL)).toBe(false);
  });

  it('each hook keeps its own listener', () => {
    const webRequest = new WebRequest();
    webRequest.onSendHeaders(() => {});
    expect(webRequest.listenerFor('onSendHeaders', defaultURL, 'xhr')).toBeDefined();
    expect(webRequest.listenerFor('onBeforeSendHeaders', defaultURL, 'xhr')).toBeUndefined();
    webRequest.onBeforeSendHeaders(null);
    expect(webRequest.listenerFor('onSendHeaders', defaultURL, 'xhr')).toBeDefined();
  });

  it('WebRequest is not an EventEmitter', () => {
    const webRequest = new WebRequest() as unknown as Record<string, unknown>;
    expect(webRequest['on']).toBeUndefined();
    expect(webRequest['emit']).toBeUndefined();
    expect(webRequest['addListener']).toBeUndefined();
  });
});

describe('calling convention', () => {
  it('notification listeners get only details, with the listener itself as receiver', () => {
    const webRequest = new WebRequest();
    let seen: { self: unknown; args: unknown[] } | undefined;
    const listener = function (this: unknown, ...args: unknown[]) {
      seen = { self: this, args };
    };
    webRequest.onResponseStarted(listener);
    const callback = () => {};
    webRequest.listenerFor('onResponseStarted', defaultURL, 'xhr')?.({ id: 7 }, callback);
    expect(seen).toEqual({ self: listener, args: [{ id: 7 }] });
  });

  it('blocking listeners get details and callback', () => {
    const webRequest = new WebRequest();
    const listener = jest.fn();
    webRequest.onHeadersReceived(listener);
    const callback = () => {};
    webRequest.listenerFor('onHeadersReceived', defaultURL, 'xhr')?.({ id: 7 }, callback);
    expect(listener).toHaveBeenCalledWith({ id: 7 }, callback);
  });

  it('an exception from a listener is reported as uncaught instead of reaching the caller', () => {
    const reported: unknown[] = [];
    const webRequest = new WebRequest({ reportListenerError: (error) => reported.push(error) });
    const boom = new Error('boom');
    webRequest.onCompleted(() => {
      throw boom;
    });
    expect(() => webRequest.listenerFor('onCompleted', defaultURL, 'xhr')?.({})).not.toThrow();
    expect(reported).toEqual([boom]);
  });
});

describe('argument errors', () => {
  it.each([
    ['no arguments', []],
    ['undefined', [undefined]],
    ['a string', ['listener']],
    ['a number', [42]],
    ['a filter alone', [{ urls: ['<all_urls>'] }]],
    ['a filter and a non-function', [{ urls: ['<all_urls>'] }, 'nope']],
    ['a filter and undefined', [{ urls: ['<all_urls>'] }, undefined]],
    ['a string and a function', ['filter', () => {}]],
  ])('%s → TypeError: Must pass null or a Function', (_name, args) => {
    const webRequest = new WebRequest();
    for (const hook of hooks) {
      expect(() => call(webRequest, hook, ...args)).toThrow(new TypeError('Must pass null or a Function'));
    }
  });

  it.each([
    ['an empty object', {}],
    ['urls that is not an array', { urls: '<all_urls>' }],
    ['urls with a non-string', { urls: ['<all_urls>', 1] }],
    ['an array', ['<all_urls>']],
  ])("a filter with %s → TypeError: Parameter 'filter' must have property 'urls'.", (_name, filter) => {
    const webRequest = new WebRequest();
    expect(() => call(webRequest, 'onBeforeRequest', filter, () => {})).toThrow(
      new TypeError("Parameter 'filter' must have property 'urls'."),
    );
  });

  it('an invalid pattern throws TypeError: Invalid url pattern <p>: <reason>', () => {
    const webRequest = new WebRequest();
    expect(() => webRequest.onBeforeRequest({ urls: ['*://www.googleapis.com'] }, () => {})).toThrow(
      new TypeError('Invalid url pattern *://www.googleapis.com: Empty path.'),
    );
    expect(() =>
      webRequest.onBeforeRequest({ urls: ['*://www.googleapis.com/', '*://blahblah.dev'] }, () => {}),
    ).toThrow(new TypeError('Invalid url pattern *://blahblah.dev: Empty path.'));
  });

  it('valid patterns do not throw', () => {
    const webRequest = new WebRequest();
    expect(() => webRequest.onBeforeRequest({ urls: ['*://www.googleapis.com/'] }, () => {})).not.toThrow();
  });

  it('of several invalid patterns the first in sorted order is reported, as Electron reads them into a std::set', () => {
    const webRequest = new WebRequest();
    expect(() => webRequest.onBeforeRequest({ urls: ['zzz', 'http://a.test', 'aaa'] }, () => {})).toThrow(
      'Invalid url pattern aaa: Missing scheme separator.',
    );
  });

  it('an invalid excludeUrls pattern throws the same error', () => {
    const webRequest = new WebRequest();
    expect(() =>
      webRequest.onBeforeRequest({ urls: ['<all_urls>'], excludeUrls: ['http://*foo/'] }, () => {}),
    ).toThrow(new TypeError('Invalid url pattern http://*foo/: Invalid host wildcard.'));
  });

  it('with invalid urls and excludeUrls the excludeUrls error wins, being thrown last', () => {
    const webRequest = new WebRequest();
    expect(() =>
      webRequest.onBeforeRequest({ urls: ['bad'], excludeUrls: ['http://a.test:x/'] }, () => {}),
    ).toThrow('Invalid url pattern http://a.test:x/: Invalid port.');
  });

  it('an invalid pattern still installs the listener with the patterns sorted before it, as Electron carries on after throwing', () => {
    const webRequest = new WebRequest();
    expect(() => webRequest.onBeforeRequest({ urls: ['http://a.test/*', 'zz-bad'] }, () => {})).toThrow(
      'Invalid url pattern zz-bad: Missing scheme separator.',
    );
    expect(matches(webRequest, 'http://a.test/x')).toBe(true);
    expect(matches(webRequest, 'http://b.test/x')).toBe(false);
  });

  it('an unknown type throws TypeError: Invalid type <t> and leaves the old listener in place', () => {
    const webRequest = new WebRequest();
    const old = jest.fn();
    webRequest.onBeforeRequest(old);
    expect(() =>
      call(webRequest, 'onBeforeRequest', { urls: ['<all_urls>'], types: ['xhr', 'other'] }, () => {}),
    ).toThrow(new TypeError('Invalid type other'));
    expect(() =>
      call(webRequest, 'onBeforeRequest', { urls: ['<all_urls>'], types: ['Image'] }, () => {}),
    ).toThrow('Invalid type Image');
    webRequest.listenerFor('onBeforeRequest', defaultURL, 'xhr')?.({}, () => {});
    expect(old).toHaveBeenCalledTimes(1);
  });

  it('a missing-urls error leaves the old listener in place', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: [`${defaultURL}keep/*`] }, () => {});
    expect(() => call(webRequest, 'onBeforeRequest', {}, () => {})).toThrow(TypeError);
    expect(matches(webRequest, `${defaultURL}keep/x`)).toBe(true);
  });
});

describe('filters (ported from Electron’s api-web-request-spec)', () => {
  it('urls: [] warns once that it is deprecated and then matches all URLs', () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: [] }, () => {});
    expect(emitWarning).toHaveBeenCalledTimes(1);
    expect(emitWarning).toHaveBeenCalledWith(
      "The urls array in WebRequestFilter is empty, which is deprecated. Please use '<all_urls>' to match all URLs.",
      'DeprecationWarning',
    );
    expect(emptyUrlsDeprecation).toBe(emitWarning.mock.calls[0]?.[0]);
    expect(matches(webRequest, `${defaultURL}anything`)).toBe(true);
  });

  it('can filter URLs', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: [`${defaultURL}filter/*`] }, () => {});
    expect(matches(webRequest, `${defaultURL}nofilter/test`)).toBe(false);
    expect(matches(webRequest, `${defaultURL}filter/test`)).toBe(true);
  });

  it('can filter all URLs with syntax <all_urls>', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, () => {});
    expect(matches(webRequest, `${defaultURL}filter/test`)).toBe(true);
    expect(matches(webRequest, `${defaultURL}nofilter/test`)).toBe(true);
  });

  it('excludeUrls wins over urls when both match', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest(
      { urls: [`${defaultURL}filter/*`], excludeUrls: [`${defaultURL}filter/test`] },
      () => {},
    );
    expect(matches(webRequest, `${defaultURL}filter/test`)).toBe(false);
    expect(matches(webRequest, `${defaultURL}filter/other`)).toBe(true);
  });

  it('can filter URLs with multiple excludeUrls patterns', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest(
      {
        urls: [`${defaultURL}filter/*`],
        excludeUrls: [`${defaultURL}filter/exclude1/*`, `${defaultURL}filter/exclude2/*`],
      },
      () => {},
    );
    expect(matches(webRequest, `${defaultURL}filter/exclude1/test`)).toBe(false);
    expect(matches(webRequest, `${defaultURL}filter/exclude2/test`)).toBe(false);
    expect(matches(webRequest, `${defaultURL}filter/test`)).toBe(true);
  });

  it('excludeUrls also excludes from <all_urls>', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: ['<all_urls>'], excludeUrls: ['*://*.tracker.test/*'] }, () => {});
    expect(matches(webRequest, 'https://ads.tracker.test/pixel')).toBe(false);
    expect(matches(webRequest, 'https://app.test/')).toBe(true);
  });

  it('can filter URLs with empty excludeUrls', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: [`${defaultURL}filter/*`], excludeUrls: [] }, () => {});
    expect(matches(webRequest, `${defaultURL}filter/test`)).toBe(true);
  });

  it('can filter URLs and types', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: [`${defaultURL}filter/*`], types: ['xhr'] }, () => {});
    expect(matches(webRequest, `${defaultURL}nofilter/test`, 'xhr')).toBe(false);
    expect(matches(webRequest, `${defaultURL}filter/test`, 'xhr')).toBe(true);
    webRequest.onBeforeRequest({ urls: [`${defaultURL}filter/*`], types: ['stylesheet'] }, () => {});
    expect(matches(webRequest, `${defaultURL}filter/test`, 'xhr')).toBe(false);
    expect(matches(webRequest, `${defaultURL}filter/test`, 'stylesheet')).toBe(true);
  });

  it('can filter URLs, excludeUrls and types', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest(
      { urls: [`${defaultURL}filter/*`], excludeUrls: [`${defaultURL}exclude/*`], types: ['xhr'] },
      () => {},
    );
    expect(matches(webRequest, `${defaultURL}nofilter/test`)).toBe(false);
    expect(matches(webRequest, `${defaultURL}exclude/test`)).toBe(false);
    expect(matches(webRequest, `${defaultURL}filter/test`)).toBe(true);
  });

  it('a types filter never matches requests of type other, which it cannot name', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: ['<all_urls>'], types: ['xhr', 'script'] }, () => {});
    expect(matches(webRequest, defaultURL, 'other')).toBe(false);
    expect(matches(webRequest, defaultURL, 'script')).toBe(true);
  });

  it('an empty types list matches every type', () => {
    const webRequest = new WebRequest();
    webRequest.onBeforeRequest({ urls: ['<all_urls>'], types: [] }, () => {});
    expect(matches(webRequest, defaultURL, 'other')).toBe(true);
  });

  it('malformed excludeUrls or types are ignored, as Electron does not check them', () => {
    const webRequest = new WebRequest();
    call(
      webRequest,
      'onBeforeRequest',
      { urls: ['<all_urls>'], excludeUrls: 'http://a.test/*', types: ['xhr', 3] },
      () => {},
    );
    expect(matches(webRequest, 'http://a.test/x', 'image')).toBe(true);
  });

  it('filter fields are read through getters and the prototype chain', () => {
    const webRequest = new WebRequest();
    const filter = Object.create({ urls: [`${defaultURL}proto/*`] }) as { urls: string[] };
    webRequest.onBeforeRequest(filter, () => {});
    expect(matches(webRequest, `${defaultURL}proto/x`)).toBe(true);
  });

  it('the same filter rules apply to every hook', () => {
    const webRequest = new WebRequest();
    for (const hook of hooks) {
      call(webRequest, hook, { urls: ['https://*.app.test/*'], types: ['mainFrame'] }, () => {});
      expect(webRequest.listenerFor(hook, 'https://www.app.test/', 'mainFrame')).toBeDefined();
      expect(webRequest.listenerFor(hook, 'https://www.app.test/', 'xhr')).toBeUndefined();
      expect(webRequest.listenerFor(hook, 'https://other.test/', 'mainFrame')).toBeUndefined();
    }
  });

  it('a scheme registered as standard can be filtered by host', () => {
    const webRequest = new WebRequest({ isRegisteredStandardScheme: (scheme) => scheme === 'app' });
    webRequest.onBeforeRequest({ urls: ['app://bundle/*'] }, () => {});
    expect(matches(webRequest, 'app://bundle/index.html')).toBe(true);
    expect(matches(webRequest, 'app://other/index.html')).toBe(false);
  });
});
