// The servers the demo records against, all on 127.0.0.1: an HTTP proxy that
// serves the notes API for http://notes.test, and an HTTPS update server with
// a certificate from the repository's test CA (test/fixtures/tls).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tlsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'tls');
const tls = (name) => fs.readFileSync(path.join(tlsDir, name), 'utf8');
export const testRootCertificate = tls('root-cert.pem');
/** 64 KiB of fixed binary bytes standing in for an update package. */
export const updatePackage = Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 31 + 7) % 256));

const notes = [
  { id: 1, title: 'Buy milk' },
  { id: 2, title: 'Record the API once, replay it offline' },
];

function notesApi(req, res, body) {
  const url = new URL(req.url, 'http://notes.test');
  res.setHeader('content-type', 'application/json');
  if (req.method === 'POST' && url.pathname === '/api/login') {
    const { user } = JSON.parse(body || '{}');
    res.setHeader('set-cookie', `session=${randomBytes(12).toString('hex')}; Path=/; HttpOnly`);
    res.end(JSON.stringify({ user }));
  } else if (url.pathname === '/api/notes') {
    const signedIn = /(^|; )session=/.test(req.headers.cookie ?? '');
    res.statusCode = signedIn ? 200 : 401;
    res.end(JSON.stringify(signedIn ? notes : { error: 'sign in first' }));
  } else {
    res.statusCode = 404;
    res.end('{}');
  }
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

function withBody(handler) {
  return (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  };
}

export async function startDemoServers() {
  // The proxy receives absolute URLs (http://notes.test/api/…) and answers them itself.
  const proxy = http.createServer(withBody(notesApi));
  const updates = https.createServer(
    { key: tls('server-key.pem'), cert: tls('server-cert.pem') + tls('intermediate-cert.pem') },
    (req, res) => {
      if (req.url === '/notes-2.4.0.zip') {
        // The update package: binary bytes, served as an attachment.
        res.setHeader('content-type', 'application/zip');
        res.setHeader('content-disposition', 'attachment; filename="notes-2.4.0.zip"');
        res.end(updatePackage);
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ version: '2.4.0', notes: 'Faster sync', package: '/notes-2.4.0.zip' }));
    },
  );
  const [proxyPort, updatesPort] = await Promise.all([listen(proxy), listen(updates)]);
  let connections = 0;
  for (const server of [proxy, updates]) server.on('connection', () => connections++);
  return {
    proxyRules: `http=127.0.0.1:${proxyPort}`,
    updatesUrl: `https://localhost:${updatesPort}`,
    get connections() {
      return connections;
    },
    close: () =>
      Promise.all(
        [proxy, updates].map(
          (server) =>
            new Promise((resolve) => {
              server.closeAllConnections();
              server.close(resolve);
            }),
        ),
      ),
  };
}
