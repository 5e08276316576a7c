// Small wire-shaped fixtures for unit tests.
import type { AppSummary, Connection } from '@plugboard/contract';

export function appSummary(key: string, extra: Partial<AppSummary> = {}): AppSummary {
  return {
    key,
    name: key.charAt(0).toUpperCase() + key.slice(1),
    categories: ['crm'],
    aliases: [],
    popularity: 1,
    description: `${key} app`,
    health: { status: 'operational' },
    authTypes: ['api_key'],
    ...extra,
  };
}

export function connection(id: string, app: string, extra: Partial<Connection> = {}): Connection {
  return {
    id,
    app,
    label: `${app} account`,
    method: 'api_key',
    status: 'connected',
    grantedScopes: [],
    missingScopes: [],
    lastTestedAt: null,
    lastError: null,
    setup: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}
