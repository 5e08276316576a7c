import { lazyModule } from './lazy-module.js';

/**
 * An element whose code is a separate chunk (see `lazy-elements.ts`), registered the first time
 * something needs it: a pointer over or focus on the button that opens it, idle time, or the
 * click itself. A tag in the page before its code arrives upgrades when it is defined.
 */
export interface LazyElement {
  readonly tag: string;
  /** True once the tag is defined (by this loader or any other registration). */
  readonly defined: boolean;
  /**
   * Loads the chunk and registers the tag: once, or again after a failure (offline). Resolves when
   * the tag is defined; rejects with a `network` PlugboardError when the chunk could not load.
   */
  load(): Promise<void>;
  /** `load()` for intent and idle time: a failure is left for the click to report. */
  preload(): void;
}

export function lazyElement(tag: string, importDefinition: () => Promise<unknown>): LazyElement {
  const code = lazyModule(`<${tag}>`, importDefinition);
  const element: LazyElement = {
    tag,
    get defined() {
      return customElements.get(tag) !== undefined;
    },
    async load() {
      if (element.defined) return;
      await code.load();
      await customElements.whenDefined(tag);
    },
    preload() {
      element.load().catch(() => undefined);
    },
  };
  return element;
}
