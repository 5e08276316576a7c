import { PlugboardError } from '@plugboard/core';

/**
 * Code that ships as a lazy chunk, fetched the first time something needs it (intent, idle time
 * or the click itself), once, or again after a failure (offline).
 */
export interface LazyModule<T> {
  /** The module once it has arrived, for code that runs synchronously (render). */
  readonly loaded: T | undefined;
  /** Resolves with the module; rejects with a `network` PlugboardError when it could not load. */
  load(): Promise<T>;
  /** `load()` for intent and idle time: a failure is left for the click to report. */
  preload(): void;
}

/** `what` names the code in the error ("<connect-dialog>"). */
export function lazyModule<T>(what: string, importModule: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const lazy: LazyModule<T> = {
    get loaded() {
      return loaded;
    },
    load() {
      loading ??= importModule().then(
        (module) => (loaded = module),
        (cause: unknown) => {
          loading = undefined;
          throw new PlugboardError('network', `The code of ${what} could not be loaded.`, {
            cause,
          });
        },
      );
      return loading;
    },
    preload() {
      lazy.load().catch(() => undefined);
    },
  };
  return lazy;
}
