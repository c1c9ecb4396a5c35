/**
 * The `Event` object Electron passes as the first listener argument of its
 * native events: `preventDefault()` flips `defaultPrevented`.
 */
export interface ElectronEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
  readonly sender?: unknown;
}

export function createElectronEvent(sender?: unknown): ElectronEvent {
  let prevented = false;
  return {
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
    ...(sender === undefined ? {} : { sender }),
  };
}
