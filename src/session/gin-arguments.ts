/**
 * The TypeErrors Electron's native bindings throw when an argument cannot be
 * converted to the C++ type a method takes (`gin_helper::Arguments::ThrowError`).
 */

/**
 * How Electron names a value in a conversion error: `undefined`, `null`, the
 * constructor name of an object (`Object`, `Array`, `Function`), a string in
 * double quotes, otherwise its `typeof` with a capital first letter (`Number`).
 */
export function describeForConversion(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'object' || typeof value === 'function') return constructorName(value);
  if (typeof value === 'string') return `"${value}"`;
  const type: string = typeof value;
  return type.charAt(0).toUpperCase() + type.slice(1);
}

function constructorName(value: object): string {
  // V8's GetConstructorName walks the prototype chain and falls back to "Object".
  let proto: unknown = Object.getPrototypeOf(value);
  while (proto !== null && typeof proto === 'object') {
    const ctor: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    if (typeof ctor === 'function' && ctor.name !== '') return ctor.name;
    proto = Object.getPrototypeOf(proto);
  }
  return typeof value === 'function' ? 'Function' : 'Object';
}

/** `TypeError: Error processing argument at index <i>, conversion failure from <value>`. */
export function conversionError(index: number, value: unknown): TypeError {
  return new TypeError(
    `Error processing argument at index ${index}, conversion failure from ${describeForConversion(value)}`,
  );
}

/** Thrown when a required argument is missing altogether (fewer arguments than parameters). */
export function insufficientArguments(): TypeError {
  return new TypeError('Insufficient number of arguments.');
}

/**
 * Converts argument `index` to a string the way a `std::string` / `base::FilePath`
 * parameter does: only strings convert; a missing argument and any other value throw.
 */
export function stringArgument(args: ArrayLike<unknown>, index: number): string {
  if (args.length <= index) throw insufficientArguments();
  const value = args[index];
  if (typeof value !== 'string') throw conversionError(index, value);
  return value;
}

/** A `gin_helper::Dictionary` parameter: any object (functions and arrays included) converts. */
export function isDictionary(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * Reads an optional string member the way `Dictionary::Get(key, &std::string)` does:
 * a missing member or a value of another type counts as absent.
 */
export function optionalString(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' ? value : undefined;
}

/** `Dictionary::Get(key, &std::vector<std::string>)`: an array of strings, or absent. */
export function optionalStringArray(options: Record<string, unknown>, key: string): string[] | undefined {
  const value = options[key];
  if (!Array.isArray(value)) return undefined;
  return value.every((item): item is string => typeof item === 'string') ? [...value] : undefined;
}
