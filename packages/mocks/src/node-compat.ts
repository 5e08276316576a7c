// msw 3 targets Node 22: it calls Promise.withResolvers and Set.prototype.intersection /
// difference (present in every current browser, missing on Node 20). startMockServer adds the
// standard behaviour of exactly these three, once, and only where they are missing.

interface SetLike {
  has(value: unknown): boolean;
}

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { configurable: true, writable: true, value });
}

export function ensureMswNodeCompat(): void {
  define(Promise, 'withResolvers', function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  });
  define(Set.prototype, 'intersection', function intersection(this: Set<unknown>, other: SetLike) {
    return new Set([...this].filter((value) => other.has(value)));
  });
  define(Set.prototype, 'difference', function difference(this: Set<unknown>, other: SetLike) {
    return new Set([...this].filter((value) => !other.has(value)));
  });
}
