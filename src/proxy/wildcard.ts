/**
 * Chromium's `base::MatchPattern` (base/strings/pattern.cc), which bypass
 * rules use. It differs from a textbook glob:
 * - `?` matches zero or one character (a run of n `?` skips up to n characters);
 * - `\` escapes the next pattern character;
 * - after a `*` the following literal run is searched for and the match
 *   commits to its first occurrence, so `*foo?.com` does not match `foo.foo1.com`.
 */
export function matchPattern(text: string, pattern: string): boolean {
  const state: SearchState = { p: 0, s: 0, escape: false };
  do {
    const maxSkip = eatWildcards(pattern, state);
    if (!searchLiteralRun(text, pattern, state, maxSkip)) return false;
  } while (state.p < pattern.length);
  return true;
}

interface SearchState {
  p: number;
  s: number;
  escape: boolean;
}

function isWildcard(c: string | undefined): boolean {
  return c === '*' || c === '?';
}

/** Consumes a run of `*`/`?`: −1 (unbounded) if it holds a `*`, else the number of `?`. */
function eatWildcards(pattern: string, state: SearchState): number {
  let questionMarks = 0;
  let star = false;
  while (state.p < pattern.length && isWildcard(pattern[state.p])) {
    if (pattern[state.p] === '*') star = true;
    else questionMarks++;
    state.p++;
  }
  return star ? -1 : questionMarks;
}

/**
 * Finds the literal run that starts at `state.p` (up to the next unescaped
 * wildcard, or the pattern end, which must then coincide with the text end),
 * starting at most `maxSkip` characters after `state.s` (−1: anywhere).
 */
function searchLiteralRun(text: string, pattern: string, state: SearchState, maxSkip: number): boolean {
  const patternStart = state.p;
  let textStart = state.s;
  for (;;) {
    let mismatch = false;
    if (state.p === pattern.length) {
      if (state.s === text.length) return true;
      mismatch = true;
    } else if (!state.escape && isWildcard(pattern[state.p])) {
      return true;
    } else if (!state.escape && pattern[state.p] === '\\') {
      state.escape = true;
      state.p++;
      continue;
    } else {
      state.escape = false;
      if (state.s === text.length) return false;
      if (pattern[state.p] === text[state.s]) {
        state.p++;
        state.s++;
        continue;
      }
      mismatch = true;
    }
    if (mismatch) {
      if (maxSkip === 0) return false;
      maxSkip--;
      state.p = patternStart;
      textStart = Math.min(textStart + 1, text.length);
      state.s = textStart;
    }
  }
}
