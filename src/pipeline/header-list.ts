import type { HeaderList } from '../transports/transport';

/** Mutable ordered header list; lookups are case-insensitive, names keep their case. */
export type MutableHeaderList = [string, string][];

export function getHeader(headers: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of headers) if (key.toLowerCase() === lower) return value;
  return undefined;
}

export function getAllHeaders(headers: HeaderList, name: string): string[] {
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of headers) if (key.toLowerCase() === lower) values.push(value);
  return values;
}

export function hasHeader(headers: HeaderList, name: string): boolean {
  return getHeader(headers, name) !== undefined;
}

/** Replaces every header of that name by one entry, keeping the first one's position. */
export function setHeader(headers: MutableHeaderList, name: string, value: string): void {
  const lower = name.toLowerCase();
  const index = headers.findIndex(([key]) => key.toLowerCase() === lower);
  removeHeader(headers, name);
  if (index === -1 || index > headers.length) headers.push([name, value]);
  else headers.splice(index, 0, [name, value]);
}

export function removeHeader(headers: MutableHeaderList, name: string): void {
  const lower = name.toLowerCase();
  for (let i = headers.length - 1; i >= 0; i--)
    if (headers[i]?.[0].toLowerCase() === lower) headers.splice(i, 1);
}

/** Request headers as webRequest details show them: one string per name, last value wins. */
export function headerRecord(headers: HeaderList): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of headers) record[key] = value;
  return record;
}
