// Pipedrive does not sign webhooks: it sends the HTTP basic auth set on the webhook
// (`http_auth_user` / `http_auth_password`; "HTTP Auth" in its settings) with every delivery
// (https://pipedrive.readme.io/docs/guide-for-webhooks).
import { sameText } from './equal-secrets.js';

export interface BasicCredentials {
  username: string;
  password: string;
}

export function verifyBasicAuth(headers: Headers, expected: BasicCredentials): boolean {
  const match = /^basic\s+([A-Za-z0-9+/=]+)$/i.exec(headers.get('authorization') ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return false;
  // Both compared, so a wrong user name takes as long as a wrong password.
  const userMatches = sameText(decoded.slice(0, separator), expected.username);
  const passwordMatches = sameText(decoded.slice(separator + 1), expected.password);
  return userMatches && passwordMatches;
}
