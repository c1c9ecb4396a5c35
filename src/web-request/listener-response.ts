import { isV8Object } from './v8-value';

/**
 * What Electron reads from the object a blocking listener passes to its
 * callback. The reads happen inside the `callback(…)` call
 * (`WebRequest::On…ListenerResult`), so this takes them then; later changes
 * to the object do not count. Each field is normalised as gin converts it:
 * - `cancel`: truthiness (gin's bool converter); when true nothing else is read.
 * - `redirectURL`, `statusLine`: strings only, otherwise ignored.
 * - `requestHeaders`, `responseHeaders`: any V8 object (arrays and functions
 *   included), copied one level deep; anything else leaves headers unchanged.
 */
export interface ListenerResponseRead {
  /** `undefined` when the callback value is not an object: the request proceeds unchanged. */
  readonly response: Record<string, unknown> | undefined;
  /** A getter that threw while reading; Electron lets it escape from `callback(…)`. */
  readonly thrown: { readonly error: unknown } | undefined;
}

type Field = readonly [name: string, accept: (value: unknown) => boolean, copy: (value: unknown) => unknown];

const isString = (value: unknown): boolean => typeof value === 'string';
const asIs = (value: unknown): unknown => value;

const fields: readonly Field[] = [
  ['redirectURL', isString, asIs],
  ['requestHeaders', isV8Object, copyHeaderContainer],
  ['statusLine', isString, asIs],
  ['responseHeaders', isV8Object, copyHeaderContainer],
];

export function readListenerResponse(value: unknown): ListenerResponseRead {
  if (!isV8Object(value)) return { response: undefined, thrown: undefined };
  const source = value as Record<string, unknown>;
  const response: Record<string, unknown> = {};
  try {
    if (source['cancel']) return { response: { cancel: true }, thrown: undefined };
    for (const [name, accept, copy] of fields) {
      const field = source[name];
      if (accept(field)) response[name] = copy(field);
    }
  } catch (error) {
    return { response, thrown: { error } };
  }
  return { response, thrown: undefined };
}

function copyHeaderContainer(value: unknown): unknown {
  if (Object.prototype.toString.call(value) !== '[object Object]') {
    return Array.isArray(value) ? value.slice() : value;
  }
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const item = source[key];
    copy[key] = Array.isArray(item) ? item.slice() : item;
  }
  return copy;
}
