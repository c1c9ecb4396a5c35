import { conversionError } from '../session/gin-arguments';
import type { CertificateVerifyProc, CertificateVerifyRequest } from '../session/session-internals';
import { awaitAnswer } from './await-answer';

/**
 * Calls the session's `setCertificateVerifyProc` proc and resolves with its
 * code. The callback takes an int32 (anything else throws gin's conversion
 * TypeError) and counts once; a proc that never calls back holds the
 * connection until the request is aborted.
 */
export function askVerifyProc(
  proc: CertificateVerifyProc,
  request: CertificateVerifyRequest,
  signal: AbortSignal,
): Promise<number> {
  return awaitAnswer<number>(signal, (answer) => {
    proc(request, (...args: unknown[]) => {
      const code = args[0];
      if (typeof code !== 'number' || (code | 0) !== code) throw conversionError(0, code);
      answer(code);
    });
  });
}
