import type { Decision } from './decision';

function subject(decision: Decision): string {
  switch (decision.kind) {
    case 'certificate':
    case 'certificate-error':
      return `${decision.hostname} → ${decision.decision}${decision.decision === 'rejected' || decision.kind === 'certificate-error' ? ` (${decision.result})` : ''}`;
    case 'permission-request':
    case 'permission-check':
      return `"${decision.permission}" for ${decision.origin} → ${decision.decision}`;
    case 'device-permission':
      return `${decision.deviceType} device for ${decision.origin} → ${decision.decision}`;
    case 'bluetooth-pairing':
      return `Bluetooth device ${decision.deviceId} → ${decision.decision}`;
  }
}

/** One line per decision, for failure messages: `permission-request "media" for https://app.test → denied by handler (session "", webContents 1)`. */
export function formatDecision(decision: Decision): string {
  const where = [
    `session ${JSON.stringify(decision.partition)}`,
    ...(decision.webContentsId === null ? [] : [`webContents ${decision.webContentsId}`]),
  ].join(', ');
  return `${decision.kind} ${subject(decision)} by ${decision.madeBy} (${where})`;
}

/** The decisions as a numbered list, or a sentence saying there were none. */
export function formatDecisions(decisions: readonly Decision[]): string {
  if (decisions.length === 0) return 'No decision was made.';
  return ['Decisions made:', ...decisions.map((d, i) => `  ${i + 1}. ${formatDecision(d)}`)].join('\n');
}
