/**
 * `base::MatchPattern` on `URLPattern`'s escaped path: `\` and `?` are escaped
 * before matching, so `*` (any run of characters, `/` included) is the only
 * wildcard and everything else compares literally and case-sensitively.
 */
export function compilePathGlob(path: string): (test: string) => boolean {
  const star = path.indexOf('*');
  if (star === -1) return (test) => test === path;
  if (star === path.length - 1) {
    const prefix = path.slice(0, -1);
    return (test) => test.startsWith(prefix);
  }
  return (test) => matchesGlob(path, test);
}

function matchesGlob(pattern: string, test: string): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < test.length) {
    if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      resumeAt = t;
    } else if (p < pattern.length && pattern[p] === test[t]) {
      p++;
      t++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
