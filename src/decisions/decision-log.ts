import { perObject } from '../runtime/per-object';
import type { Decision } from './decision';

/** Every decision of one fake process, in the order they were made. */
export class DecisionLog {
  readonly #entries: Decision[] = [];

  record(decision: Decision): void {
    this.#entries.push(Object.freeze({ ...decision, details: Object.freeze({ ...decision.details }) }));
  }

  /** A snapshot: later decisions do not appear in an array already returned. */
  entries(): readonly Decision[] {
    return Object.freeze([...this.#entries]);
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

/** The decision log of one fake process (keyed by its runtime). */
export const decisionLogOf = perObject(() => new DecisionLog());
