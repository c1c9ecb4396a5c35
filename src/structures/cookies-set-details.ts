import type { CookieSameSite } from './cookie';

/** @see https://www.electronjs.org/docs/latest/api/structures/cookies-set-details */
export interface CookiesSetDetails {
  url: string;
  name?: string;
  value?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  /** Seconds since the epoch; fractions allowed. Omitted → a session cookie. */
  expirationDate?: number;
  sameSite?: CookieSameSite;
}
