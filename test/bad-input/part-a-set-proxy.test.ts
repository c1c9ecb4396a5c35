import { createElectronFake } from '../../src/create-electron-fake';

type Loose = (...args: unknown[]) => Promise<unknown>;

const modeMessage = 'Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system';
const target = 'http://example.com/';

/** A session already sending everything through `PROXY before:1`. */
async function proxiedSession() {
  const electron = createElectronFake();
  const ses = electron.session.fromPartition('bad-proxy');
  await ses.setProxy({ proxyRules: 'before:1' });
  return { ...electron, ses };
}

it.each([[{ mode: 'invalid' }], [{ mode: 'DIRECT' }], [{ mode: '' }], [{ mode: 'pac_script ' }]])(
  'setProxy(%j) rejects with Electron message and keeps the previous configuration',
  async (config) => {
    const { ses } = await proxiedSession();
    await expect((ses.setProxy as Loose)(config)).rejects.toThrow(new Error(modeMessage));
    expect(await ses.resolveProxy(target)).toBe('PROXY before:1');
  },
);

it.each([[undefined], [null], [42], ['http=x:1'], [[]], [() => undefined]])(
  'setProxy(%p), not a dictionary, reads as {} like gin: fixed_servers with no rules, so DIRECT',
  async (config) => {
    const { ses } = await proxiedSession();
    await expect((ses.setProxy as Loose)(config)).resolves.toBeUndefined();
    expect(await ses.resolveProxy(target)).toBe('DIRECT');
  },
);

it.each([
  [{ mode: 42, proxyRules: 'x:1' }, 'PROXY x:1'],
  [{ mode: null, proxyRules: 'x:1' }, 'PROXY x:1'],
  [{ proxyRules: 42 }, 'DIRECT'],
  [{ proxyRules: 'x:1', proxyBypassRules: ['example.com'] }, 'PROXY x:1'],
  [{ pacScript: 42, proxyRules: 'x:1' }, 'PROXY x:1'],
])('setProxy(%j): a member of the wrong type counts as absent', async (config, expected) => {
  const { ses } = await proxiedSession();
  await (ses.setProxy as Loose)(config);
  expect(await ses.resolveProxy(target)).toBe(expected);
});

it.each([
  [{ proxyRules: 'x:99999' }, ''],
  [{ proxyRules: 'x:-1' }, ''],
  [{ proxyRules: 'x:abc' }, ''],
  [{ proxyRules: 'user:pass@x:1' }, ''],
  [{ proxyRules: 'x:1/path' }, ''],
  [{ proxyRules: 'foo://x:1' }, ''],
  [{ proxyRules: '[::1' }, ''],
  [{ proxyRules: ';;;' }, 'DIRECT'],
  [{ proxyRules: 'http=' }, 'PROXY http:80'],
  [{ proxyRules: 'x:99999,y:2' }, 'PROXY y:2'],
  [{ proxyRules: 'http=x:99999' }, 'DIRECT'],
  [{ proxyRules: 'p:1', proxyBypassRules: '[[[,http://,://x,-443' }, 'PROXY p:1'],
  [{ proxyRules: 'p:1', proxyBypassRules: 'example.com/path' }, 'PROXY p:1'],
  [{ proxyRules: 'p:1', proxyBypassRules: 'example.com:99999' }, 'PROXY p:1'],
  [{ proxyRules: 'p:1', proxyBypassRules: 'example.com;<local>' }, 'DIRECT'],
])(
  'setProxy(%j) never rejects: bad proxy entries and bypass rules are dropped (resolves %j)',
  async (config, expected) => {
    const { ses } = await proxiedSession();
    await expect(ses.setProxy(config)).resolves.toBeUndefined();
    expect(await ses.resolveProxy(target)).toBe(expected);
  },
);

it.each([
  ['not a url', 'DIRECT'],
  ['/srv/proxy.pac', 'DIRECT'],
  ['', 'DIRECT'],
  ['file:///srv/proxy.pac', ''],
  ['ftp://127.0.0.1/proxy.pac', ''],
  ['javascript:1', ''],
  ['http://127.0.0.1:1/proxy.pac', ''],
])(
  'mode pac_script with pacScript %j: an unparseable URL degrades to DIRECT, an unfetchable one fails (%j)',
  async (pacScript, expected) => {
    const { ses } = await proxiedSession();
    await expect(ses.setProxy({ mode: 'pac_script', pacScript })).resolves.toBeUndefined();
    expect(await ses.resolveProxy(target)).toBe(expected);
  },
);

it('the callback form gets no call for a rejected mode, and the promise still rejects', async () => {
  const { ses } = await proxiedSession();
  const calls: unknown[] = [];
  await expect((ses.setProxy as Loose)({ mode: 'nope' }, () => calls.push('called'))).rejects.toThrow(
    modeMessage,
  );
  expect(calls).toEqual([]);
  expect(await ses.resolveProxy(target)).toBe('PROXY before:1');
});

it('app.setProxy with a bad mode rejects with the same message and leaves the system context unchanged', async () => {
  const { app } = createElectronFake();
  await app.setProxy({ proxyRules: 'system:1' });
  await expect(app.setProxy({ mode: 'bogus' as never })).rejects.toThrow(new Error(modeMessage));
  expect(await app.resolveProxy(target)).toBe('PROXY system:1');
});

it.each([[undefined], [42], ['x:1']])(
  'app.setProxy(%p), not a dictionary, reads as {} (DIRECT)',
  async (config) => {
    const { app } = createElectronFake();
    await app.setProxy({ proxyRules: 'system:1' });
    await expect((app.setProxy as Loose)(config)).resolves.toBeUndefined();
    expect(await app.resolveProxy(target)).toBe('DIRECT');
  },
);

it.each([[undefined], [42], ['not a url'], [''], [{}]])(
  'resolveProxy(%p) resolves "" and the next resolution still answers',
  async (url) => {
    const { ses } = await proxiedSession();
    await expect((ses.resolveProxy as Loose)(url)).resolves.toBe('');
    expect(await ses.resolveProxy(target)).toBe('PROXY before:1');
  },
);
