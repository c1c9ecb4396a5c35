import type { EventEmitter } from 'node:events';
import { createElectronEvent } from '../runtime/electron-event';
import type { Certificate } from '../structures/certificate';
import { awaitAnswer } from './await-answer';

export interface CertificateErrorQuestion {
  readonly app: EventEmitter;
  readonly webContents: EventEmitter;
  readonly url: string;
  /** `net::ERR_CERT_…` */
  readonly error: string;
  readonly certificate: Certificate | undefined;
  readonly isMainFrame: boolean;
  readonly signal: AbortSignal;
}

export interface CertificateErrorAnswer {
  readonly allowed: boolean;
  /** Whether a listener's callback decided (false: Electron's default denial). */
  readonly byListener: boolean;
}

/**
 * Electron's `App::AllowCertificateError`: emits `'certificate-error'`
 * `(event, webContents, url, error, certificate, callback, isMainFrame)` and
 * denies at once unless a listener called `preventDefault()`; then the
 * listener's `callback(isTrusted)` decides, once. Electron's app.ts routes the
 * event to the webContents first (`(event, url, error, certificate, callback,
 * isMainFrame)`), with the same event object. A prevented event whose callback
 * is never called holds the request until it is aborted.
 */
export function askCertificateError(question: CertificateErrorQuestion): Promise<CertificateErrorAnswer> {
  return awaitAnswer<CertificateErrorAnswer>(question.signal, (answer) => {
    const event = createElectronEvent();
    const callback = (isTrusted?: unknown): void => answer({ allowed: Boolean(isTrusted), byListener: true });
    const args = [
      question.url,
      question.error,
      question.certificate,
      callback,
      question.isMainFrame,
    ] as const;
    question.webContents.emit('certificate-error', event, ...args);
    question.app.emit('certificate-error', event, question.webContents, ...args);
    if (!event.defaultPrevented) answer({ allowed: false, byListener: false });
  });
}
