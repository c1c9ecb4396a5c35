import type { Exchange } from '../exchange';

/** Jump back to an earlier stage (redirects restart at the top, auth retries re-send headers). */
export interface Restart {
  readonly restartAt: string;
}

/** A stage does one job on the exchange; it returns nothing to continue, or a restart. */
export type Stage = ((exchange: Exchange) => void | Restart | Promise<void | Restart>) & {
  readonly stageName: string;
};

export function stage(
  name: string,
  run: (exchange: Exchange) => void | Restart | Promise<void | Restart>,
): Stage {
  return Object.assign(run, { stageName: name });
}
