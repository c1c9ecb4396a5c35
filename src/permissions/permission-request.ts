import type { SessionInternals } from '../session/session-internals';
import { decisionLogOf } from '../decisions/decision-log';
import type { DecisionMaker } from '../decisions/decision';
import { serializeOrigin } from '../session/origin';
import type { PermissionName } from './permission-names';
import type { Details } from './permission-details';
import { perObject } from '../runtime/per-object';

/** One renderer request for one or more permissions, waiting for the handler's answers. */
interface PendingRequest {
  readonly results: boolean[];
  readonly answered: boolean[];
  remaining: number;
  readonly settle: (results: boolean[]) => void;
  readonly recordDenied: (index: number) => void;
}

const pendingOf = perObject(() => new Set<PendingRequest>());

export interface PermissionRequest {
  readonly internals: SessionInternals;
  readonly webContents: { readonly id: number };
  readonly permissions: readonly PermissionName[];
  /** The details every handler call receives (already filled). */
  readonly details: Details;
}

/**
 * Electron's `ElectronPermissionManager::RequestPermissionsWithDetails`.
 * Without a handler every permission is granted. With one, the handler is
 * called once per permission, in order, each time with its own copy of the
 * same details; the request completes when every permission has an answer
 * (`callback(granted)`, converted like gin converts a bool: truthiness).
 */
export function requestPermissions(request: PermissionRequest): Promise<boolean[]> {
  const { internals, webContents, permissions, details } = request;
  const log = decisionLogOf(internals.runtime);
  const origin = serializeOrigin(String(details['requestingUrl'] ?? '')) ?? 'null';
  const record = (permission: PermissionName, granted: boolean, madeBy: DecisionMaker): void =>
    log.record({
      kind: 'permission-request',
      partition: internals.partition,
      webContentsId: webContents.id,
      permission,
      origin,
      decision: granted ? 'granted' : 'denied',
      madeBy,
      details,
    });
  const handler = internals.permissionRequestHandler;
  if (permissions.length === 0) return Promise.resolve([]);
  if (handler === null) {
    for (const permission of permissions) record(permission, true, 'default');
    return Promise.resolve(permissions.map(() => true));
  }
  return new Promise((resolve, reject) => {
    const pending = pendingOf(internals);
    const entry: PendingRequest = {
      results: permissions.map(() => false),
      answered: permissions.map(() => false),
      remaining: permissions.length,
      settle: (results) => {
        pending.delete(entry);
        resolve(results);
      },
      recordDenied: (index) => record(permissions[index] as PermissionName, false, 'handler-cleared'),
    };
    pending.add(entry);
    for (const [index, permission] of permissions.entries()) {
      if (!pending.has(entry)) return;
      const callback = (granted?: unknown): void => {
        if (!pending.has(entry) || entry.answered[index] === true) return;
        entry.answered[index] = true;
        entry.results[index] = Boolean(granted);
        record(permission, Boolean(granted), 'handler');
        entry.remaining -= 1;
        if (entry.remaining === 0) entry.settle([...entry.results]);
      };
      try {
        (handler as (...args: unknown[]) => unknown)(
          webContents,
          permission,
          callback,
          structuredClone(details),
        );
      } catch (error) {
        pending.delete(entry);
        reject(error);
        return;
      }
    }
  });
}

/**
 * `setPermissionRequestHandler(null)` with requests still pending: each
 * completes at once with what was answered so far, the rest denied.
 */
export function settlePendingPermissionRequests(internals: SessionInternals): void {
  for (const entry of [...pendingOf(internals)]) {
    entry.answered.forEach((answered, index) => {
      if (!answered) entry.recordDenied(index);
    });
    entry.settle([...entry.results]);
  }
}
