import type { SessionInternals } from '../session/session-internals';
import { decisionLogOf } from '../decisions/decision-log';
import { serializeOrigin } from '../session/origin';
import type { PermissionName } from './permission-names';
import type { Details } from './permission-details';

export interface PermissionCheck {
  readonly internals: SessionInternals;
  /** The frame's webContents, or null for an origin-only check (workers, notifications). */
  readonly webContents: { readonly id: number } | null;
  readonly permission: PermissionName;
  /** A URL spec (`https://app.test/`). */
  readonly requestingOrigin: string;
  readonly details: Details;
}

/**
 * Electron's `ElectronPermissionManager::CheckPermissionWithDetails`: without
 * a handler everything is allowed but `deprecated-sync-clipboard-read`; with
 * one, its synchronous return value decides (converted to a bool by truthiness).
 */
export function checkPermission(check: PermissionCheck): boolean {
  const { internals, webContents, permission, requestingOrigin, details } = check;
  const handler = internals.permissionCheckHandler;
  const granted =
    handler === null
      ? permission !== 'deprecated-sync-clipboard-read'
      : Boolean(
          (handler as (...args: unknown[]) => unknown)(
            webContents,
            permission,
            requestingOrigin,
            structuredClone(details),
          ),
        );
  decisionLogOf(internals.runtime).record({
    kind: 'permission-check',
    partition: internals.partition,
    webContentsId: webContents?.id ?? null,
    permission,
    origin: serializeOrigin(requestingOrigin) ?? 'null',
    decision: granted ? 'granted' : 'denied',
    madeBy: handler === null ? 'default' : 'handler',
    details,
  });
  return granted;
}
