// The single demo identity, its API key and the scopes the demo provider understands.

export const DEMO_USER = {
  id: 'demo-user',
  email: 'demo@example.com',
  name: 'Demo User',
  password: 'demo',
} as const;

export const DEMO_API_KEY = 'demo-key-123';

/** Every scope the provider supports, with the plain-language text shown on the consent page. */
export const DEMO_SCOPES: Record<string, string> = {
  openid: 'Confirm who you are',
  email: 'See your email address',
  profile: 'See your name',
  offline_access: 'Stay connected when you are not using the app',
  'contacts.read': 'See your contacts',
  'contacts.write': 'Create and change your contacts',
  'deals.read': 'See your deals',
  'deals.write': 'Create and change your deals',
  'files.read': 'See your files',
  'calendar.read': 'See your calendar events',
};

/** Scopes the user cannot untick: without `openid` there is no signed-in user to grant anything. */
export const REQUIRED_SCOPES: ReadonlySet<string> = new Set(['openid']);

/** The public profile returned by the demo API and as OIDC claims (never the password). */
export const DEMO_PROFILE = { id: DEMO_USER.id, email: DEMO_USER.email, name: DEMO_USER.name };
