import { createElectronFake } from '../../src/create-electron-fake';

/**
 * Hostile PAC scripts, end to end through `ses.setProxy({ pacScript })` and
 * `ses.resolveProxy`. Each script answers `PROXY escaped:1` only if its trick
 * worked, so a sandbox that let it through fails the test. Electron makes every
 * `pacScript` mandatory, and when the PAC script throws or answers a non-string
 * (proxy_resolver_v8.cc: "FindProxyForURL() did not return a string.") the
 * network service hands `ResolveProxyHelper::OnProxyLookupComplete` no
 * ProxyInfo, so `resolveProxy` resolves `""` (chromium-proxy.md §3.1, §5.5).
 */

const pac = (script: string): string =>
  `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(script)}`;
const findProxy = (body: string): string => `function FindProxyForURL(url, host) { ${body} }`;

type Session = ReturnType<typeof createElectronFake>['session']['defaultSession'];

/** Sets `script` as the PAC script of a new fake's default session and resolves one URL. */
async function resolveWith(script: string): Promise<{ answer: string; ses: Session }> {
  const { session } = createElectronFake();
  const ses = session.defaultSession;
  await ses.setProxy({ mode: 'pac_script', pacScript: pac(script) });
  return { answer: await ses.resolveProxy('http://example.com/'), ses };
}

/** The same session evaluates an ordinary PAC script right after, and the host's built-ins are untouched. */
async function expectHealthy(ses: Session): Promise<void> {
  await ses.setProxy({
    mode: 'pac_script',
    pacScript: pac(findProxy('return isPlainHostName(host) ? "DIRECT" : "PROXY ok:80";')),
  });
  expect(await ses.resolveProxy('http://example.com/')).toBe('PROXY ok:80');
  expect(await ses.resolveProxy('http://intranet/')).toBe('DIRECT');
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(String({})).toBe('[object Object]');
  expect([1, 2].join('-')).toBe('1-2');
  expect(typeof process.exit).toBe('function');
}

async function expectFailsInside(script: string): Promise<void> {
  const { answer, ses } = await resolveWith(script);
  expect(answer).toBe('');
  await expectHealthy(ses);
}

describe("what resolveProxy answers when the PAC script fails (Electron's mandatory PAC)", () => {
  it('a script that throws resolves ""', async () => {
    await expectFailsInside(findProxy('throw new Error("boom");'));
  });

  it('a script that answers a non-string resolves ""', async () => {
    await expectFailsInside(findProxy('return null;'));
  });

  it('a script that answers an empty or junk string resolves DIRECT: answers are never failures', async () => {
    expect((await resolveWith(findProxy('return "";'))).answer).toBe('DIRECT');
    expect((await resolveWith(findProxy('return "JUNK ; PROXY";'))).answer).toBe('DIRECT');
  });
});

describe('scripts that try to reach the host fail inside the sandbox', () => {
  it.each([
    ['process', 'return "PROXY escaped:" + (process.pid ? 1 : 1);'],
    [
      'process.mainModule.require',
      'process.mainModule.require("child_process").execSync("true"); return "PROXY escaped:1";',
    ],
    ['require', 'require("fs").readFileSync("/etc/hosts"); return "PROXY escaped:1";'],
    ['module and exports', 'module.exports = {}; return "PROXY escaped:1";'],
    ['globalThis.process', 'return "PROXY escaped:" + globalThis.process.pid;'],
    ['this.process.binding', 'this.process.binding("fs"); return "PROXY escaped:1";'],
    [
      "a sloppy function's this",
      'var g = (function () { return this; })(); g.require("fs"); return "PROXY escaped:1";',
    ],
    ['the Function constructor', 'Function("return process")().exit(1); return "PROXY escaped:1";'],
    [
      'constructor.constructor',
      'this.constructor.constructor("return process")().exit(1); return "PROXY escaped:1";',
    ],
    [
      "a literal's constructor chain",
      '({}).__proto__.constructor.constructor("return require")()("fs"); return "PROXY escaped:1";',
    ],
    [
      "a binding's constructor",
      'dnsResolve.constructor("return process")().exit(1); return "PROXY escaped:1";',
    ],
    [
      'the async function constructor',
      'Object.getPrototypeOf(async function () {}).constructor("return process")(); return process.pid ? "PROXY escaped:1" : "";',
    ],
    [
      'a caller chain',
      'var c = FindProxyForURL.caller; return "PROXY escaped:" + c.constructor("return process")().pid;',
    ],
    [
      "V8's Error.prepareStackTrace",
      'Error.prepareStackTrace = function (e, frames) { return frames[frames.length - 1].getThis(); }; return "PROXY escaped:" + new Error().stack.process.pid;',
    ],
    [
      'WebAssembly',
      'new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); return "PROXY escaped:1";',
    ],
    [
      "QuickJS's std and os modules",
      'std.loadFile("/etc/hosts"); os.exec(["true"]); return "PROXY escaped:1";',
    ],
    ['Buffer', 'Buffer.from("x"); return "PROXY escaped:1";'],
    ['setTimeout', 'setTimeout(function () {}, 0); return "PROXY escaped:1";'],
  ])('through %s', async (_name, body) => {
    await expectFailsInside(findProxy(body));
  });

  it('through a dynamic import', async () => {
    await expectFailsInside(
      'var fs; import("fs").then(function (m) { fs = m; }); ' +
        findProxy('if (fs === undefined) throw new Error("not loaded"); return "PROXY escaped:1";'),
    );
  });

  it('through a static import', async () => {
    await expectFailsInside('import fs from "fs"; ' + findProxy('return "PROXY escaped:1";'));
  });
});

describe("prototype pollution stays in the sandbox and the host's prototypes stay clean", () => {
  it('polluting every built-in prototype, then throwing', async () => {
    await expectFailsInside(
      'Object.prototype.polluted = "yes"; Object.prototype.toString = function () { return "PROXY evil:1"; };' +
        'Array.prototype.join = function () { return "PROXY evil:1"; }; String.prototype.valueOf = null;' +
        'Function.prototype.call = null; Object.freeze(Object.prototype);' +
        findProxy('throw ({}).polluted;'),
    );
  });

  it('redefining Object, String and JSON globally, then answering an object', async () => {
    await expectFailsInside(
      'Object = function () { return "PROXY evil:1"; }; String = Object; JSON.stringify = Object;' +
        findProxy('return new Object();'),
    );
  });
});

describe('answers that are not plain strings resolve ""', () => {
  it.each([
    ['an object with toString', 'return { toString: function () { return "PROXY evil:1"; } };'],
    ['an object with valueOf', 'return { valueOf: function () { return "PROXY evil:1"; } };'],
    [
      'an object with Symbol.toPrimitive',
      'var o = {}; o[Symbol.toPrimitive] = function () { return "PROXY evil:1"; }; return o;',
    ],
    ['a String object', 'return new String("PROXY evil:1");'],
    ['an array', 'return ["PROXY evil:1"];'],
    [
      'a Proxy',
      'return new Proxy({}, { get: function () { return function () { return "PROXY evil:1"; }; } });',
    ],
    [
      'an object whose getters loop forever',
      'return { get length() { for (;;) {} }, toString: function () { for (;;) {} } };',
    ],
    ['a symbol', 'return Symbol("PROXY evil:1");'],
    ['a function', 'return function () { return "PROXY evil:1"; };'],
    ['a promise', 'return Promise.resolve("PROXY evil:1");'],
    ['a number', 'return 80;'],
    ['a boolean', 'return true;'],
    ['undefined', 'return;'],
    ['a BigInt', 'return 10n;'],
    ['a non-ASCII string', 'return "PROXY évil:1";'],
  ])('%s', async (_name, body) => {
    await expectFailsInside(findProxy(body));
  });

  it('a thrown object whose toString or name never returns', async () => {
    await expectFailsInside(findProxy('throw { toString: function () { for (;;) {} } };'));
    await expectFailsInside(
      findProxy(
        'var e = new Error("x"); Object.defineProperty(e, "name", { get: function () { for (;;) {} } }); throw e;',
      ),
    );
  });
});

describe('runaway scripts are stopped', () => {
  it('an infinite loop in FindProxyForURL is interrupted', async () => {
    await expectFailsInside(findProxy('for (;;) {}'));
  });

  it('an infinite loop at the top level fails the script load', async () => {
    await expectFailsInside('while (true) {} ' + findProxy('return "PROXY escaped:1";'));
  });

  it('an infinite loop in a FindProxyForURL getter is interrupted', async () => {
    await expectFailsInside(
      'Object.defineProperty(this, "FindProxyForURL", { get: function () { for (;;) {} } });',
    );
  });

  it('a loop that catches its own interruption is still stopped', async () => {
    await expectFailsInside(findProxy('for (;;) { try { for (;;) {} } catch (e) {} }'));
  });

  it('deep recursion overflows the sandbox stack', async () => {
    await expectFailsInside(
      'function f(n) { return f(n + 1) + 1; } ' + findProxy('return "PROXY escaped:" + f(0);'),
    );
  });

  it('recursion through getters and toString overflows the sandbox stack', async () => {
    await expectFailsInside(
      'var o = { toString: function () { return "" + o; } }; ' + findProxy('return "PROXY escaped:" + o;'),
    );
  });

  it('nesting deep enough to overflow the host stack loses only that sandbox', async () => {
    await expectFailsInside(
      findProxy('var a = []; for (var i = 0; i < 200000; i++) a = [a]; return JSON.stringify(a);'),
    );
  });
});

describe('huge allocations fail inside the sandbox, and the host keeps its memory', () => {
  it.each([
    ['a gigabyte string', 'return "x".repeat(1e9);'],
    ['a string doubled forever', 'var s = "x"; for (;;) s += s; '],
    ['a hundred-million-element array', 'return String(new Array(1e8).fill(1).length);'],
    ['a gigabyte ArrayBuffer', 'return "PROXY escaped:" + new ArrayBuffer(1e9).byteLength;'],
    ['an array grown forever', 'var a = []; for (;;) a.push({ n: a.length });'],
    ['an answer larger than the memory limit', 'return "PROXY a:1;".repeat(8 * 1024 * 1024);'],
  ])('%s', async (_name, body) => {
    const before = process.memoryUsage().rss;
    await expectFailsInside(findProxy(body));
    // Had the allocation reached the host it would have taken a gigabyte or more.
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  });

  it('a large answer within the limit is a list, as Chromium parses any string', async () => {
    const { answer } = await resolveWith(findProxy('return "PROXY a:1;".repeat(100000);'));
    expect(answer.split(';')).toHaveLength(100_000);
    expect(answer.startsWith('PROXY a:1;PROXY a:1')).toBe(true);
  });
});
