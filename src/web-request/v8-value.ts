/** V8's `Value::IsObject`, which Electron's converters test: functions are objects, `null` is not. */
export function isV8Object(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}
