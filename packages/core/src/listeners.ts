// What the stores share: their load state, and change notification (subscribe / notify),
// isolated from listener faults.
export type StoreState = 'idle' | 'loading' | 'ready' | 'error';

export type Unsubscribe = () => void;

export interface Listeners {
  subscribe(listener: () => void): Unsubscribe;
  notify(): void;
}

export function createListeners(): Listeners {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify() {
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          // A broken subscriber (one element) must not stop the others from updating.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
  };
}
