/** RFC 6265bis and Chromium cap every expiry at 400 days after creation. */
const maxLifetimeMicros = 400 * 24 * 60 * 60 * 1_000_000;

/** `base::Time::FromSecondsSinceUnixEpoch` as Electron's `ParseTimeProperty` uses it: microseconds, truncated. */
export function secondsToMicros(seconds: number): number {
  return Math.trunc(seconds * 1_000_000);
}

/** `CanonicalCookie::ValidateAndAdjustExpiryDate`: undefined (session) stays; later than 400 days → 400 days. */
export function capExpiry(expiry: number | undefined, creationMs: number): number | undefined {
  if (expiry === undefined) return undefined;
  const cap = creationMs * 1000 + maxLifetimeMicros;
  return expiry > cap ? cap : expiry;
}
