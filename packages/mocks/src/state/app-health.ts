// Provider health: what the catalog reports for an app, and what a `down` provider blocks
// (connecting, re-entering credentials, OAuth starts, tests), as on the real server.
import type { App, ProviderHealth } from '@plugboard/contract';
import type { MockContext } from '../context.js';

export function isProviderDown(app: App): boolean {
  return app.health.status === 'down';
}

/** Swaps in the app with its new health; the catalog, its ETags and the detail follow. */
export function setAppHealth(ctx: MockContext, app: App, health: ProviderHealth): App {
  // An empty message is no message, as the real server stores it.
  const updated: App = {
    ...app,
    health: health.message
      ? { status: health.status, message: health.message }
      : { status: health.status },
  };
  const index = ctx.state.catalog.findIndex((candidate) => candidate.key === app.key);
  if (index >= 0) ctx.state.catalog[index] = updated;
  ctx.state.appsByKey.set(app.key, updated);
  return updated;
}
