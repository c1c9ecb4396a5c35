import { X509Certificate } from 'node:crypto';
import { checkServerIdentity } from 'node:tls';
import { NetError, netErrorFromErrno, netErrorString } from '../../errors/net-error';
import type { TlsPeer } from '../../transports/transport';
import type { Exchange } from '../exchange';
import { certificateFromChain } from '../../structures/certificate';

// Node/OpenSSL verification codes → Chromium cert errors (net_error_list.h).
const authorityInvalid = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);
const dateInvalid = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** Chromium's verdict for what Node saw: 0 (OK) or a negative net error code. */
export function chromiumVerdict(peer: TlsPeer): number {
  const error = peer.authorizationError;
  if (error !== undefined) {
    if (dateInvalid.has(error)) return -201;
    if (error === 'CERT_REVOKED') return -206;
    if (!authorityInvalid.has(error)) return -207;
  }
  const leaf = peer.chain[0];
  if (leaf !== undefined) {
    const cert = new X509Certificate(leaf);
    // Name mismatch outranks an untrusted issuer (Chromium MapCertStatusToNetError order).
    if (checkServerIdentity(peer.hostname, cert.toLegacyObject()) !== undefined) return -200;
  }
  return error === undefined ? 0 : -202;
}

/**
 * The certificate-verification stage: runs inside the transport on every new
 * TLS connection, before the request is written. Without a
 * `setCertificateVerifyProc` proc, Chromium's verdict decides.
 */
export function tlsVerifier(exchange: Exchange): ((peer: TlsPeer) => Promise<void>) | undefined {
  return async (peer) => {
    const verdict = chromiumVerdict(peer);
    const proc = exchange.session.certificateVerifyProc;
    const certificate = certificateFromChain(peer.chain);
    if (proc === undefined || proc === null || certificate === undefined) {
      if (verdict !== 0) throw netErrorFromErrno(verdict);
      return;
    }
    const code = await new Promise<number>((resolve) => {
      let answered = false;
      proc(
        {
          hostname: peer.hostname,
          certificate,
          validatedCertificate: certificate,
          isIssuedByKnownRoot: verdict === 0,
          verificationResult: netErrorString(verdict),
          errorCode: verdict,
        },
        (result: number) => {
          if (answered) return;
          answered = true;
          resolve(result);
        },
      );
      exchange.signal.addEventListener('abort', () => resolve(-3), { once: true });
    });
    if (exchange.signal.aborted) throw exchange.signal.reason ?? new NetError('ERR_ABORTED');
    // -3: use Chromium's verdict; -2: ERR_FAILED; 0: accept; any other code becomes the verdict.
    const final = code === -3 ? verdict : code;
    if (final !== 0) throw netErrorFromErrno(final);
  };
}
