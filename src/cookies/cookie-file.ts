import type * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import type { CookieSameSite } from '../structures/cookie';
import { fieldsOf, type ChromiumCookie, type CookieFields, type CookiePriority } from './chromium-cookie';

/** Where a persistent session keeps its cookie file. `fs` is a node:fs-compatible module (memfs volume or real fs). */
export interface CookiePersistence {
  fs: typeof nodeFs;
  file: string;
}

const formatVersion = 1;
const sameSites: readonly string[] = ['unspecified', 'no_restriction', 'lax', 'strict'];
const priorities: readonly string[] = ['low', 'medium', 'high'];

type Entry = Record<string, unknown>;

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function toFields(entry: Entry): CookieFields | undefined {
  const { name, value, domain, path, creation, secure, httpOnly, sameSite, priority } = entry;
  if (typeof name !== 'string' || typeof value !== 'string' || typeof domain !== 'string') return undefined;
  if (typeof path !== 'string' || typeof creation !== 'number' || typeof secure !== 'boolean')
    return undefined;
  if (typeof httpOnly !== 'boolean' || typeof sameSite !== 'string' || !sameSites.includes(sameSite))
    return undefined;
  const expiry = optionalNumber(entry.expiry);
  if (expiry === undefined) return undefined;
  return {
    name,
    value,
    domain,
    path,
    creation,
    lastAccess: optionalNumber(entry.lastAccess),
    expiry,
    secure,
    httpOnly,
    sameSite: sameSite as CookieSameSite,
    priority:
      typeof priority === 'string' && priorities.includes(priority) ? (priority as CookiePriority) : 'medium',
  };
}

/**
 * The persistent cookies saved in `persistence.file`, oldest first. A missing
 * or unreadable file is an empty jar (Chromium recreates a corrupt database).
 */
export function readCookieFile(persistence: CookiePersistence): CookieFields[] {
  let text: string;
  try {
    text = persistence.fs.readFileSync(persistence.file, 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const entries = (parsed as { cookies?: unknown }).cookies;
    if (!Array.isArray(entries)) return [];
    return entries.flatMap((entry: unknown) => {
      const fields = typeof entry === 'object' && entry !== null ? toFields(entry as Entry) : undefined;
      return fields === undefined ? [] : [fields];
    });
  } catch {
    return [];
  }
}

/** Writes every persistent cookie (session cookies are never saved, as `persist_session_cookies` is off). */
export function writeCookieFile(persistence: CookiePersistence, cookies: readonly ChromiumCookie[]): void {
  const persistent = cookies
    .filter((cookie) => cookie.expiry !== undefined)
    .sort((a, b) => a.creationTime - b.creationTime || a.creationIndex - b.creationIndex)
    .map(fieldsOf);
  const { fs, file } = persistence;
  fs.mkdirSync(dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ version: formatVersion, cookies: persistent }));
}
