import type { App, AppSummary } from '@plugboard/contract';

/** The catalog's view of an app: AppSummary is closed, so the detail fields must go. */
export function toSummary(app: App): AppSummary {
  const summary: AppSummary = {
    key: app.key,
    name: app.name,
    categories: app.categories,
    aliases: app.aliases,
    popularity: app.popularity,
    description: app.description,
    health: app.health,
    authTypes: app.authTypes,
  };
  if (app.logoUrl !== undefined) summary.logoUrl = app.logoUrl;
  return summary;
}
