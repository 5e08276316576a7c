import { PlugboardError, toPlugboardError } from '@plugboard/core';

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

/** A click whose code could not be fetched (offline): the error to show, and the click again. */
export interface ChunkFailure {
  error: PlugboardError;
  retry: () => void;
}

/** Loads a click's code: undefined once it is in, or the failure to show with `retry`. */
export async function loadForClick(
  load: () => Promise<unknown>,
  retry: () => void,
): Promise<ChunkFailure | undefined> {
  try {
    await load();
    return undefined;
  } catch (error) {
    return { error: toPlugboardError(error), retry };
  }
}
