import net from 'node:net';
import { HarnessError } from '../errors/harness-error';
import { isSet, resolveMode } from '../fixtures/recording-mode';

type Env = Readonly<Record<string, string | undefined>>;

/** One refused attempt to open a TCP connection. */
export interface ConnectionAttempt {
  /** `host:port` as the caller asked for it. */
  readonly target: string;
  /** Where the connection was opened from. */
  readonly stack: string;
}

export interface ConnectionGuard {
  /** Whether sockets are being refused: replay mode with `CI` set. */
  readonly active: boolean;
  /** Every attempt since the guard was installed. */
  readonly attempts: readonly ConnectionAttempt[];
  /** Returns the attempts not taken yet, and forgets them. */
  take(): ConnectionAttempt[];
  uninstall(): void;
}

/** The guard is on where fixtures must answer everything: replay mode in CI. */
export function connectionGuardActive(env: Env): boolean {
  return isSet(env['CI']) && resolveMode(undefined, env) === 'replay';
}

function targetOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  const options = (Array.isArray(first) ? first[0] : first) as unknown;
  if (typeof options === 'number' || (typeof options === 'string' && /^\d+$/.test(options)))
    return `${typeof second === 'string' ? second : 'localhost'}:${options}`;
  if (typeof options !== 'object' || options === null) return undefined;
  const { host, port, path } = options as { host?: string; port?: number | string; path?: string | null };
  // A path is a Unix socket or a pipe (Jest's own workers), never the network; http passes path: null.
  if (typeof path === 'string' && path !== '') return undefined;
  return `${host ?? 'localhost'}:${String(port)}`;
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

// Kept on the prototype, not in this module: Jest gives each test file its own
// module registry, while `node:net` is one for the whole worker.
const stateKey = Symbol.for('electron-session-fake.connection-guard.v1');
interface GuardState {
  readonly original: Connect;
  readonly listeners: Set<(attempt: ConnectionAttempt) => void>;
}
const proto = net.Socket.prototype as unknown as { connect: Connect; [stateKey]?: GuardState };

/**
 * Refuses every outgoing TCP connection (net, tls, http, undici and fetch all
 * connect through `net.Socket#connect`) and records it, when `env` says the
 * run is replay mode in CI; otherwise returns an inactive guard that records
 * nothing. The refused socket is destroyed with `LIVE_CONNECTION_IN_REPLAY`.
 */
export function installConnectionGuard(options: { env?: Env } = {}): ConnectionGuard {
  const attempts: ConnectionAttempt[] = [];
  let taken = 0;
  const active = connectionGuardActive(options.env ?? process.env);
  const listener = (attempt: ConnectionAttempt): void => void attempts.push(attempt);
  if (active) {
    proto[stateKey] ??= { original: proto.connect, listeners: new Set() };
    proto[stateKey].listeners.add(listener);
    proto.connect = refusingConnect;
  }
  let removed = !active;
  return {
    active,
    attempts,
    take: () => attempts.slice(taken, (taken = attempts.length)),
    uninstall: () => {
      const state = proto[stateKey];
      if (removed || state === undefined) return;
      removed = true;
      state.listeners.delete(listener);
      if (state.listeners.size > 0) return;
      proto.connect = state.original;
      delete proto[stateKey];
    },
  };
}

function refusingConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const target = targetOf(args);
  const state = proto[stateKey];
  if (state === undefined) throw new Error('connection guard: connect called after uninstall');
  if (target === undefined) return state.original.apply(this, args);
  const stack = new Error().stack?.split('\n').slice(2).join('\n') ?? '';
  for (const listener of state.listeners) listener({ target, stack });
  const error = new HarnessError(
    'LIVE_CONNECTION_IN_REPLAY',
    `Failed to connect to ${target}: replay in CI must answer from fixtures and may not open sockets. ` +
      'Record the missing traffic locally (NET_RECORD_MODE=record-missing) and commit the fixture.',
  );
  process.nextTick(() => this.destroy(error));
  return this;
}
