// `npm run demo`: the record-and-replay job in one command (examples/demo/README.md).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startNotesApp } from '../examples/demo/notes-app.mjs';
import { startDemoServers, testRootCertificate } from '../examples/demo/demo-servers.mjs';

const require = createRequire(import.meta.url);
const { createElectronFake } = require('../dist/index.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-session-fake-demo-'));

/** One run of the app against a fake in `mode`; returns what the app and the fake saw. */
async function run(mode, config) {
  const electron = createElectronFake({
    env: {},
    hosts: { localhost: '127.0.0.1' },
    recording: { mode, dir, name: 'notes-app' },
  });
  const { fake, session } = electron;
  // The machine trusts the company's CA, as the update server's certificate needs.
  fake.trustRootCertificate(testRootCertificate);
  const result = await startNotesApp(electron, config);
  // Chromium asks the app's permission check handler, as a page would.
  fake.checkPermission(null, 'notifications', 'https://notes.test');
  fake.checkPermission(null, 'geolocation', 'https://notes.test');
  const report = await fake.recording.finish();
  const cookies = await session.defaultSession.cookies.get({});
  // The downloaded package, read back from the fake's file system.
  const downloaded = fake.fs.readFileSync(result.download.savePath);
  return { result, report, cookies, decisions: fake.decisions, downloaded };
}

/** Counts, and refuses, every TCP connection this process tries to open. */
function guardSockets() {
  const original = net.Socket.prototype.connect;
  const guard = { attempts: 0, restore: () => (net.Socket.prototype.connect = original) };
  net.Socket.prototype.connect = function refused() {
    guard.attempts++;
    process.nextTick(() => this.destroy(new Error('the demo opened a socket while replaying')));
    return this;
  };
  return guard;
}

const decisionLine = (d) =>
  d.kind === 'certificate'
    ? `certificate for ${d.hostname} ${d.decision} (${d.result}, by ${d.madeBy})`
    : `${d.permission} for ${d.origin} ${d.decision} (by ${d.madeBy})`;
const cookieLine = (c) => `${c.name}=${c.value}${c.httpOnly ? ' (HttpOnly)' : ''} for ${c.domain}`;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const servers = await startDemoServers();
const config = {
  apiUrl: 'http://notes.test/api',
  proxyRules: servers.proxyRules,
  updatesUrl: servers.updatesUrl,
};
let recorded;
try {
  recorded = await run('record', config);
} finally {
  await servers.close();
}
const serverConnections = servers.connections;

const guard = guardSockets();
let replayed;
try {
  replayed = await run('replay', config);
} finally {
  guard.restore();
}

const har = JSON.parse(fs.readFileSync(recorded.report.fixture, 'utf8'));
const lines = [
  'electron-session-fake demo: record once against local servers, replay offline',
  '',
  `record  servers on 127.0.0.1 (${serverConnections} connections), mode record`,
  `  app: signed in as ${recorded.result.user}, ${recorded.result.notes.length} notes, update ${recorded.result.update.version}`,
  `  download: ${recorded.result.download.state}, ${recorded.result.download.bytes} bytes at ${recorded.result.download.savePath}`,
  `  ${recorded.report.recorded} requests recorded into ${recorded.report.fixture}`,
  ...har.log.entries.map(
    (e) =>
      `    ${e.request.method} ${e.request.url} → ${e.response.status}${e._proxy ? ` via ${e._proxy}` : ''}${e._tls ? ` (TLS chain of ${e._tls.chain.length})` : ''}`,
  ),
  `  cookies: ${recorded.cookies.map(cookieLine).join('; ')}`,
  ...recorded.decisions.map((d) => `  decision: ${decisionLine(d)}`),
  '',
  `replay  servers stopped, mode replay`,
  `  ${replayed.report.replayed} requests replayed, ${replayed.report.misses.length} missed, ${guard.attempts} sockets opened`,
  `  cookies: ${replayed.cookies.map(cookieLine).join('; ')}`,
  `  download: ${replayed.result.download.state}, same bytes as recorded: ${replayed.downloaded.equals(recorded.downloaded) ? 'yes' : 'NO'}`,
  ...replayed.decisions.map((d) => `  decision: ${decisionLine(d)}`),
  `  same result as recorded: ${same(replayed.result, recorded.result) ? 'yes' : 'NO'}`,
  `  same decisions as recorded: ${same(replayed.decisions.map(decisionLine), recorded.decisions.map(decisionLine)) ? 'yes' : 'NO'}`,
  '',
  'The session cookie is stored redacted (REDACTED_session) and still signs the replayed requests in.',
  `Open ${recorded.report.fixture} in Chrome DevTools (Network → Import HAR file) to look at it.`,
];
console.log(lines.join('\n'));

const ok =
  replayed.report.misses.length === 0 &&
  guard.attempts === 0 &&
  same(replayed.result, recorded.result) &&
  replayed.result.download.state === 'completed' &&
  replayed.downloaded.equals(recorded.downloaded) &&
  replayed.report.replayed === recorded.report.recorded;
if (!ok) {
  for (const miss of replayed.report.misses) console.error(miss.message);
  process.exitCode = 1;
}
