// The switchable behaviours of the mock backend: one name each, with the description Storybook's
// toolbar shows. The list is the single source of the `ScenarioName` type.
export const scenarios = [
  { name: 'default', description: 'A working backend with the demo catalog and two connections' },
  { name: 'empty', description: 'No connections yet' },
  { name: 'slow-network', description: 'Every response takes 1.5 s' },
  { name: 'offline', description: 'Every request fails with a network error' },
  {
    name: 'unauthorized-then-refresh',
    description: 'The first request with a token answers 401; later ones succeed (token refresh)',
  },
  { name: 'session-expired', description: 'Every request answers 401 session_expired' },
  { name: 'rate-limited', description: 'The first request answers 429 with Retry-After: 1' },
  { name: 'server-error', description: 'Every request answers 500 internal_error' },
  { name: 'malformed-json', description: 'Every request answers 200 with a broken JSON body' },
  { name: 'html-error-page', description: 'Every request answers 502 with an HTML error page' },
  {
    name: 'validation-errors',
    description: 'Creating or updating credentials answers 422 per field',
  },
  {
    name: 'connections-every-status',
    description: 'One connection per status (connected, error, expired, needs_reauth)',
  },
  { name: 'oauth-succeeds', description: 'The OAuth window signs in and grants every scope' },
  { name: 'oauth-fails', description: 'The OAuth provider fails (provider_error)' },
  {
    name: 'oauth-denied',
    description: 'The user denies access in the OAuth window (access_denied)',
  },
  { name: 'oauth-missing-scopes', description: 'The user grants less than the required scopes' },
  {
    name: 'oauth-duplicate',
    description: 'The OAuth account is already connected (duplicate_account)',
  },
  {
    name: 'oauth-cancelled',
    description:
      'The OAuth window closes without a result; the flow stays pending until it expires',
  },
  {
    name: 'oauth-times-out',
    description: 'The OAuth window never finishes; the flow stays pending',
  },
  {
    name: 'test-fails',
    description:
      'Connections save, but every Test fails: the service no longer accepts the key or sign-in',
  },
  { name: 'provider-degraded', description: 'Every provider reports degraded health' },
  {
    name: 'provider-down',
    description: 'Every provider is down: connecting answers 503 provider_unavailable',
  },
  { name: 'huge-catalog', description: '10,000 generated apps' },
  {
    name: 'hostile-catalog',
    description: 'Markup, script URLs, bidi controls and 10,000-character strings in every field',
  },
] as const satisfies ReadonlyArray<{ name: string; description: string }>;

export type ScenarioName = (typeof scenarios)[number]['name'];

export function isScenarioName(value: string): value is ScenarioName {
  return scenarios.some((scenario) => scenario.name === value);
}
