import { createElectronFake } from '../../src/create-electron-fake';

const target = 'http://example.com/';

function pacUrl(script: string): string {
  return `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(script).toString('base64')}`;
}

function answering(body: string): string {
  return pacUrl(`function FindProxyForURL(url, host) { ${body} }`);
}

/** Resolves `target` with `script`, then checks the session still evaluates a healthy script. */
async function resolveWith(script: string): Promise<string> {
  const { session } = createElectronFake();
  const ses = session.fromPartition('bad-pac');
  await ses.setProxy({ pacScript: script });
  const answer = await ses.resolveProxy(target);
  await ses.setProxy({ pacScript: answering('return "PROXY healthy:1";') });
  expect(await ses.resolveProxy(target)).toBe('PROXY healthy:1');
  return answer;
}

// Electron's PAC is mandatory: a script that cannot answer fails the resolution ("").
it.each([
  ['a syntax error', pacUrl('function FindProxyForURL(url, host) {')],
  ['no FindProxyForURL', pacUrl('var x = 1;')],
  ['FindProxyForURL that is not a function', pacUrl('var FindProxyForURL = 5;')],
  ['top-level code that throws', pacUrl('throw new Error("load");')],
])('a PAC script with %s resolves ""', async (_what, script) => {
  expect(await resolveWith(script)).toBe('');
});

it.each([
  ['throws an Error', 'throw new Error("boom");'],
  ['throws a string', 'throw "boom";'],
  ['returns a number', 'return 42;'],
  ['returns null', 'return null;'],
  ['returns undefined', 'return;'],
  ['returns an object with toString', 'return { toString() { return "PROXY a:1"; } };'],
  ['returns a promise', 'return Promise.resolve("PROXY a:1");'],
  ['returns a non-ASCII string', 'return "PROXY ünï:1";'],
])('FindProxyForURL that %s resolves ""', async (_what, body) => {
  expect(await resolveWith(answering(body))).toBe('');
});

// Answers are never failures: Chromium parses any string, drops bad entries, and an empty list is DIRECT.
it.each([
  ['""', 'DIRECT'],
  ['"GARBAGE xx"', 'DIRECT'],
  ['"PROXY"', 'DIRECT'],
  ['"PROXY a:b"', 'DIRECT'],
  ['"HTTP a:1"', 'DIRECT'],
  ['"DIRECT a:1"', 'DIRECT'],
  ['"PROXY a:1; GARBAGE; DIRECT"', 'PROXY a:1;DIRECT'],
  ['"  proxy A:1 ;;; direct "', 'PROXY a:1;DIRECT'],
  ['"QUIC q:1;SOCKS s"', 'SOCKS s:1080'],
])('FindProxyForURL answering %s resolves %j', async (answer, expected) => {
  expect(await resolveWith(answering(`return ${answer};`))).toBe(expected);
});

it('a PAC URL nothing listens on resolves "" and the session stays usable', async () => {
  expect(await resolveWith('http://127.0.0.1:1/missing.pac')).toBe('');
});
