// `net::HttpUtil::IsTokenChar`: visible ASCII except the HTTP separators.
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** `net::HttpUtil::IsValidHeaderName`: a non-empty HTTP token. */
export function isValidHeaderName(name: string): boolean {
  return token.test(name);
}

/** `net::HttpUtil::IsValidHeaderValue`: no NUL, CR or LF. */
export function isValidHeaderValue(value: string): boolean {
  return !/[\0\r\n]/.test(value);
}
