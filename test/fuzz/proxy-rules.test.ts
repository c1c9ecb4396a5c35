import fc from 'fast-check';
import { parseBypassRules } from '../../src/proxy/bypass-rules';
import { parsePacResult } from '../../src/proxy/pac/pac-result';
import { applyProxyRules, parseProxyRules } from '../../src/proxy/proxy-rules';
import { formatPacString } from '../../src/proxy/proxy-server';
import { parseRequestUrl } from '../../src/proxy/request-url';
import { fuzzParameters } from '../helpers/fuzz';
import { PAC_STRING, proxyText as ruleText } from '../helpers/pac-string';

const host = fc.constantFrom(
  'localhost',
  'a.b',
  'x',
  '127.0.0.2',
  '[::1]',
  '169.254.9.9',
  'example.com',
  'foo.localhost',
  '10.1.2.3',
  '[fe80::1]',
);
const url = fc
  .tuple(fc.constantFrom('http', 'https', 'ws', 'wss', 'ftp'), host, fc.constantFrom('', ':8080'))
  .map(([s, h, p]) => `${s}://${h}${p}/`);

it('the proxyRules and bypass parsers never throw and always print the PAC-string grammar', () => {
  fc.assert(
    fc.property(ruleText, ruleText, url, (rules, bypass, target) => {
      const parsed = parseRequestUrl(target);
      if (parsed === undefined) return;
      const answer = formatPacString(
        applyProxyRules(parseProxyRules(rules), parseBypassRules(bypass), parsed),
      );
      expect(answer).toMatch(PAC_STRING);
    }),
    fuzzParameters(4, 1000),
  );
});

it('PAC results always parse to a non-empty list in the PAC-string grammar', () => {
  fc.assert(
    fc.property(ruleText, (text) => {
      const answer = formatPacString(parsePacResult(text));
      expect(answer).not.toBe('');
      expect(answer).toMatch(PAC_STRING);
    }),
    fuzzParameters(4, 1000),
  );
});

it('adding <-loopback> never turns a proxied URL direct', () => {
  fc.assert(
    fc.property(ruleText, ruleText, url, (rules, bypass, target) => {
      const parsed = parseRequestUrl(target);
      if (parsed === undefined) return;
      const proxyRules = parseProxyRules(rules);
      const before = formatPacString(applyProxyRules(proxyRules, parseBypassRules(bypass), parsed));
      const after = formatPacString(
        applyProxyRules(proxyRules, parseBypassRules(`${bypass},<-loopback>`), parsed),
      );
      if (before !== 'DIRECT') expect(after).not.toBe('DIRECT');
    }),
    fuzzParameters(4, 1000),
  );
});

it('without <-loopback>, localhost, loopback and link-local hosts always go DIRECT, whatever the rules', () => {
  const implicit = fc
    .tuple(
      fc.constantFrom('http', 'https', 'ws', 'wss'),
      fc.constantFrom(
        'localhost',
        'foo.localhost',
        '127.0.0.1',
        '127.9.9.9',
        '[::1]',
        '169.254.1.1',
        '[fe80::1]',
      ),
      fc.constantFrom('', ':8080'),
    )
    .map(([s, h, p]) => `${s}://${h}${p}/`);
  fc.assert(
    fc.property(
      ruleText,
      ruleText.filter((bypass) => !bypass.includes('<-loopback>')),
      implicit,
      (rules, bypass, target) => {
        const parsed = parseRequestUrl(target);
        expect(parsed).toBeDefined();
        const answer = formatPacString(
          applyProxyRules(parseProxyRules(rules), parseBypassRules(bypass), parsed!),
        );
        expect(answer).toBe('DIRECT');
      },
    ),
    fuzzParameters(5, 1000),
  );
});
