// The huge catalog: `generateCatalog` gives summaries only, and the app detail endpoint needs full
// apps, so each summary gets one plain method per auth type it lists.
import type { App, AppSummary, AuthMethod, AuthType } from '@plugboard/contract';
import { generateCatalog } from '@plugboard/contract/generate-catalog';

const HUGE_CATALOG_SIZE = 10_000;

function secret(name: string, label: string) {
  return { name, label, type: 'password' as const, required: true, secret: true };
}

function methodFor(type: AuthType, appName: string): AuthMethod {
  const method = { type, helpUrl: null, fields: [], scopes: [] };
  switch (type) {
    case 'oauth2':
      return {
        ...method,
        label: `Sign in with ${appName}`,
        scopes: [{ name: 'data.read', description: `See your ${appName} data`, required: true }],
      };
    case 'api_key':
      return { ...method, label: 'API key', fields: [secret('apiKey', 'API key')] };
    case 'token':
      return { ...method, label: 'Access token', fields: [secret('token', 'Access token')] };
    case 'basic':
      return {
        ...method,
        label: 'Email and password',
        fields: [
          { name: 'username', label: 'Email', type: 'email', required: true, secret: false },
          secret('password', 'Password'),
        ],
      };
    case 'custom':
      return {
        ...method,
        label: 'Account ID and secret',
        fields: [
          { name: 'accountId', label: 'Account ID', type: 'text', required: true, secret: false },
          secret('secret', 'Secret'),
        ],
      };
  }
}

function appFromSummary(summary: AppSummary): App {
  return {
    ...summary,
    helpUrl: null,
    authMethods: summary.authTypes.map((type) => methodFor(type, summary.name)),
    setupSteps: [],
  };
}

export function hugeCatalog(): App[] {
  return generateCatalog(HUGE_CATALOG_SIZE).map(appFromSummary);
}
