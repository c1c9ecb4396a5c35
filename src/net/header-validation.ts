// Chromium net::HttpUtil::IsValidHeaderName: an RFC 7230 token.
const tokenRe = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isValidHeaderName(name: string): boolean {
  return tokenRe.test(name);
}

// net::HttpUtil::IsValidHeaderValue: no NUL, CR or LF.
export function isValidHeaderValue(value: string): boolean {
  return !/[\0\r\n]/.test(value);
}
