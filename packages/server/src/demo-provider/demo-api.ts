// The demo "service" API that connections are tested against. GET /me accepts either an OAuth
// access token issued by this provider (looked up through oidc-provider's own AccessToken model)
// or the demo API key, as an X-Api-Key header or as HTTP Basic (email : key).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';

import { constantTimeEqual } from '../crypto/random.js';
import { DEMO_API_KEY, DEMO_PROFILE } from './demo-account.js';
import { sendJson } from './http-io.js';

export const API_PREFIX = '/api';

const REALM = 'Plugboard Demo API';

type Caller = { scopes: string[] } | { failure: string; credentialsMissing?: boolean };

async function callerFromAccessToken(provider: Provider, token: string): Promise<Caller> {
  const accessToken = await provider.AccessToken.find(token);
  // find() forgives clock skew (clockTolerance); the API honours the exact expiry.
  if (!accessToken || accessToken.isExpired || accessToken.accountId !== DEMO_PROFILE.id) {
    return { failure: 'The access token is invalid or has expired.' };
  }
  return { scopes: accessToken.scope?.split(' ').filter(Boolean) ?? [] };
}

function callerFromApiKey(key: string): Caller {
  return constantTimeEqual(key, DEMO_API_KEY)
    ? { scopes: [] }
    : { failure: 'The API key is not valid.' };
}

function callerFromBasic(encoded: string): Caller {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const user = decoded.slice(0, Math.max(separator, 0));
  const key = decoded.slice(separator + 1);
  if (separator < 0 || !constantTimeEqual(user.toLowerCase(), DEMO_PROFILE.email)) {
    return { failure: 'The email or API key is not valid.' };
  }
  return callerFromApiKey(key);
}

async function identifyCaller(provider: Provider, req: IncomingMessage): Promise<Caller> {
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string') return callerFromApiKey(apiKey);

  const [scheme = '', credentials = ''] = (req.headers.authorization ?? '').split(' ');
  if (scheme.toLowerCase() === 'bearer' && credentials) {
    return callerFromAccessToken(provider, credentials);
  }
  if (scheme.toLowerCase() === 'basic' && credentials) return callerFromBasic(credentials);
  return {
    failure: 'Send an access token (Bearer), an X-Api-Key header or HTTP Basic credentials.',
    credentialsMissing: true,
  };
}

/** Handles every request under /api. */
export function createDemoApiHandler(provider: Provider) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (pathname !== `${API_PREFIX}/me`) {
      sendJson(res, 404, { error: 'not_found', message: 'There is no such endpoint.' });
      return;
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, { error: 'method_not_allowed', message: 'Use GET.' }, { allow: 'GET' });
      return;
    }
    const caller = await identifyCaller(provider, req).catch(() => undefined);
    if (!caller) {
      sendJson(res, 500, { error: 'server_error', message: 'The demo API failed.' });
      return;
    }
    if ('failure' in caller) {
      // RFC 6750: a request without credentials gets the challenge but no error code.
      const error = caller.credentialsMissing ? '' : ', error="invalid_token"';
      const challenge = `Bearer realm="${REALM}"${error}`;
      sendJson(
        res,
        401,
        { error: 'unauthorized', message: caller.failure },
        { 'www-authenticate': challenge },
      );
      return;
    }
    sendJson(res, 200, { ...DEMO_PROFILE, scopes: caller.scopes });
  };
}
