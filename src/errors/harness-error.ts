const brand = Symbol.for('electron-session-fake.HarnessError');

/** Codes of the harness's own misuse errors (never Electron's). */
export type HarnessErrorCode =
  | 'INVALID_OPTION'
  | 'UNHANDLED_REQUEST'
  | 'FIXTURE_NOT_FOUND'
  | 'FIXTURE_INVALID'
  | 'RECORDING_REFUSED_IN_CI'
  | 'FIXTURE_WRITE_FAILED'
  | 'SECRET_IN_FIXTURE'
  | 'UNUSED_FIXTURE_ENTRIES'
  | 'BACK_END_CONFLICT'
  | 'EXCHANGE_ALREADY_HANDLED'
  | 'FAKE_DISPOSED'
  | 'TRANSPORT_FAILED'
  | 'LIVE_CONNECTION_IN_REPLAY';

/**
 * Misuse of electron-session-fake itself. Messages follow
 * "Failed to <verb> <object>: <reason>. <how to fix>".
 */
export class HarnessError extends Error {
  declare readonly [brand]: true;
  readonly code: HarnessErrorCode;

  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && brand in value;
  }
}
