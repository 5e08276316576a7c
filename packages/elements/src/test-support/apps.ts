// Component-test support: generated catalogs of any size, for tests that need no backend.
import type { AppSummary } from '@plugboard/contract';

const CATEGORIES = ['CRM', 'Marketing', 'Spreadsheets', 'Support'];

/** `count` apps named "App 0001"…, most popular first, spread over four categories. */
export function generatedApps(count: number): AppSummary[] {
  return Array.from({ length: count }, (_, index) => {
    const label = String(index + 1).padStart(4, '0');
    return {
      key: `app-${label}`,
      name: `App ${label}`,
      categories: [CATEGORIES[index % CATEGORIES.length] ?? 'CRM'],
      aliases: [],
      popularity: count - index,
      description: `Generated app number ${index + 1}`,
      health: { status: 'operational' },
      authTypes: ['api_key'],
    } satisfies AppSummary;
  });
}

/** A small hand-written catalog with names people search for. */
export function namedApps(): AppSummary[] {
  const app = (key: string, name: string, category: string, popularity: number): AppSummary => ({
    key,
    name,
    categories: [category],
    aliases: [],
    popularity,
    description: `${name} description`,
    health: { status: 'operational' },
    authTypes: ['api_key'],
  });
  return [
    app('pipedrive', 'Pipedrive', 'CRM', 90),
    app('hubspot', 'HubSpot', 'CRM', 80),
    app('google-sheets', 'Google Sheets', 'Spreadsheets', 95),
    app('mailchimp', 'Mailchimp', 'Marketing', 70),
    app('zendesk', 'Zendesk', 'Support', 60),
  ];
}
