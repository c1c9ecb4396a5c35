/**
 * Electron's `deprecate.warnOnce`: the first call of a deprecated API in a
 * process prints `(electron) '<old>' is deprecated and will be removed. Please
 * use '<new>' instead.` through `console.warn`, honouring `process.noDeprecation`,
 * `process.throwDeprecation` and `process.traceDeprecation`. "Once per process"
 * is once per fake here, so tests stay independent.
 */
const warned = new WeakMap<object, Set<string>>();

export function deprecationMessage(oldName: string, newName?: string): string {
  return newName === undefined
    ? `'${oldName}' is deprecated and will be removed.`
    : `'${oldName}' is deprecated and will be removed. Please use '${newName}' instead.`;
}

/** Warns once per `scope` (the fake's runtime) for `oldName`. */
export function warnOnce(scope: object, oldName: string, newName?: string): void {
  if (process.noDeprecation) return;
  let seen = warned.get(scope);
  if (seen === undefined) {
    seen = new Set();
    warned.set(scope, seen);
  }
  if (seen.has(oldName)) return;
  seen.add(oldName);
  const message = deprecationMessage(oldName, newName);
  if (process.throwDeprecation) throw new Error(message);
  if (process.traceDeprecation) console.trace(message);
  else console.warn(`(electron) ${message}`);
}
