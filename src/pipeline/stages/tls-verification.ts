import type { EventEmitter } from 'node:events';
import { NetError, netErrorFromErrno, netErrorString } from '../../errors/net-error';
import { possiblyInvalidSpec } from '../../session/origin';
import type { TlsPeer } from '../../transports/transport';
import type { Exchange } from '../exchange';
import { certificateFromChain } from '../../structures/certificate';
import { verifyChain } from '../../certificates/chain-verdict';
import { isCertificateError } from '../../certificates/cert-status';
import { trustStoreOf } from '../../certificates/trust-store';
import { verdictCacheOf, verdictKey, type CachedVerdict } from '../../certificates/verdict-cache';
import { askVerifyProc } from '../../certificates/verify-proc';
import { askCertificateError } from '../../certificates/certificate-error';
import { decisionLogOf } from '../../decisions/decision-log';
import type { DecisionMaker } from '../../decisions/decision';

/**
 * The session's verdict on a new TLS connection, as its network context
 * reaches it: the caching verifier first, then Chromium's own verification,
 * then the `setCertificateVerifyProc` proc (`0` accepts, `-3` keeps
 * Chromium's verdict, any other code becomes the verdict).
 */
async function sessionVerdict(exchange: Exchange, peer: TlsPeer, hostname: string): Promise<CachedVerdict> {
  const internals = exchange.session;
  const { runtime } = internals;
  const trust = trustStoreOf(runtime);
  const cache = verdictCacheOf(internals);
  cache.syncTrust(trust.generation);
  const key = verdictKey(peer.chain, hostname);
  const startedAt = runtime.clock.now();
  const record = (verdict: CachedVerdict, madeBy: DecisionMaker, details: Record<string, unknown>): void =>
    decisionLogOf(runtime).record({
      kind: 'certificate',
      partition: internals.partition,
      webContentsId: exchange.webContents?.id ?? null,
      hostname,
      url: possiblyInvalidSpec(exchange.url),
      decision: verdict.code === 0 ? 'accepted' : 'rejected',
      result: netErrorString(verdict.code),
      madeBy,
      details,
    });
  const cached = cache.get(key, startedAt);
  if (cached !== undefined) {
    record(cached, 'cache', {});
    return cached;
  }
  const chromium = verifyChain({ chain: peer.chain, hostname, now: startedAt, trust });
  const details: Record<string, unknown> = {
    verificationResult: netErrorString(chromium.errorCode),
    errorCode: chromium.errorCode,
    isIssuedByKnownRoot: chromium.isIssuedByKnownRoot,
  };
  let code = chromium.errorCode;
  let madeBy: DecisionMaker = 'default';
  const proc = internals.certificateVerifyProc;
  if (proc !== undefined && proc !== null) {
    const certificate = certificateFromChain(peer.chain);
    const validatedCertificate = certificateFromChain(chromium.verifiedChain);
    if (certificate === undefined || validatedCertificate === undefined)
      throw new NetError('ERR_CERT_INVALID');
    const answer = await askVerifyProc(
      proc,
      {
        hostname,
        certificate,
        validatedCertificate,
        isIssuedByKnownRoot: chromium.isIssuedByKnownRoot,
        verificationResult: netErrorString(chromium.errorCode),
        errorCode: chromium.errorCode,
      },
      exchange.signal,
    );
    details['procResult'] = answer;
    if (answer !== -3) {
      code = answer;
      madeBy = 'handler';
    }
  }
  const verdict: CachedVerdict = {
    code,
    verifiedChain: chromium.verifiedChain,
    isIssuedByKnownRoot: chromium.isIssuedByKnownRoot,
  };
  cache.put(key, verdict, startedAt, trust.generation);
  record(verdict, madeBy, details);
  return verdict;
}

/** Content's certificate-error path for a request with a webContents: `app` `'certificate-error'`. */
async function allowedDespite(
  exchange: Exchange,
  verdict: CachedVerdict,
  hostname: string,
): Promise<boolean> {
  const { runtime } = exchange.session;
  const error = netErrorString(verdict.code);
  const url = possiblyInvalidSpec(exchange.url);
  const answer = await askCertificateError({
    app: runtime.app,
    webContents: exchange.webContents as unknown as EventEmitter,
    url,
    error,
    certificate: certificateFromChain(verdict.verifiedChain),
    isMainFrame: exchange.resourceType === 'mainFrame',
    signal: exchange.signal,
  });
  decisionLogOf(runtime).record({
    kind: 'certificate-error',
    partition: exchange.session.partition,
    webContentsId: exchange.webContents?.id ?? null,
    hostname,
    url,
    decision: answer.allowed ? 'accepted' : 'rejected',
    result: error,
    madeBy: answer.byListener ? 'handler' : 'default',
    details: { error, isMainFrame: exchange.resourceType === 'mainFrame' },
  });
  return answer.allowed;
}

/**
 * The certificate-verification stage: runs inside the transport on every new
 * TLS connection, before the request is written. A certificate error of the
 * origin on a request with a webContents then asks `app`
 * `'certificate-error'`; any other failure fails the request with the
 * verdict (an HTTPS proxy's, reported by the transport as
 * ERR_PROXY_CERTIFICATE_INVALID).
 */
export function tlsVerifier(exchange: Exchange): ((peer: TlsPeer) => Promise<void>) | undefined {
  return async (peer) => {
    if (peer.chain.length === 0) throw new NetError('ERR_CERT_INVALID');
    const hostname = peer.hostname.replace(/^\[|\]$/g, '');
    const verdict = await sessionVerdict(exchange, peer, hostname);
    if (verdict.code === 0) return;
    if (
      isCertificateError(verdict.code) &&
      peer.proxy !== true &&
      exchange.webContents !== undefined &&
      (await allowedDespite(exchange, verdict, hostname))
    )
      return;
    throw netErrorFromErrno(verdict.code);
  };
}
