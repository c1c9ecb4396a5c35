import { nextTask, type Clock, type TimerHandle } from '../clock/clock';
import { NetError } from '../errors/net-error';
import { BAD_PROXY_RETRY_MS, deprioritizeBadProxies } from './bad-proxies';
import { compilePac, DEFAULT_PAC_LIMITS, type PacLimits } from './pac/pac-sandbox';
import { loadPacScript, PacFetchError } from './pac/pac-script-source';
import { DIRECT_CONFIG, normalizeProxyConfig, type EffectiveProxyConfig } from './proxy-config';
import { formatPacString, formatProxyUri, type ProxyChoice } from './proxy-server';
import { decideProxy, type PacState, type ProxyDecision } from './resolution';

export type { ProxyChoice } from './proxy-server';

export interface ProxyResolutionEnv {
  /**
   * Fetches an http(s) PAC/WPAD script through the network context and returns
   * its text, or throws. Chromium fetches it bypassing the proxy and the cache
   * (LOAD_BYPASS_PROXY | LOAD_DISABLE_CACHE): it must not call back into this
   * resolver. `data:` URLs are decoded here and never reach it.
   */
  fetchScript(url: string): Promise<string>;
  /** The fake's DNS (host map): addresses of a host, or undefined. */
  resolveHost(host: string): string[] | undefined;
  clock: Clock;
  /** Process-environment proxy variables used for mode 'system' (the fake's stand-in for OS settings). */
  systemEnv: Record<string, string | undefined>;
}

export interface ProxyResolverOptions {
  readonly pacLimits?: PacLimits;
  /** Where PAC `alert()` messages go (Chromium logs them to the NetLog). */
  readonly onPacAlert?: (message: string) => void;
}

// PacFileFetcherImpl gives up on a PAC download after this long.
const PAC_FETCH_TIMEOUT_MS = 30_000;
const WPAD_URL = 'http://wpad/wpad.dat';

interface PacLoad {
  readonly generation: number;
  readonly state: Promise<PacState>;
}

/**
 * A network context's proxy service (Chromium's
 * `ConfiguredProxyResolutionService`, with Electron's `setProxy` glue): one
 * per session, and one for `app.setProxy`'s system context.
 *
 * Decisions are made by the pure `decideProxy`; this class only holds state:
 * the configuration, the PAC script (fetched lazily on the first resolution,
 * compiled once, reused), the bad-proxy list, and the FIFO queue that answers
 * resolutions one at a time in call order.
 */
export class ProxyResolver {
  readonly #env: ProxyResolutionEnv;
  readonly #options: ProxyResolverOptions;
  #config: EffectiveProxyConfig = DIRECT_CONFIG;
  #configKey: string | undefined;
  /** Bumped whenever the configuration is reset; work started under an older one is discarded. */
  #generation = 0;
  #pac: PacLoad | undefined;
  readonly #badProxies = new Map<string, number>();
  readonly #jobs: (() => Promise<void>)[] = [];
  #draining = false;

  constructor(env: ProxyResolutionEnv, options: ProxyResolverOptions = {}) {
    this.#env = env;
    this.#options = options;
  }

  /**
   * `ses.setProxy`: rejects with Electron's message for an unknown mode;
   * otherwise applies the configuration and resolves on a later task. Setting
   * the same configuration again changes nothing (the pref is unchanged).
   */
  async setConfig(config: unknown): Promise<void> {
    const normalized = normalizeProxyConfig(config, this.#env.systemEnv);
    if (!normalized.ok) throw new Error(normalized.message);
    if (normalized.key !== this.#configKey) {
      this.#configKey = normalized.key;
      this.#config = normalized.config;
      this.#reset();
    }
    await nextTask();
  }

  /** `ses.forceReloadProxyConfig`: drops the PAC script and bad-proxy list; a PAC script is fetched again now. */
  async forceReload(): Promise<void> {
    this.#reset();
    if (this.#config.kind === 'pac' || this.#config.kind === 'auto-detect') void this.#loadPac();
    await nextTask();
  }

  /** `ses.resolveProxy`: Chromium's PAC-string form; `''` on any failure, never rejects. */
  resolveProxy(url: string): Promise<string> {
    return this.#enqueue(async () => {
      const decision = await this.#decide(url);
      return decision.ok ? formatPacString(decision.list) : '';
    });
  }

  /**
   * The ordered choices for a request (DIRECT is `scheme: 'direct'`), bad
   * proxies last. Rejects with `net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED`
   * when a mandatory PAC script fails. An empty list is possible (a single-list
   * `proxyRules` whose entries were all invalid): Chromium then fails the
   * request with `net::ERR_NO_SUPPORTED_PROXIES`.
   */
  resolveProxyList(url: string): Promise<ProxyChoice[]> {
    return this.#enqueue(async () => {
      const decision = await this.#decide(url);
      if (!decision.ok) throw new NetError(decision.code, { cause: new Error(decision.reason) });
      return [...decision.list];
    });
  }

  /** Records that a proxy failed: for 5 minutes of the fake's clock it is tried last. */
  markProxyBad(choice: ProxyChoice): void {
    if (choice.scheme === 'direct') return;
    this.#badProxies.set(formatProxyUri(choice), this.#env.clock.now() + BAD_PROXY_RETRY_MS);
  }

  /** Releases the PAC sandbox. */
  dispose(): void {
    this.#reset();
  }

  /** `ResetProxyConfig`: forget the PAC script and the bad proxies. */
  #reset(): void {
    this.#generation++;
    this.#badProxies.clear();
    this.#dropPac();
  }

  #dropPac(): void {
    const old = this.#pac;
    this.#pac = undefined;
    void old?.state.then((state) => {
      if (state.status === 'ready') state.pac.dispose();
    });
  }

  async #decide(url: string): Promise<ProxyDecision> {
    for (;;) {
      const generation = this.#generation;
      const config = this.#config;
      const usesPac = config.kind === 'pac' || config.kind === 'auto-detect';
      const pac = usesPac ? await this.#loadPac() : undefined;
      // The configuration changed while the script loaded: start over with the new one.
      if (generation !== this.#generation) continue;
      const decision = decideProxy(config, url, pac);
      if (decision.pacLost) this.#dropPac();
      if (!decision.ok) return decision;
      return {
        ...decision,
        list: deprioritizeBadProxies(decision.list, this.#badProxies, this.#env.clock.now()),
      };
    }
  }

  #loadPac(): Promise<PacState> {
    if (this.#pac?.generation === this.#generation) return this.#pac.state;
    const config = this.#config;
    const state = this.#fetchAndCompile(config);
    this.#pac = { generation: this.#generation, state };
    return state;
  }

  async #fetchAndCompile(config: EffectiveProxyConfig): Promise<PacState> {
    try {
      let url: string;
      if (config.kind === 'pac') url = config.url;
      else if (config.kind === 'auto-detect') {
        // PacFileDecider's quick check: WPAD is only fetched when the name `wpad` resolves.
        if ((this.#env.resolveHost('wpad') ?? []).length === 0)
          throw new PacFetchError('net::ERR_NAME_NOT_RESOLVED (wpad)');
        url = WPAD_URL;
      } else throw new PacFetchError('No PAC script in this configuration.');
      const script = await withTimeout(
        loadPacScript(url, (u) => this.#env.fetchScript(u)),
        this.#env.clock,
      );
      const pac = await compilePac(
        script,
        {
          resolveHost: (host) => this.#env.resolveHost(host),
          now: () => this.#env.clock.now(),
          ...(this.#options.onPacAlert === undefined ? {} : { alert: this.#options.onPacAlert }),
        },
        this.#options.pacLimits ?? DEFAULT_PAC_LIMITS,
      );
      return { status: 'ready', pac };
    } catch (error) {
      return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  #enqueue<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#jobs.push(() => job().then(resolve, reject));
      if (!this.#draining) void this.#drain();
    });
  }

  /** Answers queued resolutions one at a time, starting on a later task (a network-service round trip). */
  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      await nextTask();
      for (let job = this.#jobs.shift(); job !== undefined; job = this.#jobs.shift()) await job();
    } finally {
      this.#draining = false;
    }
  }
}

function withTimeout<T>(work: Promise<T>, clock: Clock): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer: TimerHandle = clock.setTimeout(
      () => reject(new PacFetchError('net::ERR_TIMED_OUT (PAC fetch)')),
      PAC_FETCH_TIMEOUT_MS,
    );
    work.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
