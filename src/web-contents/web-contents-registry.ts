import type { WebContents } from './web-contents';

/** The `webContents` module. @see https://www.electronjs.org/docs/latest/api/web-contents#methods */
export interface WebContentsModule {
  getAllWebContents(): WebContents[];
  getFocusedWebContents(): WebContents | null;
  fromId(id: number): WebContents | undefined;
}

/** Every live WebContents of one fake process, by id. */
export class WebContentsRegistry {
  readonly #byId = new Map<number, WebContents>();
  #nextId = 1;

  nextId(): number {
    return this.#nextId++;
  }

  add(webContents: WebContents): void {
    this.#byId.set(webContents.id, webContents);
  }

  remove(id: number): void {
    this.#byId.delete(id);
  }

  readonly module: WebContentsModule = {
    getAllWebContents: () => [...this.#byId.values()],
    getFocusedWebContents: () => null,
    fromId: (id) => this.#byId.get(id),
  };
}
