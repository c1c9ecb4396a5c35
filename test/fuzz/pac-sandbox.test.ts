import fc from 'fast-check';
import { parsePacResult } from '../../src/proxy/pac/pac-result';
import { compilePac, type CompiledPac, type PacHost } from '../../src/proxy/pac/pac-sandbox';
import { formatPacString } from '../../src/proxy/proxy-server';
import { fuzzParameters } from '../helpers/fuzz';
import { PAC_STRING } from '../helpers/pac-string';

const host: PacHost = { resolveHost: () => ['10.0.0.1'], now: () => Date.UTC(2026, 0, 1) };

// One sandbox runs every case (compiling one costs a WebAssembly instance); the
// script evaluates the code the URL's query carries, so state left by one case
// (pollution, redefined globals) is there for the next, as in a long-lived PAC.
const EVAL_SCRIPT =
  'function FindProxyForURL(url, host) { return eval(decodeURIComponent(url.slice(url.indexOf("?") + 1))); }';

const fragments = fc.constantFrom(
  '"PROXY a:1"',
  '"DIRECT"',
  '"é"',
  'for (;;) {}',
  'while (true) {}',
  '(function f() { return f(); })()',
  '"x".repeat(1e9)',
  'new Array(1e8).fill(0)',
  'Object.prototype.polluted = 1',
  'Object.prototype.toString = function () { return "PROXY evil:1"; }',
  'String.prototype.valueOf = null',
  'this.constructor.constructor("return process")()',
  'Function("return this")()',
  'require("fs")',
  'process.exit(1)',
  'import("fs")',
  'Promise.resolve().then(function () { for (;;) {} })',
  'new Proxy({}, { get: function () { throw 1; } })',
  'throw { toString: function () { for (;;) {} } }',
  'Symbol()',
  '10n',
  'dnsResolve(host)',
  'isPlainHostName(1)',
  'alert({ toString: function () { throw 2; } })',
  'JSON.stringify',
  'new Date().getTime()',
  'return',
  'throw',
  'new',
  'this',
  'host',
  'url',
  '+',
  ';',
  ',',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '.',
  '=',
  ' ',
);
const code = fc.array(fragments, { maxLength: 8 }).map((parts) => parts.join(' '));

let pac: CompiledPac;
const compile = (): Promise<CompiledPac> => compilePac(EVAL_SCRIPT, host);
beforeAll(async () => {
  pac = await compile();
});
afterAll(() => pac.dispose());

it('any code in a PAC script ends in an answer or a failure inside the sandbox, never in the host', async () => {
  const outcomes = { answers: 0, failures: 0, lost: 0 };
  await fc.assert(
    fc.asyncProperty(code, async (text) => {
      const outcome = pac.findProxyForUrl(`http://a.test/?${encodeURIComponent(text)}`, 'a.test');
      outcomes[outcome.ok ? 'answers' : outcome.terminated ? 'lost' : 'failures']++;
      if (outcome.ok) {
        expect(outcome.result).toMatch(/^[\x00-\x7f]*$/);
        expect(formatPacString(parsePacResult(outcome.result))).toMatch(PAC_STRING);
      } else {
        expect(typeof outcome.error).toBe('string');
        // A lost sandbox is compiled again, as the resolver does.
        if (outcome.terminated) {
          pac.dispose();
          pac = await compile();
        }
      }
      expect(Object.keys(Object.prototype)).toEqual([]);
    }),
    fuzzParameters(61, 300),
  );
  expect(outcomes.answers).toBeGreaterThan(0);
  expect(outcomes.failures).toBeGreaterThan(0);
  expect(pac.findProxyForUrl('http://a.test/?%22PROXY%20ok%3A1%22', 'a.test')).toEqual({
    ok: true,
    result: 'PROXY ok:1',
  });
});
