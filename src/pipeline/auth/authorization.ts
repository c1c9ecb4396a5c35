import { createHash, randomBytes } from 'node:crypto';
import type { AuthChallenge } from './auth-challenge';
import type { Credentials } from '../exchange';

function hash(algorithm: string, text: string): string {
  const name = algorithm.toUpperCase().startsWith('SHA-256') ? 'sha256' : 'md5';
  return createHash(name).update(text).digest('hex');
}

/**
 * The `Authorization` value answering a challenge: Basic (RFC 7617) or Digest
 * (RFC 7616, `qop=auth`, MD5 or SHA-256), as Chromium's handlers compute them.
 */
export function authorizationValue(
  challenge: AuthChallenge,
  credentials: Credentials,
  method: string,
  url: URL,
  nonceCount: number,
): string {
  if (challenge.scheme === 'basic') {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  }
  const realm = challenge.params.get('realm') ?? '';
  const nonce = challenge.params.get('nonce') ?? '';
  const opaque = challenge.params.get('opaque');
  const algorithm = challenge.params.get('algorithm') ?? 'MD5';
  const qop = (challenge.params.get('qop') ?? '')
    .split(',')
    .map((q) => q.trim())
    .includes('auth')
    ? 'auth'
    : undefined;
  const uri = `${url.pathname}${url.search}`;
  const ha1 = hash(algorithm, `${credentials.username}:${realm}:${credentials.password}`);
  const ha2 = hash(algorithm, `${method}:${uri}`);
  const nc = nonceCount.toString(16).padStart(8, '0');
  const cnonce = randomBytes(8).toString('hex');
  const response =
    qop === undefined
      ? hash(algorithm, `${ha1}:${nonce}:${ha2}`)
      : hash(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
  const parts = [
    `username="${credentials.username}"`,
    `realm="${realm}"`,
    `nonce="${nonce}"`,
    `uri="${uri}"`,
    `algorithm=${algorithm}`,
    `response="${response}"`,
  ];
  if (opaque !== undefined) parts.push(`opaque="${opaque}"`);
  if (qop !== undefined) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  return `Digest ${parts.join(', ')}`;
}
