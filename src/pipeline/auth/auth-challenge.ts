/** One parsed `WWW-Authenticate` / `Proxy-Authenticate` challenge. */
export interface AuthChallenge {
  /** Lower-case scheme: `basic`, `digest`, … */
  readonly scheme: string;
  readonly params: ReadonlyMap<string, string>;
}

const tokenRe = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)/;
const paramRe = /^\s*,?\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^,\s]*)/;

/** Parses one challenge header value (RFC 7235 §4.1); a value may hold only the first challenge we use. */
export function parseChallenge(value: string): AuthChallenge | undefined {
  const scheme = tokenRe.exec(value);
  if (scheme === null) return undefined;
  let rest = value.slice(scheme[0].length);
  const params = new Map<string, string>();
  for (let match = paramRe.exec(rest); match !== null; match = paramRe.exec(rest)) {
    const raw = match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : (match[2] ?? '');
    params.set((match[1] ?? '').toLowerCase(), raw);
    rest = rest.slice(match[0].length);
  }
  return { scheme: (scheme[1] ?? '').toLowerCase(), params };
}

/** Chromium supports Basic and Digest everywhere; NTLM/Negotiate need OS integration the fake does not have. */
export function pickChallenge(values: readonly string[]): AuthChallenge | undefined {
  const parsed = values.map(parseChallenge).filter((c): c is AuthChallenge => c !== undefined);
  return parsed.find((c) => c.scheme === 'digest') ?? parsed.find((c) => c.scheme === 'basic');
}
