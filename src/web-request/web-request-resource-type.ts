/**
 * The resource types a `WebRequestFilter` may name (Electron's `ResourceTypes`
 * table in electron_api_web_request.cc). Details also report `other`, which a
 * filter cannot ask for.
 */
export const filterResourceTypes = [
  'mainFrame',
  'subFrame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xhr',
  'ping',
  'cspReport',
  'media',
  'webSocket',
] as const;

export type FilterResourceType = (typeof filterResourceTypes)[number];

const known: ReadonlySet<string> = new Set(filterResourceTypes);

export function isFilterResourceType(value: string): value is FilterResourceType {
  return known.has(value);
}
