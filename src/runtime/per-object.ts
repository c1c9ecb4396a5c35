/**
 * State kept beside an object without a field on it (a session's verdict
 * cache, a process's decision log): `get(owner)` returns the owner's value,
 * created on first use, and lets it go with the owner.
 */
export function perObject<V>(create: () => V): (owner: object) => V {
  const values = new WeakMap<object, V>();
  return (owner) => {
    let value = values.get(owner);
    if (value === undefined) {
      value = create();
      values.set(owner, value);
    }
    return value;
  };
}
