// ses.cookies.get({ url }) over 10,000 cookies on 1,000 registrable domains,
// against tough-cookie's own CookieJar.getCookies holding the same cookies.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createElectronFake } = require('../../dist/index.js');
const { CookieJar } = require('tough-cookie');

const domains = 1000;
const batch = 20_000;

// Ten cookies per domain: host-only and domain cookies on three path depths, as a browsing profile holds them.
function cookiesOf(i) {
  const apex = `site${i}.com`;
  const www = `www.${apex}`;
  const list = [];
  for (const [n, path] of [
    [0, '/'],
    [1, '/'],
    [2, '/app'],
    [3, '/app/v1'],
  ]) {
    list.push({ url: `https://${www}`, name: `host${n}`, path });
  }
  for (const [n, path] of [
    [0, '/'],
    [1, '/'],
    [2, '/'],
    [3, '/app'],
  ]) {
    list.push({ url: `https://${www}`, domain: apex, name: `wide${n}`, path });
  }
  list.push({ url: `https://${apex}`, name: 'apex', path: '/' });
  list.push({ url: `https://login.${apex}`, name: 'login', path: '/' });
  return list;
}

// Request URLs spread over every domain in a fixed shuffled order.
const urls = Array.from({ length: domains }, (_, k) => {
  const i = (k * 7919) % domains;
  return `https://www.site${i}.com/app/v1/items?id=${k}`;
});

export default {
  name: 'cookies.get({ url }) over 10,000 cookies on 1,000 domains',
  unit: 'calls/s',
  runs: 9,
  warmup: 3,
  async setup() {
    const { session } = createElectronFake({ transport: () => new Response('') });
    const cookies = session.defaultSession.cookies;
    const jar = new CookieJar();
    const now = Date.now() / 1000;
    // A recent access keeps cookies safe from Chromium's store-wide purge (3300 cookies, unused for 30 days).
    const times = { creationDate: now, lastAccessDate: now, expirationDate: now + 86_400 };
    let count = 0;
    for (let i = 0; i < domains; i++) {
      for (const c of cookiesOf(i)) {
        const details = { ...c, ...times, value: `v${count}`, secure: true };
        await cookies.set(details);
        const domainAttribute = c.domain === undefined ? '' : `; Domain=${c.domain}`;
        await jar.setCookie(
          `${c.name}=v${count}; Path=${c.path}${domainAttribute}; Secure; Max-Age=86400`,
          c.url,
        );
        count++;
      }
    }
    const ours = (await cookies.get({})).length;
    const theirs = (await jar.serialize()).cookies.length;
    if (ours !== 10_000 || theirs !== 10_000) throw new Error(`jars hold ${ours} and ${theirs} cookies`);
    const sample = urls[0];
    const sent = (await cookies.get({ url: sample })).length;
    const peerSent = (await jar.getCookies(sample)).length;
    if (sent !== peerSent) throw new Error(`get sends ${sent} cookies, getCookies ${peerSent}`);
    return { cookies, jar };
  },
  async ours({ cookies }) {
    for (let k = 0; k < batch; k++) await cookies.get({ url: urls[k % domains] });
    return batch;
  },
  peer: {
    name: 'tough-cookie getCookies',
    async run({ jar }) {
      for (let k = 0; k < batch; k++) await jar.getCookies(urls[k % domains]);
      return batch;
    },
  },
  // "Within 1.3× of tough-cookie": at least 1/1.3 of its rate.
  target: { atLeast: 50_000, ratioAtLeast: 0.77 },
};
