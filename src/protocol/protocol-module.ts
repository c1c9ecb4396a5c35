import type { Runtime } from '../runtime/runtime';
import type { SessionModule } from '../session/session-module';
import { Protocol } from './protocol';

/** @see https://www.electronjs.org/docs/latest/api/structures/custom-scheme */
export interface CustomScheme {
  scheme: string;
  privileges?: {
    standard?: boolean;
    secure?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
    codeCache?: boolean;
    allowExtensions?: boolean;
  };
}

type ProtocolMethods = Omit<Protocol, 'handlerFor'>;

/** The `protocol` module: `defaultSession.protocol`'s methods plus the before-ready scheme registry. */
export type ProtocolModule = ProtocolMethods & {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
  /** @internal Schemes registered as privileged, for cookies (standard schemes) and fetch. */
  readonly privilegedSchemes: ReadonlyMap<string, Required<NonNullable<CustomScheme['privileges']>>>;
};

const privilegeNames = [
  'standard',
  'secure',
  'bypassCSP',
  'allowServiceWorkers',
  'supportFetchAPI',
  'corsEnabled',
  'stream',
  'codeCache',
  'allowExtensions',
] as const;

export function createProtocolModule(runtime: Runtime, sessions: SessionModule): ProtocolModule {
  const privileged = runtime.privilegedSchemes;
  const module = {
    registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
      if (runtime.app.isReady()) {
        throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      }
      if (!Array.isArray(customSchemes)) throw new Error('Argument must be an array of custom schemes.');
      for (const custom of customSchemes) {
        if (typeof custom !== 'object' || custom === null || typeof custom.scheme !== 'string') {
          throw new Error('Argument must be an array of custom schemes.');
        }
        const given = custom.privileges ?? {};
        if (given.codeCache === true && given.standard !== true) {
          throw new Error(
            'Code cache can only be enabled when the custom scheme is registered as standard scheme.',
          );
        }
        const privileges = Object.fromEntries(privilegeNames.map((n) => [n, given[n] === true])) as Required<
          NonNullable<CustomScheme['privileges']>
        >;
        privileged.set(custom.scheme, privileges);
      }
    },
    get privilegedSchemes() {
      return privileged;
    },
  } as unknown as ProtocolModule;
  for (const name of Object.getOwnPropertyNames(Protocol.prototype)) {
    if (name === 'constructor' || name === 'handlerFor') continue;
    Object.defineProperty(module, name, {
      enumerable: true,
      value: (...args: unknown[]) =>
        (sessions.defaultSession.protocol as unknown as Record<string, (...a: unknown[]) => unknown>)[name]?.(
          ...args,
        ),
    });
  }
  return module;
}
