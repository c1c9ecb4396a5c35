import { serializeOrigin } from '../session/origin';

/**
 * `url::Origin::GetURL().spec()`, what the check handler's `requestingOrigin`
 * and `embeddingOrigin` carry: `https://app.test/`, `file:///`, or `''` for an
 * opaque origin.
 */
export function originUrl(url: string): string {
  const origin = serializeOrigin(url);
  return origin === undefined ? '' : `${origin}/`;
}
