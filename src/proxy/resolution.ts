import { matchesImplicitRules } from './bypass-rules';
import type { CompiledPac } from './pac/pac-sandbox';
import { parsePacResult } from './pac/pac-result';
import { sanitizeUrlForPac } from './pac/pac-url';
import type { EffectiveProxyConfig } from './proxy-config';
import { applyProxyRules } from './proxy-rules';
import { DIRECT, type ProxyList } from './proxy-server';
import { parseRequestUrl } from './request-url';

/** The PAC script of a PAC-based configuration, once fetched (or not) and compiled (or not). */
export type PacState =
  | { readonly status: 'ready'; readonly pac: CompiledPac }
  | { readonly status: 'failed'; readonly error: string };

export type ProxyDecision =
  | { readonly ok: true; readonly list: ProxyList; readonly pacLost: boolean }
  | {
      readonly ok: false;
      readonly code: 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED' | 'ERR_INVALID_URL';
      readonly reason: string;
      /** The sandbox is gone; the script must be fetched and compiled again (ERR_PAC_SCRIPT_TERMINATED). */
      readonly pacLost: boolean;
    };

/**
 * The proxy list for one URL under one configuration — Chromium's
 * `ConfiguredProxyResolutionService::ResolveProxy` minus its state: the URL
 * is sanitised; fixed servers go through `ProxyRules::Apply`; with a PAC
 * script, localhost-class URLs are DIRECT before the script is consulted,
 * and a failure (fetch, compile or run) is an error when the PAC is mandatory
 * (Electron's `pacScript`) and DIRECT otherwise (WPAD, system `auto_proxy`).
 */
export function decideProxy(
  config: EffectiveProxyConfig,
  href: string,
  pac: PacState | undefined,
): ProxyDecision {
  const url = parseRequestUrl(href);
  if (url === undefined)
    return { ok: false, code: 'ERR_INVALID_URL', reason: `Invalid URL: ${href}`, pacLost: false };
  switch (config.kind) {
    case 'direct':
      return direct();
    case 'fixed':
      return { ok: true, list: applyProxyRules(config.rules, config.bypass, url), pacLost: false };
    case 'pac':
    case 'auto-detect': {
      if (matchesImplicitRules(url)) return direct();
      const mandatory = config.kind === 'pac' && config.mandatory;
      const fail = (reason: string, pacLost: boolean): ProxyDecision =>
        mandatory
          ? { ok: false, code: 'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', reason, pacLost }
          : { ok: true, list: [DIRECT], pacLost };
      if (pac === undefined) return fail('The PAC script is not loaded.', false);
      if (pac.status === 'failed') return fail(pac.error, false);
      const outcome = pac.pac.findProxyForUrl(sanitizeUrlForPac(url.href), url.hostNoBrackets);
      if (!outcome.ok) return fail(outcome.error, outcome.terminated);
      return { ok: true, list: parsePacResult(outcome.result), pacLost: false };
    }
  }
}

function direct(): ProxyDecision {
  return { ok: true, list: [DIRECT], pacLost: false };
}
