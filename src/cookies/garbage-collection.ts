import { isExpired, type ChromiumCookie, type CookiePriority } from './chromium-cookie';

/** `CookieMonster` limits (`cookie_monster.cc`). */
export const domainMaxCookies = 180;
const domainPurgeCookies = 30;
export const maxCookies = 3300;
const purgeCookies = 300;
const quota: Record<CookiePriority, number> = { low: 30, medium: 50, high: 70 };
const safeFromGlobalPurgeMs = 30 * 24 * 60 * 60 * 1000;

export interface Removal {
  readonly cookie: ChromiumCookie;
  readonly cause: 'expired' | 'evicted';
}

/** `LRACookieSorter`: least recently accessed first (never accessed counts as oldest), then oldest created. */
function leastRecentlyAccessedFirst(a: ChromiumCookie, b: ChromiumCookie): number {
  return (
    (a.lastAccessTime ?? 0) - (b.lastAccessTime ?? 0) ||
    a.creationTime - b.creationTime ||
    a.creationIndex - b.creationIndex
  );
}

function splitExpired(
  cookies: readonly ChromiumCookie[],
  nowMs: number,
  removals: Removal[],
): ChromiumCookie[] {
  const live: ChromiumCookie[] = [];
  for (const cookie of cookies) {
    if (isExpired(cookie, nowMs)) removals.push({ cookie, cause: 'expired' });
    else live.push(cookie);
  }
  return live;
}

// Chromium's purge rounds: low non-secure, low secure, medium non-secure,
// high non-secure, medium secure, high secure (`kPurgeRounds`).
const purgeRounds: readonly [CookiePriority, boolean][] = [
  ['low', true],
  ['low', false],
  ['medium', true],
  ['high', true],
  ['medium', false],
  ['high', false],
];

/** `PurgeLeastRecentMatches`: evicts up to `goal` cookies of one priority, keeping its quota. */
function purgeRound(
  sorted: ChromiumCookie[],
  priority: CookiePriority,
  protectSecure: boolean,
  goal: number,
  removals: Removal[],
): number {
  const atPriority = sorted.filter((c) => c.priority === priority);
  if (atPriority.length <= quota[priority]) return 0;
  const secureCount = atPriority.filter((c) => c.secure).length;
  let deletable =
    atPriority.length - (protectSecure ? Math.max(secureCount, quota[priority]) : quota[priority]);
  let removed = 0;
  for (let i = 0; i < sorted.length && removed < goal && deletable > 0;) {
    const cookie = sorted[i] as ChromiumCookie;
    if (cookie.priority === priority && !(protectSecure && cookie.secure)) {
      removals.push({ cookie, cause: 'evicted' });
      sorted.splice(i, 1);
      removed++;
      deletable--;
    } else {
      i++;
    }
  }
  return removed;
}

/**
 * `GarbageCollect` for one key: over 180 cookies, expired ones go first, then
 * least recently used ones by priority round until 150 remain.
 */
export function planDomainCollection(keyCookies: readonly ChromiumCookie[], nowMs: number): Removal[] {
  const removals: Removal[] = [];
  if (keyCookies.length <= domainMaxCookies) return removals;
  const live = splitExpired(keyCookies, nowMs, removals);
  if (live.length <= domainMaxCookies) return removals;
  let goal = live.length - (domainMaxCookies - domainPurgeCookies);
  const sorted = [...live].sort(leastRecentlyAccessedFirst);
  for (const [priority, protectSecure] of purgeRounds) {
    if (goal > 0) goal -= purgeRound(sorted, priority, protectSecure, goal, removals);
  }
  return removals;
}

/**
 * `GarbageCollect` for the whole store: over 3300 cookies, expired ones go,
 * then least recently used non-secure and then secure cookies — but only
 * those not used for 30 days — until 3000 remain.
 */
export function planGlobalCollection(all: readonly ChromiumCookie[], nowMs: number): Removal[] {
  const removals: Removal[] = [];
  const safeDate = nowMs - safeFromGlobalPurgeMs;
  if (all.length <= maxCookies || !all.some((c) => (c.lastAccessTime ?? 0) < safeDate)) return removals;
  const live = splitExpired(all, nowMs, removals);
  if (live.length <= maxCookies) return removals;
  let goal = live.length - (maxCookies - purgeCookies);
  for (const secure of [false, true]) {
    const group = live.filter((c) => c.secure === secure).sort(leastRecentlyAccessedFirst);
    const take = Math.min(goal, group.length);
    for (const cookie of group.slice(0, take)) {
      if ((cookie.lastAccessTime ?? 0) >= safeDate) break;
      removals.push({ cookie, cause: 'evicted' });
      goal--;
    }
    if (goal <= 0) break;
  }
  return removals;
}
