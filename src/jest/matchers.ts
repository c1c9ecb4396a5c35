import type { Decision } from '../decisions/decision';
import { formatDecisions } from '../decisions/format-decision';
import { HarnessError } from '../errors/harness-error';
import { serializeOrigin } from '../session/origin';

/** What a matcher returns to Jest's or Vitest's `expect.extend`. */
export interface DecisionMatcherResult {
  pass: boolean;
  message: () => string;
}

export interface PermissionMatcherOptions {
  /** Only decisions for this origin (`https://app.test`, with or without a trailing slash, or any URL of it). */
  origin?: string;
  /** Only requests (`setPermissionRequestHandler`) or only checks (`setPermissionCheckHandler`). Default: both. */
  kind?: 'request' | 'check';
}

function decisionsOf(received: unknown): readonly Decision[] {
  if (Array.isArray(received)) return received as readonly Decision[];
  if (typeof received === 'object' && received !== null && 'decisions' in received) {
    const decisions = (received as { decisions: unknown }).decisions;
    if (Array.isArray(decisions)) return decisions as readonly Decision[];
  }
  throw new HarnessError(
    'INVALID_OPTION',
    'Failed to match decisions: expect() was given neither fake.decisions nor fake. Pass one of them, e.g. expect(fake.decisions).',
  );
}

const article = (noun: string): string => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

function result(
  decisions: readonly Decision[],
  matching: (decision: Decision) => boolean,
  noun: string,
): DecisionMatcherResult {
  const matches = decisions.filter(matching);
  const pass = matches.length > 0;
  return {
    pass,
    message: () =>
      pass
        ? `Expected no ${noun}, but ${matches.length === 1 ? 'one was' : `${matches.length} were`} made.\n${formatDecisions(decisions)}`
        : `Expected ${article(noun)} ${noun}, but none was made.\n${formatDecisions(decisions)}`,
  };
}

function originMatches(decisionOrigin: string, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  return decisionOrigin === (serializeOrigin(wanted) ?? wanted);
}

function permissionMatcher(
  outcome: 'granted' | 'denied',
): (received: unknown, permission: string, options?: PermissionMatcherOptions) => DecisionMatcherResult {
  return (received, permission, options = {}) => {
    const kinds =
      options.kind === undefined
        ? ['permission-request', 'permission-check']
        : [`permission-${options.kind}`];
    const origin =
      options.origin === undefined ? '' : ` for ${serializeOrigin(options.origin) ?? options.origin}`;
    const asked = options.kind === undefined ? 'permission' : `permission ${options.kind}`;
    return result(
      decisionsOf(received),
      (d) =>
        kinds.includes(d.kind) &&
        'permission' in d &&
        d.permission === permission &&
        d.decision === outcome &&
        originMatches(d.origin, options.origin),
      `${outcome} "${permission}" ${asked}${origin}`,
    );
  };
}

const bareHost = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').toLowerCase();

function certificateMatcher(
  outcome: 'accepted' | 'rejected',
): (received: unknown, hostname: string) => DecisionMatcherResult {
  return (received, hostname) =>
    result(
      decisionsOf(received),
      (d) =>
        (d.kind === 'certificate' || d.kind === 'certificate-error') &&
        bareHost(d.hostname) === bareHost(hostname) &&
        d.decision === outcome,
      `${outcome} certificate for ${hostname}`,
    );
}

/**
 * Matchers over `fake.decisions` (or `fake`) for Jest's and Vitest's
 * `expect.extend`. Permission matchers look at requests and checks; the
 * certificate matchers at verifications and `'certificate-error'` answers.
 * @example
 * expect.extend(decisionMatchers);
 * expect(fake.decisions).toHaveGrantedPermission('notifications', { origin: 'https://app.test' });
 * expect(fake.decisions).toHaveRejectedCertificate('evil.test');
 */
export const decisionMatchers = {
  toHaveGrantedPermission: permissionMatcher('granted'),
  toHaveDeniedPermission: permissionMatcher('denied'),
  toHaveAcceptedCertificate: certificateMatcher('accepted'),
  toHaveRejectedCertificate: certificateMatcher('rejected'),
};

/** The matchers as `expect(…)` gains them (for type augmentation). */
export interface DecisionMatchers<R = unknown> {
  /** A permission request or check for `permission` (at `origin`) was granted. */
  toHaveGrantedPermission(permission: string, options?: PermissionMatcherOptions): R;
  /** A permission request or check for `permission` (at `origin`) was denied. */
  toHaveDeniedPermission(permission: string, options?: PermissionMatcherOptions): R;
  /** A certificate of `hostname` was accepted (by verification or a `'certificate-error'` listener). */
  toHaveAcceptedCertificate(hostname: string): R;
  /** A certificate of `hostname` was rejected (by verification or in `'certificate-error'`). */
  toHaveRejectedCertificate(hostname: string): R;
}
