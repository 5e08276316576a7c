// The demo identities, their API keys and the scopes the demo provider understands. Two accounts,
// so connecting two accounts of one app can be tried for real.

export interface DemoIdentity {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly password: string;
  /** The key that signs in as this account wherever an app takes an API key or token. */
  readonly apiKey: string;
}

export const DEMO_USERS: readonly DemoIdentity[] = [
  {
    id: 'demo-user',
    email: 'demo@example.com',
    name: 'Demo User',
    password: 'demo',
    apiKey: 'demo-key-123',
  },
  {
    id: 'demo-user-2',
    email: 'alex@example.com',
    name: 'Alex Rivera',
    password: 'demo',
    apiKey: 'demo-key-456',
  },
];

/** The first demo identity (the one the docs and the login page name first). */
export const DEMO_USER = DEMO_USERS[0]!;
export const DEMO_API_KEY = DEMO_USER.apiKey;

export function demoUserById(id: string | undefined): DemoIdentity | undefined {
  return DEMO_USERS.find((user) => user.id === id);
}

export function demoUserByEmail(email: string): DemoIdentity | undefined {
  const wanted = email.trim().toLowerCase();
  return DEMO_USERS.find((user) => user.email === wanted);
}

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
export function publicProfile(user: DemoIdentity): { id: string; email: string; name: string } {
  return { id: user.id, email: user.email, name: user.name };
}
