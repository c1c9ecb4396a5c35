import { compilePac, PacCompileError, type PacHost, type PacOutcome } from '../../src/proxy/pac/pac-sandbox';

const host: PacHost = { resolveHost: () => undefined, now: () => 0 };

async function once(
  script: string,
  url = 'http://example.com/',
  hostName = 'example.com',
): Promise<PacOutcome> {
  const pac = await compilePac(script, host);
  try {
    return pac.findProxyForUrl(url, hostName);
  } finally {
    pac.dispose();
  }
}

const fails = (error: string): PacOutcome => ({ ok: false, error, terminated: false });

it.each([
  ['', 'The PAC script is empty.'],
  ['var x = 1;', 'FindProxyForURL is undefined or not a function.'],
  ['var FindProxyForURL = "DIRECT";', 'FindProxyForURL is undefined or not a function.'],
  ['function FindProxyForURL(url, host) {', /^Uncaught SyntaxError/],
  ['throw "crash!"; function FindProxyForURL() {}', 'Uncaught crash!'],
  [
    'Object.defineProperty(this, "FindProxyForURL", { get: function () { throw "crash!"; } });',
    'Uncaught crash!',
  ],
  ['for (;;) {} function FindProxyForURL() {}', 'Uncaught InternalError: interrupted'],
])('compiling %j fails with %s', async (script, message) => {
  await expect(compilePac(script, host)).rejects.toThrow(PacCompileError);
  await expect(compilePac(script, host)).rejects.toThrow(message);
});

it.each([
  ['return undefined;'],
  ['return 1;'],
  ['return function () {};'],
  ['return {};'],
  ['return null;'],
  ['return new String("DIRECT");'],
])('FindProxyForURL that does %s fails: it did not return a string', async (body) => {
  expect(await once(`function FindProxyForURL(url, host) { ${body} }`)).toEqual(
    fails('FindProxyForURL() did not return a string.'),
  );
});

it('a non-ASCII answer fails, an empty one is accepted', async () => {
  expect(await once('function FindProxyForURL() { return "PROXY fü:80"; }')).toMatchObject({
    ok: false,
    terminated: false,
  });
  expect(await once('function FindProxyForURL() { return ""; }')).toEqual({ ok: true, result: '' });
});

it('an exception thrown by FindProxyForURL fails the call', async () => {
  expect(await once('function FindProxyForURL() { return undefined_variable; }')).toEqual(
    fails("Uncaught ReferenceError: 'undefined_variable' is not defined"),
  );
});

it('FindProxyForURL receives the URL and host as given, with the global object as this', async () => {
  expect(
    await once(
      'function FindProxyForURL(url, host) { return [url, host, arguments.length, this === globalThis].join("|"); }',
      'ftp://query.com:90/path',
      'query.com',
    ),
  ).toEqual({ ok: true, result: 'ftp://query.com:90/path|query.com|2|true' });
});

it('global state persists between calls and a new compilation starts afresh', async () => {
  const script = 'var count = 0; function FindProxyForURL() { return "PROXY sideffect_" + count++; }';
  const first = await compilePac(script, host);
  expect([0, 1, 2].map(() => first.findProxyForUrl('http://a/', 'a'))).toEqual(
    ['PROXY sideffect_0', 'PROXY sideffect_1', 'PROXY sideffect_2'].map((result) => ({ ok: true, result })),
  );
  const second = await compilePac(script, host);
  expect(second.findProxyForUrl('http://a/', 'a')).toEqual({ ok: true, result: 'PROXY sideffect_0' });
  first.dispose();
  second.dispose();
});

it('top-level code may call the bindings while the script loads', async () => {
  expect(
    await once('var me = myIpAddress(); function FindProxyForURL() { return "PROXY " + me + ":80"; }'),
  ).toEqual({
    ok: true,
    result: 'PROXY 127.0.0.1:80',
  });
});

it('FindProxyForURL is looked up again for every call', async () => {
  const pac = await compilePac(
    'function FindProxyForURL() { FindProxyForURL = function () { return "second"; }; return "first"; }',
    host,
  );
  expect([pac.findProxyForUrl('http://a/', 'a'), pac.findProxyForUrl('http://a/', 'a')]).toEqual([
    { ok: true, result: 'first' },
    { ok: true, result: 'second' },
  ]);
  pac.dispose();
});

it.each([
  ['typeof process', 'undefined'],
  ['typeof require', 'undefined'],
  ['typeof module', 'undefined'],
  ['typeof Buffer', 'undefined'],
  ['typeof WebAssembly', 'undefined'],
  ['typeof std + typeof os', 'undefinedundefined'],
  ['typeof Function("return this")().process', 'undefined'],
  ['typeof (function () { return this; })().process', 'undefined'],
  ['typeof this.constructor.constructor("return typeof process")()', 'string'],
  ['this.constructor.constructor("return typeof process")()', 'undefined'],
  ['typeof globalThis.native + typeof globalThis.__pacNative', 'undefinedundefined'],
  ['Object.getOwnPropertyNames(globalThis).filter(function (n) { return /native/i.test(n); }).join()', ''],
  [
    '(function () { try { return String(dnsResolve.constructor("return process")()); } catch (e) { return e.name; } })()',
    'ReferenceError',
  ],
])('the sandbox has no way out: %s is %j', async (expression, expected) => {
  expect(await once(`function FindProxyForURL() { return String(${expression}); }`)).toEqual({
    ok: true,
    result: expected,
  });
});

it('a dynamic import loads nothing', async () => {
  const pac = await compilePac(
    'var state = "pending"; import("fs").then(function () { state = "loaded"; }, function () { state = "rejected"; }); function FindProxyForURL() { return state; }',
    host,
  );
  expect(pac.findProxyForUrl('http://a/', 'a')).toEqual({ ok: true, result: 'rejected' });
  pac.dispose();
});

it('promise jobs run after each call and an endless chain of them is stopped', async () => {
  const pac = await compilePac(
    'var n = 0; function spin() { n++; Promise.resolve().then(spin); } function FindProxyForURL(url, host) { if (host === "spin") spin(); return "n" + n; }',
    host,
  );
  expect(pac.findProxyForUrl('http://spin/', 'spin')).toEqual({ ok: true, result: 'n1' });
  const after = pac.findProxyForUrl('http://a/', 'a');
  expect(after.ok && Number(after.result.slice(1)) > 1000).toBe(true);
  pac.dispose();
});

it('prototype pollution inside the sandbox does not reach the host', async () => {
  const result = await once(
    'Object.prototype.polluted = "yes"; Array.prototype.push = null; String.prototype.toString = null; function FindProxyForURL() { return ({}).polluted; }',
  );
  expect(result).toEqual({ ok: true, result: 'yes' });
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(typeof Array.prototype.push).toBe('function');
});

it('an infinite loop is stopped by the interrupt budget and the script stays usable', async () => {
  const pac = await compilePac(
    'function FindProxyForURL(url, host) { if (host === "hang") for (;;) {} return "PROXY ok:1"; }',
    host,
  );
  expect(pac.findProxyForUrl('http://hang/', 'hang')).toEqual(fails('Uncaught InternalError: interrupted'));
  expect(pac.findProxyForUrl('http://kittens/', 'kittens')).toEqual({ ok: true, result: 'PROXY ok:1' });
  pac.dispose();
});

it('the interrupt cannot be caught by the script', async () => {
  expect(
    await once('function FindProxyForURL() { try { for (;;) {} } catch (e) { return "caught"; } }'),
  ).toEqual(fails('Uncaught InternalError: interrupted'));
});

it('deep recursion overflows the sandbox stack, catchably, like V8 RangeError', async () => {
  expect(
    await once('function f(n) { return f(n + 1) + 1; } function FindProxyForURL() { return String(f(0)); }'),
  ).toEqual(fails('Uncaught InternalError: stack overflow'));
  expect(
    await once(
      'function f(n) { try { return f(n + 1); } catch (e) { return n; } } function FindProxyForURL() { return f(0) > 100 ? "deep" : "shallow"; }',
    ),
  ).toEqual({ ok: true, result: 'deep' });
});

it.each([
  ['"x".repeat(1e9)'],
  ['new Array(1e8).fill(1).length'],
  ['(function () { var a = []; for (;;) a.push("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" + a.length); })()'],
])('a huge allocation (%s) fails inside the sandbox', async (expression) => {
  const outcome = await once(`function FindProxyForURL() { return String(${expression}); }`);
  expect(outcome.ok).toBe(false);
});

it('recursion deep enough to overflow the host stack loses only that sandbox', async () => {
  const pac = await compilePac(
    'function FindProxyForURL() { var a = []; for (var i = 0; i < 200000; i++) a = [a]; return JSON.stringify(a); }',
    host,
  );
  expect(pac.findProxyForUrl('http://a/', 'a')).toMatchObject({ ok: false, terminated: true });
  expect(pac.findProxyForUrl('http://a/', 'a')).toMatchObject({ ok: false, terminated: true });
  pac.dispose();
  expect(await once('function FindProxyForURL() { return "DIRECT"; }')).toEqual({
    ok: true,
    result: 'DIRECT',
  });
});

it('a long else-if chain, as generated PAC files have, compiles', async () => {
  const branches = Array.from(
    { length: 1500 },
    (_, i) => `if (dnsDomainIs(host, ".d${i}.test")) return "PROXY p${i}:80";`,
  );
  const script = `function FindProxyForURL(url, host) {\n${branches.join('\nelse ')}\nelse return "DIRECT"; }`;
  expect(await once(script, 'http://www.d1499.test/', 'www.d1499.test')).toEqual({
    ok: true,
    result: 'PROXY p1499:80',
  });
});
