/** How many recently chosen apps the empty search shows first. */
const RECENT_LIMIT = 5;

/** Pickers without a client (static `apps`) share this scope. */
const STATIC_SCOPE = {};

// In memory for the page's life only: the project keeps nothing in browser storage. One list per
// client, so two widgets for different end users on one page do not mix their histories.
const recentByScope = new WeakMap<object, string[]>();

/** The keys of the apps most recently chosen in this scope, newest first. */
export function recentAppKeys(scope: object | undefined): readonly string[] {
  return recentByScope.get(scope ?? STATIC_SCOPE) ?? [];
}

export function rememberApp(scope: object | undefined, appKey: string): void {
  const key = scope ?? STATIC_SCOPE;
  const previous = recentByScope.get(key) ?? [];
  recentByScope.set(
    key,
    [appKey, ...previous.filter((existing) => existing !== appKey)].slice(0, RECENT_LIMIT),
  );
}
