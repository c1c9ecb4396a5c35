import { nextTask, type Clock } from '../clock/clock';
import type { ProxyHop } from '../transports/transport';
import { parseProxyRules, rulesFor, formatPacString, type ParsedRules } from './proxy-rules';
import { parseBypassRules, bypasses, type BypassRules } from './bypass-rules';
import { evaluatePac } from './pac-sandbox';

export interface ProxyResolutionEnv {
  fetchScript(url: string): Promise<string>;
  resolveHost(host: string): string[] | undefined;
  clock: Clock;
  systemEnv: Record<string, string | undefined>;
}

type Mode = 'direct' | 'auto_detect' | 'pac_script' | 'fixed_servers' | 'system';
const modes = new Set<Mode>(['direct', 'auto_detect', 'pac_script', 'fixed_servers', 'system']);

interface Active {
  mode: Mode;
  rules: ParsedRules | undefined;
  bypass: BypassRules;
  pacUrl: string | undefined;
  pacScript: string | undefined;
}

/**
 * A session's proxy service (Chromium `ConfiguredProxyResolutionService`):
 * holds the `setProxy` configuration and answers `resolveProxy` one call at a
 * time, in call order, never rejecting (`''` on failure).
 */
export class ProxyResolver {
  readonly #env: ProxyResolutionEnv;
  #active: Active = {
    mode: 'direct',
    rules: undefined,
    bypass: parseBypassRules(''),
    pacUrl: undefined,
    pacScript: undefined,
  };
  #queue: Promise<unknown> = Promise.resolve();

  constructor(env: ProxyResolutionEnv) {
    this.#env = env;
  }

  async setConfig(config: unknown): Promise<void> {
    const c = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
    const pacScript = typeof c['pacScript'] === 'string' ? c['pacScript'] : '';
    const proxyRules = typeof c['proxyRules'] === 'string' ? c['proxyRules'] : '';
    const bypassRules = typeof c['proxyBypassRules'] === 'string' ? c['proxyBypassRules'] : '';
    let mode: Mode;
    if (c['mode'] === undefined) mode = pacScript !== '' ? 'pac_script' : 'fixed_servers';
    else if (typeof c['mode'] === 'string' && modes.has(c['mode'] as Mode)) mode = c['mode'] as Mode;
    else
      throw new Error(
        'Invalid mode, must be one of direct, auto_detect, pac_script, fixed_servers or system',
      );
    const active: Active = {
      mode,
      rules: undefined,
      bypass: parseBypassRules(''),
      pacUrl: undefined,
      pacScript: undefined,
    };
    if (mode === 'fixed_servers' && proxyRules !== '') {
      active.rules = parseProxyRules(proxyRules);
      active.bypass = parseBypassRules(bypassRules);
    } else if (mode === 'pac_script' && pacScript !== '') active.pacUrl = pacScript;
    else if (mode === 'auto_detect') active.pacUrl = 'http://wpad/wpad.dat';
    else if (mode === 'system') {
      const env = this.#env.systemEnv;
      const http = env['HTTP_PROXY'] ?? env['http_proxy'];
      const https = env['HTTPS_PROXY'] ?? env['https_proxy'];
      const parts = [
        http ? `http=${http.replace(/^https?:\/\//, '').replace(/\/$/, '')}` : '',
        https ? `https=${https.replace(/^https?:\/\//, '').replace(/\/$/, '')}` : '',
      ].filter(Boolean);
      if (parts.length > 0) {
        active.rules = parseProxyRules(parts.join(';'));
        active.bypass = parseBypassRules(env['NO_PROXY'] ?? env['no_proxy'] ?? '');
      }
    }
    this.#active = active;
    // setProxy resolves on a later task; it does not wait for the network stack.
    await nextTask();
  }

  async forceReload(): Promise<void> {
    this.#active = { ...this.#active, pacScript: undefined };
    await nextTask();
  }

  resolveProxy(url: string): Promise<string> {
    return this.#enqueue(async () => {
      try {
        return formatPacString(await this.#resolve(url));
      } catch {
        return '';
      }
    });
  }

  resolveProxyList(url: string): Promise<ProxyHop[]> {
    return this.#enqueue(() => this.#resolve(url));
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #resolve(url: string): Promise<ProxyHop[]> {
    const active = this.#active;
    const target = new URL(url);
    if (active.pacUrl !== undefined) {
      active.pacScript ??= await this.#env.fetchScript(active.pacUrl);
      return evaluatePac(active.pacScript, target, this.#env);
    }
    if (active.rules === undefined || bypasses(active.bypass, target))
      return [{ scheme: 'direct', host: '', port: 0 }];
    return rulesFor(active.rules, target);
  }
}
