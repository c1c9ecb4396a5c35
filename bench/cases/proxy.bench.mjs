// Proxy resolution through a session: fixed rules with 1,000 bypass entries,
// and a PAC script against pac-resolver (QuickJS as well) on the same script.
import { createRequire } from 'node:module';
import { getQuickJS } from '@tootallnate/quickjs-emscripten';
import { createPacResolver } from 'pac-resolver';

const require = createRequire(import.meta.url);
const { createElectronFake } = require('../../dist/index.js');

const bypass = Array.from({ length: 1000 }, (_, i) =>
  i % 2 === 0 ? `*.host${i}.example` : `10.${i % 250}.0.0/16`,
).join(',');
const urls = Array.from({ length: 1000 }, (_, i) => `https://www.site${i}.test/path?q=${i}`);

const pacScript = `
function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || dnsDomainIs(host, ".corp.example")) return "DIRECT";
  if (shExpMatch(url, "*://*.images.example/*")) return "PROXY images-proxy:3128";
  if (localHostOrDomainIs(host, "www.site1.test")) return "PROXY special:8080";
  return "PROXY proxy.example:8080; DIRECT";
}`;

export default [
  {
    name: 'resolveProxy, fixed rules + 1,000 bypass rules',
    unit: 'resolutions/s',
    async setup() {
      const { session } = createElectronFake();
      const ses = session.fromPartition('bench-rules');
      await ses.setProxy({ proxyRules: 'http=proxy:80;https=proxy:443', proxyBypassRules: bypass });
      return { ses };
    },
    async ours({ ses }) {
      await Promise.all(urls.map((url) => ses.resolveProxy(url)));
      return urls.length;
    },
    target: { atLeast: 100000 },
  },
  {
    name: 'PAC evaluations through resolveProxy',
    unit: 'evaluations/s',
    async setup() {
      const { session } = createElectronFake();
      const ses = session.fromPartition('bench-pac');
      await ses.setProxy({
        mode: 'pac_script',
        pacScript: `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pacScript)}`,
      });
      await ses.resolveProxy(urls[0]);
      // pac-resolver 7 with its own QuickJS build is what proxy-agent (and so most of npm) runs.
      const findProxy = createPacResolver(await getQuickJS(), pacScript);
      return { ses, findProxy };
    },
    async ours({ ses }) {
      await Promise.all(urls.map((url) => ses.resolveProxy(url)));
      return urls.length;
    },
    peer: {
      name: 'pac-resolver',
      async run({ findProxy }) {
        for (const url of urls) await findProxy(url);
        return urls.length;
      },
    },
    target: { atLeast: 10000, ratioAtLeast: 1 },
  },
];
