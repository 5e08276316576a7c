// Story and test support: waiting for a state an element reaches on its own (a render, an answer).

/** Resolves with what `find` returns once it is truthy; fails after `timeoutMs`. */
export async function waitFor<T>(
  find: () => T | null | undefined,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  for (const end = Date.now() + timeoutMs; ;) {
    const found = find();
    if (found) return found;
    if (Date.now() >= end) throw new Error(`${what} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
