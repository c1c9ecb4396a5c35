/** @see https://www.electronjs.org/docs/latest/api/structures/cookies-get-filter */
export interface CookiesGetFilter {
  url?: string;
  name?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  session?: boolean;
  httpOnly?: boolean;
}
