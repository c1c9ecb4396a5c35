import type {
  OnBeforeRedirectListener,
  OnBeforeRequestListener,
  OnBeforeSendHeadersListener,
  OnCompletedListener,
  OnErrorOccurredListener,
  OnHeadersReceivedListener,
  OnResponseStartedListener,
  OnSendHeadersListener,
} from './listener-details';
import { electronInvoker, type WebRequestHookName, type WebRequestListener } from './listener';
import { reportListenerError } from './report-listener-error';
import type { RequestFilter } from './request-filter';
import { isBuiltInStandardScheme, type StandardSchemePredicate } from './url-schemes';
import { allUrlsFilter, parseFilter, type WebRequestFilter } from './web-request-filter';

export type { WebRequestHookName, WebRequestListener } from './listener';
export type { WebRequestFilter } from './web-request-filter';
export type * from './listener-details';

export interface WebRequestOptions {
  /** Schemes the app registered as standard (`registerSchemesAsPrivileged`), on top of Chromium's own. */
  readonly isRegisteredStandardScheme?: StandardSchemePredicate;
  /** Where exceptions thrown by listeners go; by default they are rethrown as uncaught. */
  readonly reportListenerError?: (error: unknown) => void;
}

interface Registration {
  readonly filter: RequestFilter;
  readonly invoke: WebRequestListener;
}

/**
 * Electron's `WebRequest` (`session.webRequest`): one listener per hook, a new
 * call replaces the previous filter and listener, `null` removes it. Not an
 * EventEmitter.
 * @see https://www.electronjs.org/docs/latest/api/web-request
 */
export class WebRequest {
  readonly #registrations = new Map<WebRequestHookName, Registration>();
  readonly #isStandard: StandardSchemePredicate;
  readonly #reportError: (error: unknown) => void;
  readonly #allUrls: RequestFilter;

  constructor(options: WebRequestOptions = {}) {
    const registered = options.isRegisteredStandardScheme;
    this.#isStandard =
      registered === undefined
        ? isBuiltInStandardScheme
        : (scheme) => isBuiltInStandardScheme(scheme) || registered(scheme);
    this.#reportError = options.reportListenerError ?? reportListenerError;
    this.#allUrls = allUrlsFilter(this.#isStandard);
  }

  onBeforeRequest(filter: WebRequestFilter, listener: OnBeforeRequestListener | null): void;
  onBeforeRequest(listener: OnBeforeRequestListener | null): void;
  onBeforeRequest(...args: unknown[]): void {
    this.#setListener('onBeforeRequest', args);
  }

  onBeforeSendHeaders(filter: WebRequestFilter, listener: OnBeforeSendHeadersListener | null): void;
  onBeforeSendHeaders(listener: OnBeforeSendHeadersListener | null): void;
  onBeforeSendHeaders(...args: unknown[]): void {
    this.#setListener('onBeforeSendHeaders', args);
  }

  onSendHeaders(filter: WebRequestFilter, listener: OnSendHeadersListener | null): void;
  onSendHeaders(listener: OnSendHeadersListener | null): void;
  onSendHeaders(...args: unknown[]): void {
    this.#setListener('onSendHeaders', args);
  }

  onHeadersReceived(filter: WebRequestFilter, listener: OnHeadersReceivedListener | null): void;
  onHeadersReceived(listener: OnHeadersReceivedListener | null): void;
  onHeadersReceived(...args: unknown[]): void {
    this.#setListener('onHeadersReceived', args);
  }

  onResponseStarted(filter: WebRequestFilter, listener: OnResponseStartedListener | null): void;
  onResponseStarted(listener: OnResponseStartedListener | null): void;
  onResponseStarted(...args: unknown[]): void {
    this.#setListener('onResponseStarted', args);
  }

  onBeforeRedirect(filter: WebRequestFilter, listener: OnBeforeRedirectListener | null): void;
  onBeforeRedirect(listener: OnBeforeRedirectListener | null): void;
  onBeforeRedirect(...args: unknown[]): void {
    this.#setListener('onBeforeRedirect', args);
  }

  onCompleted(filter: WebRequestFilter, listener: OnCompletedListener | null): void;
  onCompleted(listener: OnCompletedListener | null): void;
  onCompleted(...args: unknown[]): void {
    this.#setListener('onCompleted', args);
  }

  onErrorOccurred(filter: WebRequestFilter, listener: OnErrorOccurredListener | null): void;
  onErrorOccurred(listener: OnErrorOccurredListener | null): void;
  onErrorOccurred(...args: unknown[]): void {
    this.#setListener('onErrorOccurred', args);
  }

  /**
   * The listener registered for `hook` if its filter matches `url` (a valid
   * absolute URL) and `resourceType`, else undefined. The returned function
   * calls the user's listener with Electron's conventions (receiver, argument
   * count, uncaught exceptions); for blocking hooks pass it to
   * `callBlockingListener`.
   */
  listenerFor(hook: WebRequestHookName, url: string, resourceType: string): WebRequestListener | undefined {
    const registration = this.#registrations.get(hook);
    if (registration === undefined) return undefined;
    return registration.filter.matches(url, resourceType) ? registration.invoke : undefined;
  }

  /** Electron's `WebRequest::SetListener`, argument handling included. */
  #setListener(hook: WebRequestHookName, args: readonly unknown[]): void {
    let filter = this.#allUrls;
    let patternError: TypeError | undefined;
    let listener = args[0];
    // gin treats functions as dictionaries too, so a function first argument is the listener.
    if (
      args.length > 0 &&
      typeof listener !== 'function' &&
      typeof listener === 'object' &&
      listener !== null
    ) {
      const parsed = parseFilter(listener, this.#isStandard);
      if (!parsed.ok) throw parsed.error;
      filter = parsed.filter;
      patternError = parsed.patternError;
      // Without a second argument gin's GetNext leaves the filter object in place.
      if (args.length > 1) listener = args[1];
    }
    if (args.length === 0 || (typeof listener !== 'function' && listener !== null)) {
      throw new TypeError('Must pass null or a Function');
    }
    if (listener === null) this.#registrations.delete(hook);
    else {
      const invoke = electronInvoker(hook, listener as (...params: never[]) => unknown, this.#reportError);
      this.#registrations.set(hook, { filter, invoke });
    }
    if (patternError !== undefined) throw patternError;
  }
}
