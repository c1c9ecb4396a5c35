import type { CookieSameSite } from '../structures/cookie';
import { secondsToMicros } from './cookie-expiry';

/** `cookies.set` details as `Cookies::Set` reads them from the `base::Value::Dict`. */
export interface SetRequest {
  readonly url: string;
  readonly name: string;
  readonly value: string;
  readonly domain: string;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: CookieSameSite;
  /** Milliseconds. */
  readonly creation: number | undefined;
  /** Milliseconds. */
  readonly lastAccess: number | undefined;
  /** Microseconds. */
  readonly expiry: number | undefined;
}

const sameSites: readonly string[] = ['unspecified', 'no_restriction', 'lax', 'strict'];

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * `ParseTimeProperty`: seconds since the epoch → microseconds; `0` is the
 * epoch itself (already expired). Non-numbers and non-finite numbers are
 * dropped by V8's value conversion, so they count as absent.
 */
function timeMicros(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? secondsToMicros(value) : undefined;
}

/**
 * Reads `details` in the order `Cookies::Set` does: a missing `url` first,
 * then a bad `sameSite` (Electron's own texts, without "Failed to set cookie").
 * Values of the wrong type count as absent.
 */
export function readSetDetails(
  details: Readonly<Record<string, unknown>>,
): SetRequest | { readonly error: string } {
  const url = details.url;
  if (typeof url !== 'string') return { error: "Missing required option 'url'" };
  const givenSameSite = details.sameSite;
  let sameSite: CookieSameSite = 'lax';
  if (typeof givenSameSite === 'string') {
    if (!sameSites.includes(givenSameSite)) {
      return { error: `Failed to convert '${givenSameSite}' to an appropriate cookie same site value` };
    }
    sameSite = givenSameSite as CookieSameSite;
  }
  const creation = timeMicros(details.creationDate);
  const lastAccess = timeMicros(details.lastAccessDate);
  return {
    url,
    name: stringOr(details.name, ''),
    value: stringOr(details.value, ''),
    domain: stringOr(details.domain, ''),
    path: stringOr(details.path, ''),
    // Electron defaults `secure` to true only for SameSite=None, which requires it.
    secure: typeof details.secure === 'boolean' ? details.secure : sameSite === 'no_restriction',
    httpOnly: typeof details.httpOnly === 'boolean' ? details.httpOnly : false,
    sameSite,
    creation: creation === undefined ? undefined : creation / 1000,
    lastAccess: lastAccess === undefined ? undefined : lastAccess / 1000,
    expiry: timeMicros(details.expirationDate),
  };
}
