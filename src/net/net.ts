import type { Runtime } from '../runtime/runtime';
import type { SessionModule } from '../session/session-module';
import { internalsOf } from '../session/session-internals';
import { ClientRequest } from './client-request';
import type { IncomingMessage } from './incoming-message';
import type { ClientRequestConstructorOptions, ParsedRequestOptions } from './request-options';
import type { SessionFetchInit } from './session-fetch';

/** Electron's `net` module (main process). @see https://www.electronjs.org/docs/latest/api/net */
export interface Net {
  request(
    options: ClientRequestConstructorOptions | string,
    callback?: (response: IncomingMessage) => void,
  ): ClientRequest;
  fetch(input: string | Request, init?: SessionFetchInit): Promise<Response>;
  isOnline(): boolean;
  readonly online: boolean;
  resolveHost(host: string, options?: object): Promise<unknown>;
}

export function createNet(runtime: Runtime, sessions: SessionModule): Net {
  const lookup = (options: ParsedRequestOptions) => {
    if (options.session !== undefined && options.session !== null) {
      try {
        return internalsOf(options.session);
      } catch {
        throw new TypeError('`session` should be an instance of the Session class');
      }
    }
    if (options.partition !== undefined && options.partition !== '')
      return internalsOf(sessions.fromPartition(options.partition));
    return internalsOf(sessions.defaultSession);
  };
  return {
    request(options, callback) {
      if (!runtime.app.isReady()) throw new Error('net module can only be used after app is ready');
      return new ClientRequest(options, callback, lookup);
    },
    fetch(input, init) {
      return sessions.defaultSession.fetch(input, init);
    },
    // The operating system's connectivity; session network emulation does not change it.
    isOnline() {
      return runtime.online;
    },
    get online() {
      return runtime.online;
    },
    resolveHost(host, options) {
      const session = sessions.defaultSession as unknown as {
        resolveHost(h: string, o?: object): Promise<unknown>;
      };
      return session.resolveHost(host, options);
    },
  };
}
