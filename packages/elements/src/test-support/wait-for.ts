// Story and test support: waiting for a state an element reaches on its own (a render, an answer).

/** Resolves with what `find` returns once it is truthy; fails after about five seconds. */
export async function waitFor<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 200; tries++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} never appeared`);
}
