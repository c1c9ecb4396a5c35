/**
 * One security decision the fake saw made, as plain data (`fake.decisions`):
 * who asked (session partition, webContents id), about what (host name, or
 * permission and origin), with which details, the outcome, and who decided.
 */
export type Decision =
  | CertificateDecision
  | CertificateErrorDecision
  | PermissionDecision
  | DevicePermissionDecision
  | BluetoothPairingDecision;

/**
 * - `handler`: the app's handler or listener decided (a verify proc returning
 *   `-3` defers to Chromium, so that counts as `default`);
 * - `default`: Electron's behaviour with no handler;
 * - `cache`: a certificate verdict the session had cached (no proc call);
 * - `handler-cleared`: the request handler was cleared while the request was pending.
 */
export type DecisionMaker = 'handler' | 'default' | 'cache' | 'handler-cleared';

interface DecisionBase {
  /** The session's partition (`''` for the default session, the path for `fromPath`). */
  readonly partition: string;
  /** The webContents the request came from; null for `net`/`fetch` and origin-only checks. */
  readonly webContentsId: number | null;
  readonly madeBy: DecisionMaker;
  /** What the handler was given, or for certificates what Chromium concluded. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** A certificate verification on a new TLS connection (the session's verify proc or Chromium's verdict). */
export interface CertificateDecision extends DecisionBase {
  readonly kind: 'certificate';
  readonly hostname: string;
  readonly url: string;
  readonly decision: 'accepted' | 'rejected';
  /** The final result: `net::OK` or the error the connection fails with. */
  readonly result: string;
}

/** An `app` `'certificate-error'` answer for a request with a webContents. */
export interface CertificateErrorDecision extends DecisionBase {
  readonly kind: 'certificate-error';
  readonly hostname: string;
  readonly url: string;
  readonly decision: 'accepted' | 'rejected';
  /** The certificate error, e.g. `net::ERR_CERT_AUTHORITY_INVALID`. */
  readonly result: string;
}

/** A permission request (`setPermissionRequestHandler`) or check (`setPermissionCheckHandler`). */
export interface PermissionDecision extends DecisionBase {
  readonly kind: 'permission-request' | 'permission-check';
  readonly permission: string;
  /** The requesting origin, serialised without a trailing slash (`https://app.test`). */
  readonly origin: string;
  readonly decision: 'granted' | 'denied';
}

/** A device permission check (`setDevicePermissionHandler`, else the grants made in choosers). */
export interface DevicePermissionDecision extends DecisionBase {
  readonly kind: 'device-permission';
  readonly deviceType: string;
  readonly origin: string;
  readonly decision: 'granted' | 'denied';
}

/** A Bluetooth pairing answer (`setBluetoothPairingHandler`). */
export interface BluetoothPairingDecision extends DecisionBase {
  readonly kind: 'bluetooth-pairing';
  readonly deviceId: string;
  readonly decision: 'granted' | 'denied';
}
