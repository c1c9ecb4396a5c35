import type { PermissionName } from './permission-names';
import { originUrl } from './origin';

export type Details = Record<string, unknown>;

/** What a simulated request may say about itself (Electron's `PermissionRequest` and subtypes); the rest is filled. */
export interface PermissionRequestDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: ('video' | 'audio')[];
  securityOrigin?: string;
  externalURL?: string;
  filePath?: string;
  isDirectory?: boolean;
  fileAccessType?: 'writable' | 'readable';
  [key: string]: unknown;
}

/** What a simulated check may say about itself (Electron's `PermissionCheckHandlerHandlerDetails`). */
export interface PermissionCheckDetails {
  embeddingOrigin?: string;
  securityOrigin?: string;
  mediaType?: 'video' | 'audio' | 'unknown';
  requestingUrl?: string;
  isMainFrame?: boolean;
  filePath?: string;
  isDirectory?: boolean;
  fileAccessType?: 'writable' | 'readable';
  [key: string]: unknown;
}

// Electron builds details as a base::Value::Dict, whose keys come out sorted.
function sorted(details: Details): Details {
  return Object.fromEntries(Object.entries(details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The `details` a permission request handler receives for a request from the
 * main frame at `frameUrl`: `requestingUrl` and `isMainFrame` always, and
 * what the request kind adds — `mediaTypes` and `securityOrigin` for `media`
 * (default: audio and video, the frame's origin). Given details win, so a
 * test can describe a subframe's request.
 */
export function requestDetails(permission: PermissionName, frameUrl: string, given: Details = {}): Details {
  const details: Details = { requestingUrl: frameUrl, isMainFrame: true };
  if (permission === 'media')
    Object.assign(details, { mediaTypes: ['audio', 'video'], securityOrigin: originUrl(frameUrl) });
  if (permission === 'fileSystem') Object.assign(details, { isDirectory: false, fileAccessType: 'readable' });
  return sorted({ ...details, ...given });
}

/**
 * The `details` a permission check handler receives. With a frame (the main
 * frame at `frameUrl`): `requestingUrl`, `isMainFrame: true` and the
 * `embeddingOrigin`; without one (an origin-only check): `isMainFrame:
 * false` and the requesting origin as `embeddingOrigin`. `fileSystem` checks
 * always report `isMainFrame: false`, as Electron documents.
 */
export function checkDetails(
  permission: PermissionName,
  frameUrl: string | null,
  requestingOrigin: string,
  given: Details = {},
): Details {
  const details: Details =
    frameUrl === null
      ? { isMainFrame: false, embeddingOrigin: requestingOrigin }
      : {
          requestingUrl: frameUrl,
          isMainFrame: permission !== 'fileSystem',
          embeddingOrigin: originUrl(frameUrl),
        };
  return sorted({ ...details, ...given });
}
