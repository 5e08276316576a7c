import { PlugboardError } from '@plugboard/core';

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
  let loading: Promise<void> | undefined;
  const element: LazyElement = {
    tag,
    get defined() {
      return customElements.get(tag) !== undefined;
    },
    load() {
      if (element.defined) return Promise.resolve();
      loading ??= importDefinition().then(
        () => customElements.whenDefined(tag).then(() => undefined),
        (cause: unknown) => {
          loading = undefined;
          throw new PlugboardError('network', `The code of <${tag}> could not be loaded.`, {
            cause,
          });
        },
      );
      return loading;
    },
    preload() {
      element.load().catch(() => undefined);
    },
  };
  return element;
}
