import fc from 'fast-check';
import { WebRequest, type WebRequestHookName } from '../../src/web-request/web-request';
import { filterResourceTypes } from '../../src/web-request/web-request-resource-type';
import { anyOf, fuzzParameters } from '../helpers/fuzz';

// URLPattern::GetParseResultString texts Electron puts after "Invalid url pattern <pattern>: ".
const reasons = [
  'Missing scheme separator.',
  'Wrong scheme type.',
  'Host can not be empty.',
  'Invalid host wildcard.',
  'Empty path.',
  'Invalid port.',
  'Invalid host.',
];
const electronMessage = new RegExp(
  "^(Parameter 'filter' must have property 'urls'\\.|Invalid type .*|Must pass null or a Function" +
    `|Invalid url pattern .*: ${anyOf(reasons)})$`,
  's',
);

// Every hook setter WebRequest has (Electron's eight).
const hooks = Object.getOwnPropertyNames(WebRequest.prototype).filter((name): name is WebRequestHookName =>
  /^on[A-Z]/.test(name),
);

const pattern = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        '*',
        'http',
        'https',
        'ws',
        'wss',
        'ftp',
        'file',
        'data',
        'about',
        'app',
        'chrome-extension',
        '',
        'HTTP',
      ),
      fc.constantFrom('://', ':', ':/', ''),
      fc.constantFrom(
        '*',
        '*.',
        '*.a.test',
        'a.test',
        'a*b',
        '[::1]',
        '[::1',
        '127.0.0.1',
        '',
        'ü.test',
        'a.test.',
      ),
      fc.constantFrom('', ':80', ':*', ':x', ':65536', ':0', ':'),
      fc.constantFrom('/', '/*', '', '/a/*', '/a?b*', '/%zz', '//'),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('<all_urls>', '*://*/*'),
  fc.string(),
);
const strings = fc.array(
  fc.oneof({ arbitrary: pattern, weight: 5 }, { arbitrary: fc.anything(), weight: 1 }),
  {
    maxLength: 4,
  },
);
const filter = fc.oneof(
  fc.record(
    {
      urls: fc.oneof(strings, fc.anything()),
      excludeUrls: fc.oneof(strings, fc.anything()),
      types: fc.oneof(
        fc.array(fc.oneof(fc.constantFrom(...filterResourceTypes), fc.string()), { maxLength: 3 }),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
const listener = fc.constantFrom<unknown>(() => undefined, null, undefined, 'listener', {});
const targets = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'http://a.test/',
    'https://x.a.test:8443/a/b?c',
    'file:///etc/hosts',
    'data:,x',
    'app://h/',
  ),
);

let warn: jest.SpyInstance;
beforeEach(() => {
  // Empty `urls` makes Electron emit a deprecation warning; thousands of them are noise here.
  warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

/** Calls a hook setter as JavaScript callers can; returns the thrown error, if any. */
function setListener(webRequest: WebRequest, hook: WebRequestHookName, args: unknown[]): unknown {
  try {
    (webRequest[hook] as (...params: unknown[]) => void)(...args);
    return undefined;
  } catch (error) {
    return error;
  }
}

it('has the eight hooks', () => {
  expect(hooks).toHaveLength(8);
});

it("setting a listener with any filter either succeeds or throws one of Electron's TypeErrors, and matching never throws", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...hooks),
      fc.array(fc.oneof(filter, listener), { maxLength: 3 }),
      targets,
      fc.constantFrom(...filterResourceTypes),
      (hook, args, url, type) => {
        const webRequest = new WebRequest();
        const error = setListener(webRequest, hook, args);
        if (error !== undefined) {
          expect(error).toBeInstanceOf(TypeError);
          expect((error as TypeError).message).toMatch(electronMessage);
        }
        expect(() => webRequest.listenerFor(hook, url, type)).not.toThrow();
      },
    ),
    fuzzParameters(51, 500),
  );
});

it('a refused filter leaves the registered listener as it was; a bad url pattern still sets the listener', () => {
  fc.assert(
    fc.property(filter, targets, (input, url) => {
      const webRequest = new WebRequest();
      const first = jest.fn();
      webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, first);
      const before = webRequest.listenerFor('onBeforeRequest', url, 'xhr');
      const second = (): void => undefined;
      const error = setListener(webRequest, 'onBeforeRequest', [input, second]);
      const message = error === undefined ? '' : (error as Error).message;
      if (error === undefined || message.startsWith('Invalid url pattern ')) {
        // The listener is replaced (it may match nothing): the first one is gone for good.
        const now = webRequest.listenerFor('onBeforeRequest', url, 'xhr');
        if (now !== undefined) expect(now).not.toBe(before);
      } else {
        expect(webRequest.listenerFor('onBeforeRequest', url, 'xhr')).toBe(before);
      }
    }),
    fuzzParameters(52, 500),
  );
});
