// The demo "service" API that connections are tested and set up against. Every endpoint accepts
// an OAuth access token issued by this provider (looked up through oidc-provider's own AccessToken
// model), a demo API key as an X-Api-Key header, or HTTP Basic (email : key); each identifies one
// demo account. GET /me answers who that is; /channels, /pipelines and /stages list what the
// account holds, paged with a cursor and searchable with `q`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';

import { constantTimeEqual } from '../crypto/random.js';
import {
  DEMO_USERS,
  demoUserByEmail,
  demoUserById,
  publicProfile,
  type DemoIdentity,
} from './demo-account.js';
import { workspaceOf } from '@plugboard/contract/demo-workspace';
import { sendJson } from './http-io.js';

export const API_PREFIX = '/api';

const REALM = 'Plugboard Demo API';
const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;

type Caller =
  { user: DemoIdentity; scopes: string[] } | { failure: string; credentialsMissing?: boolean };

async function callerFromAccessToken(provider: Provider, token: string): Promise<Caller> {
  const accessToken = await provider.AccessToken.find(token);
  const user = demoUserById(accessToken?.accountId);
  // find() forgives clock skew (clockTolerance); the API honours the exact expiry.
  if (!accessToken || accessToken.isExpired || !user) {
    return { failure: 'The access token is invalid or has expired.' };
  }
  return { user, scopes: accessToken.scope?.split(' ').filter(Boolean) ?? [] };
}

function callerFromApiKey(key: string): Caller {
  // Every key is compared, so the time taken does not tell which one matched.
  const matches = DEMO_USERS.filter((candidate) => constantTimeEqual(key, candidate.apiKey));
  const [user] = matches;
  return user ? { user, scopes: [] } : { failure: 'The API key is not valid.' };
}

function callerFromBasic(encoded: string): Caller {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const user = separator < 0 ? undefined : demoUserByEmail(decoded.slice(0, separator));
  const caller = user ? callerFromApiKey(decoded.slice(separator + 1)) : undefined;
  if (!caller || !('user' in caller) || caller.user !== user) {
    return { failure: 'The email or API key is not valid.' };
  }
  return caller;
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

/** One page of `items` whose name contains `q`; the cursor is the offset of the next page. */
function pageOf<T>(items: readonly T[], nameOf: (item: T) => string, query: URLSearchParams) {
  const q = (query.get('q') ?? '').trim().toLowerCase();
  const matching = q ? items.filter((item) => nameOf(item).toLowerCase().includes(q)) : items;
  const offset = /^\d{1,6}$/.test(query.get('cursor') ?? '') ? Number(query.get('cursor')) : 0;
  const asked = Number(query.get('limit'));
  const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, PAGE_MAX) : PAGE_DEFAULT;
  const end = offset + limit;
  return {
    items: matching.slice(offset, end),
    next_cursor: end < matching.length ? String(end) : null,
  };
}

type Route = (
  user: DemoIdentity,
  scopes: string[],
  path: string,
  query: URLSearchParams,
) => { status: number; body: unknown } | undefined;

/** The API's endpoints, by path; undefined when none matches. */
const route: Route = (user, scopes, path, query) => {
  const workspace = workspaceOf(user.id);
  if (path === '/me') return { status: 200, body: { ...publicProfile(user), scopes } };
  if (path === '/channels') {
    const page = pageOf(workspace.channels, (channel) => channel.name, query);
    return { status: 200, body: { ...page, items: page.items.map(channelBody) } };
  }
  const channelId = /^\/channels\/([A-Za-z0-9]{1,40})$/.exec(path)?.[1];
  if (channelId) {
    const found = workspace.channels.find((channel) => channel.id === channelId);
    return found
      ? { status: 200, body: channelBody(found) }
      : { status: 404, body: { error: 'channel_not_found', message: 'There is no such channel.' } };
  }
  if (path === '/pipelines') {
    return { status: 200, body: pageOf(workspace.pipelines, (pipeline) => pipeline.name, query) };
  }
  if (path === '/stages') {
    const page = pageOf(workspace.stages, (stage) => `${stage.pipelineName} ${stage.name}`, query);
    return {
      status: 200,
      body: {
        ...page,
        items: page.items.map((stage) => ({
          id: stage.id,
          name: stage.name,
          pipeline_id: stage.pipelineId,
          pipeline_name: stage.pipelineName,
        })),
      },
    };
  }
  return undefined;
};

function channelBody(channel: ReturnType<typeof workspaceOf>['channels'][number]) {
  return { id: channel.id, name: channel.name, topic: channel.topic, is_member: channel.isMember };
}

/** Handles every request under /api. */
export function createDemoApiHandler(provider: Provider) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const path = pathname.slice(API_PREFIX.length);
    const known = path === '/me' || /^\/(channels|pipelines|stages)(\/|$)/.test(path);
    if (!known) {
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
    const query = new URL(req.url ?? '/', 'http://demo.invalid').searchParams;
    const answer = route(caller.user, caller.scopes, path, query) ?? {
      status: 404,
      body: { error: 'not_found', message: 'There is no such endpoint.' },
    };
    sendJson(res, answer.status, answer.body);
  };
}
