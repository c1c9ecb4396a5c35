import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';
import { PAC_BINDINGS, PAC_UTILITIES } from './pac-library';
import {
  dnsResolve,
  dnsResolveEx,
  isInNetEx,
  isPlainHostName,
  myIpAddress,
  myIpAddressEx,
  sortIpAddressList,
  type HostLookup,
} from './pac-natives';
import { newQuickJSInstance } from './quickjs-module';

/** What a PAC script may learn from the host. */
export interface PacHost {
  /** The fake's DNS (its host map). */
  readonly resolveHost: HostLookup;
  /** Milliseconds since the epoch, from the fake's Clock; drives `Date` in the sandbox. */
  now(): number;
  /** The machine's own addresses for `myIpAddress[Ex]`; none by default (Chromium's failure values). */
  readonly myIpAddresses?: readonly string[];
  alert?(message: string): void;
}

/** Sandbox limits. The CPU budget counts QuickJS interrupt polls, never wall time. */
export interface PacLimits {
  readonly memoryBytes: number;
  readonly stackBytes: number;
  /** Interrupt polls allowed per entry into the sandbox (QuickJS polls about every 10,000 calls and loop iterations). */
  readonly interruptBudget: number;
}

export const DEFAULT_PAC_LIMITS: PacLimits = Object.freeze({
  memoryBytes: 16 * 1024 * 1024,
  // Deep enough for a few thousand `else if` branches, shallow enough that
  // plain JS recursion overflows inside QuickJS before Node's own stack does.
  stackBytes: 384 * 1024,
  interruptBudget: 400,
});

export type PacOutcome =
  | { readonly ok: true; readonly result: string }
  /** `terminated`: the sandbox was lost (it must be compiled again), as ERR_PAC_SCRIPT_TERMINATED. */
  | { readonly ok: false; readonly error: string; readonly terminated: boolean };

export interface CompiledPac {
  /** Calls `FindProxyForURL(url, host)` synchronously; the returned string is not parsed yet. */
  findProxyForUrl(url: string, host: string): PacOutcome;
  dispose(): void;
}

export class PacCompileError extends Error {
  override readonly name = 'PacCompileError';
}

const SCRIPT_NAME = 'proxy-pac-script.js';
// A self-renewing promise chain must not hold the host for long; the rest waits for the next call.
const MAX_JOBS_PER_CALL = 10_000;

/**
 * Loads a PAC script into a fresh QuickJS WebAssembly sandbox: the native
 * bindings, the PAC utility library, then the script, whose global
 * `FindProxyForURL` must be a function. Global state persists across calls
 * until the script is compiled again. Rejects with a PacCompileError.
 */
export async function compilePac(
  script: string,
  host: PacHost,
  limits: PacLimits = DEFAULT_PAC_LIMITS,
): Promise<CompiledPac> {
  // ProxyResolverV8::Create fails on an empty script.
  if (script === '') throw new PacCompileError('The PAC script is empty.');
  const quickjs = await newQuickJSInstance();
  const runtime = quickjs.newRuntime();
  const sandbox = new Sandbox(runtime, limits);
  try {
    sandbox.load(script, host);
  } catch (error) {
    sandbox.dispose();
    throw error;
  }
  return sandbox;
}

/** Guest helpers, unreachable from the script: read the entry point, describe an exception. */
const HELPERS = String.raw`(function () {
  var g = globalThis;
  return [
    function entryPoint() { return g.FindProxyForURL; },
    function describe(e) {
      try {
        if (e instanceof Error) return e.name + ': ' + e.message;
        return String(e);
      } catch (x) {
        return 'exception';
      }
    },
  ];
})()`;

type Result = ReturnType<QuickJSContext['evalCode']>;

class Sandbox implements CompiledPac {
  readonly #runtime: QuickJSRuntime;
  readonly #vm: QuickJSContext;
  readonly #limits: PacLimits;
  #entryPoint: QuickJSHandle | undefined;
  #describe: QuickJSHandle | undefined;
  #polls = 0;
  /** Set when the host's own stack overflowed inside WebAssembly: the instance may be inconsistent. */
  #lost = false;
  #disposed = false;

  constructor(runtime: QuickJSRuntime, limits: PacLimits) {
    this.#runtime = runtime;
    this.#limits = limits;
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(limits.stackBytes);
    runtime.setInterruptHandler(() => ++this.#polls > this.#limits.interruptBudget);
    this.#vm = runtime.newContext();
  }

  load(script: string, host: PacHost): void {
    const vm = this.#vm;
    this.#enter(() => {
      const helpers = this.#check(vm.evalCode(HELPERS, 'proxy-pac-helpers.js'));
      this.#entryPoint = vm.getProp(helpers, 0);
      this.#describe = vm.getProp(helpers, 1);
      helpers.dispose();
      this.#installBindings(host);
      this.#check(vm.evalCode(PAC_UTILITIES, 'proxy-pac-utility-script.js')).dispose();
    });
    this.#enter(() => {
      this.#check(vm.evalCode(script, SCRIPT_NAME)).dispose();
      this.#runJobs();
    });
    const fn = this.#enter(() =>
      this.#check(vm.callFunction(this.#entryPoint as QuickJSHandle, vm.undefined)),
    );
    const isFunction = vm.typeof(fn) === 'function';
    fn.dispose();
    if (!isFunction) throw new PacCompileError('FindProxyForURL is undefined or not a function.');
  }

  findProxyForUrl(url: string, host: string): PacOutcome {
    if (this.#lost || this.#disposed)
      return { ok: false, error: 'The PAC sandbox was lost.', terminated: true };
    try {
      return this.#enter(() => {
        const outcome = this.#call(url, host);
        this.#runJobs();
        return outcome;
      });
    } catch (error) {
      if (this.#lost) return { ok: false, error: 'The PAC script terminated fatally.', terminated: true };
      return { ok: false, error: error instanceof Error ? error.message : String(error), terminated: false };
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    // A lost instance is never touched again; dropping it frees its memory.
    if (this.#lost) return;
    try {
      this.#entryPoint?.dispose();
      this.#describe?.dispose();
      this.#vm.dispose();
      this.#runtime.dispose();
    } catch {
      // Disposing must never take the host down; the instance is dropped either way.
    }
  }

  #call(url: string, host: string): PacOutcome {
    const vm = this.#vm;
    // Chromium reads FindProxyForURL again for every request.
    const fn = this.#check(vm.callFunction(this.#entryPoint as QuickJSHandle, vm.undefined));
    try {
      if (vm.typeof(fn) !== 'function') {
        return { ok: false, error: 'FindProxyForURL is undefined or not a function.', terminated: false };
      }
      const args = [vm.newString(url), vm.newString(host)];
      const result = vm.callFunction(fn, vm.global, ...args);
      for (const arg of args) arg.dispose();
      const value = this.#check(result);
      try {
        if (vm.typeof(value) !== 'string') {
          return { ok: false, error: 'FindProxyForURL() did not return a string.', terminated: false };
        }
        const text = vm.getString(value);
        if (!/^[\x00-\x7f]*$/.test(text)) {
          return {
            ok: false,
            error: `FindProxyForURL() returned a non-ASCII string: ${text}`,
            terminated: false,
          };
        }
        return { ok: true, result: text };
      } finally {
        value.dispose();
      }
    } finally {
      fn.dispose();
    }
  }

  /**
   * Settles promise jobs the call queued (a microtask checkpoint), under a
   * fresh budget, so they cannot pile up across calls; their errors are ignored.
   */
  #runJobs(): void {
    if (!this.#runtime.hasPendingJob()) return;
    this.#polls = 0;
    const result = this.#runtime.executePendingJobs(MAX_JOBS_PER_CALL);
    if (result.error !== undefined) result.error.dispose();
  }

  /** Runs one entry into the sandbox with a fresh CPU budget. */
  #enter<T>(body: () => T): T {
    this.#polls = 0;
    try {
      return body();
    } catch (error) {
      // Guest exceptions arrive as PacCompileError (#check); anything else
      // escaped from inside WebAssembly (in practice Node's "Maximum call stack
      // size exceeded"), so QuickJS did not unwind cleanly.
      if (!(error instanceof PacCompileError)) this.#lost = true;
      throw error;
    }
  }

  /** Unwraps a QuickJS result; a guest exception becomes a PacCompileError with its description. */
  #check(result: Result): QuickJSHandle {
    if (result.error === undefined) return result.value;
    const message = this.#describeError(result.error);
    result.error.dispose();
    throw new PacCompileError(`Uncaught ${message}`);
  }

  #describeError(error: QuickJSHandle): string {
    const vm = this.#vm;
    if (this.#describe === undefined) return 'exception';
    // Describing may run guest code (a getter, toString): give it its own budget.
    this.#polls = 0;
    const described = vm.callFunction(this.#describe, vm.undefined, error);
    if (described.error !== undefined) {
      described.error.dispose();
      return 'exception';
    }
    const text = vm.typeof(described.value) === 'string' ? vm.getString(described.value) : 'exception';
    described.value.dispose();
    return text;
  }

  #installBindings(host: PacHost): void {
    const vm = this.#vm;
    const addresses = host.myIpAddresses ?? [];
    const str = (h: QuickJSHandle | undefined): string => (h === undefined ? '' : vm.getString(h));
    const optionalString = (value: string | null | undefined): QuickJSHandle =>
      value === undefined ? vm.undefined : value === null ? vm.null : vm.newString(value);
    const natives: Record<string, (...args: QuickJSHandle[]) => QuickJSHandle | undefined> = {
      alert: (message) => {
        host.alert?.(str(message));
        return undefined;
      },
      myIpAddress: () => vm.newString(myIpAddress(addresses)),
      myIpAddressEx: () => vm.newString(myIpAddressEx(addresses)),
      dnsResolve: (name) => optionalString(dnsResolve(str(name), host.resolveHost)),
      dnsResolveEx: (name) => optionalString(dnsResolveEx(str(name), host.resolveHost)),
      isPlainHostName: (name) => (isPlainHostName(str(name)) ? vm.true : vm.false),
      sortIpAddressList: (list) => {
        const sorted = sortIpAddressList(str(list));
        return sorted === false ? vm.false : optionalString(sorted);
      },
      isInNetEx: (ip, prefix) => (isInNetEx(str(ip), str(prefix)) ? vm.true : vm.false),
      now: () => vm.newNumber(host.now()),
    };
    const object = vm.newObject();
    for (const [name, fn] of Object.entries(natives)) {
      const handle = vm.newFunction(name, fn);
      vm.setProp(object, name, handle);
      handle.dispose();
    }
    const install = this.#check(vm.evalCode(PAC_BINDINGS, 'proxy-pac-bindings.js'));
    const done = vm.callFunction(install, vm.undefined, object);
    install.dispose();
    object.dispose();
    this.#check(done).dispose();
  }
}
