// Slack, from api.slack.com (docs.slack.dev): OAuth v2 with user scopes (`user_scope`, comma
// separated), oauth.v2.access answering HTTP 200 with `ok: false` on errors and the user token
// under `authed_user`, token rotation (the old refresh token is revoked), auth.test, auth.revoke,
// and the channels: conversations.list (`limit` up to 1000, `cursor` from
// `response_metadata.next_cursor`, empty on the last page, `channels:read` needed) and
// conversations.info (`channel_not_found` for a channel it does not know).
import { consentDecision, consentPage, OAuthGrants, redirectBack } from '../oauth-grants.js';
import { bearer, clientCredentials, form, json, routes } from '../service-double.js';
import type { DoubledService } from '../scenario.js';

const TEAM = { id: 'T0ACME01', name: 'Acme' };
const USER = { id: 'U0JANE01', name: 'jane' };

/** 250 public channels: a first page of 200 and a second of 50. Jane is not in #random. */
const CHANNELS = [
  { id: 'C0GENERAL', name: 'general', member: true },
  { id: 'C0SALES', name: 'sales', member: true },
  { id: 'C0RANDOM', name: 'random', member: false },
  ...Array.from({ length: 247 }, (_, index) => ({
    id: `C1${String(index + 1).padStart(7, '0')}`,
    name: `project-${String(index + 1).padStart(3, '0')}`,
    member: true,
  })),
].map((channel) => ({
  id: channel.id,
  name: channel.name,
  is_channel: true,
  is_private: false,
  is_archived: false,
  is_member: channel.member,
  purpose: { value: channel.name === 'general' ? 'Company-wide announcements' : '' },
}));

const slackCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const offsetOf = (cursor: string) =>
  Number(/^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString())?.[1] ?? NaN);

export function slackService(): DoubledService {
  const grants = new OAuthGrants(
    {
      clientId: '1111.2222',
      clientSecret: 'slack-secret',
      accessTtl: 43_200,
      refreshTokens: true,
      rotate: true,
    },
    'xoxe.xoxp-',
  );
  const slackError = (error: string) => json(200, { ok: false, error });
  const authorize = (request: Parameters<typeof consentPage>[1]) => {
    const params = request.url.searchParams;
    if (params.get('client_id') !== grants.policy.clientId)
      return consentPage('Slack', request, 'Invalid client_id parameter');
    if (!params.get('scope') && !params.get('user_scope'))
      return consentPage('Slack', request, 'No scopes requested');
    return null;
  };
  const double = routes({
    'GET slack.com /oauth/v2/authorize': (request) =>
      authorize(request) ?? consentPage('Slack', request),
    'POST slack.com /oauth/v2/authorize': (request) => {
      const problem = authorize(request);
      if (problem) return problem;
      const params = request.url.searchParams;
      const redirectUri = params.get('redirect_uri')!;
      if (consentDecision(request) === 'deny') {
        return redirectBack(redirectUri, params.get('state'), { error: 'access_denied' });
      }
      const code = grants.issueCode({
        redirectUri,
        scopes: (params.get('user_scope') ?? '').split(',').filter(Boolean),
        challenge: params.get('code_challenge'),
        extra: {},
      });
      return redirectBack(redirectUri, params.get('state'), { code });
    },
    'POST slack.com /api/oauth.v2.access': (request) => {
      const params = form(request);
      const client = clientCredentials(request, params);
      if (!client || client.id !== grants.policy.clientId) return slackError('invalid_client_id');
      if (!grants.checkClient(client)) return slackError('bad_client_secret');
      if (params.get('grant_type') === 'refresh_token') {
        const grant = grants.refresh(params.get('refresh_token') ?? '');
        if (grant === 'invalid_grant') return slackError('invalid_refresh_token');
        if (typeof grant === 'string') return slackError(grant);
        // A refreshed user token comes back at the top level.
        return json(200, {
          ok: true,
          app_id: 'A0PLUGBOARD',
          access_token: grant.accessToken,
          token_type: 'user',
          scope: grant.scopes.join(','),
          refresh_token: grant.refreshToken,
          expires_in: 43_200,
          team: TEAM,
          enterprise: null,
          is_enterprise_install: false,
        });
      }
      const grant = grants.exchange(
        params.get('code') ?? '',
        params.get('redirect_uri'),
        params.get('code_verifier'),
      );
      if (typeof grant === 'string') return slackError('invalid_code');
      return json(200, {
        ok: true,
        app_id: 'A0PLUGBOARD',
        authed_user: {
          id: USER.id,
          scope: grant.scopes.join(','),
          access_token: grant.accessToken,
          token_type: 'user',
          refresh_token: grant.refreshToken,
          expires_in: 43_200,
        },
        team: TEAM,
        enterprise: null,
        is_enterprise_install: false,
      });
    },
    'POST slack.com /api/auth.test': (request) => {
      const token = bearer(request) ?? form(request).get('token');
      if (!token) return slackError('not_authed');
      if (!grants.access(token)) return slackError('invalid_auth');
      return json(200, {
        ok: true,
        url: 'https://acme.slack.com/',
        team: TEAM.name,
        user: USER.name,
        team_id: TEAM.id,
        user_id: USER.id,
        is_enterprise_install: false,
      });
    },
    'GET slack.com /api/conversations.list': (request) => {
      const scopes = grants.access(bearer(request))?.scopes;
      if (!scopes) return slackError('invalid_auth');
      if (!scopes.includes('channels:read')) return slackError('missing_scope');
      const params = request.url.searchParams;
      const limit = Math.min(Number(params.get('limit') ?? 100), 1000);
      const cursor = params.get('cursor');
      const offset = cursor ? offsetOf(cursor) : 0;
      if (!Number.isInteger(offset)) return slackError('invalid_cursor');
      const end = offset + limit;
      return json(200, {
        ok: true,
        channels: CHANNELS.slice(offset, end),
        response_metadata: { next_cursor: end < CHANNELS.length ? slackCursor(end) : '' },
      });
    },
    'GET slack.com /api/conversations.info': (request) => {
      if (!grants.access(bearer(request))) return slackError('invalid_auth');
      const channel = CHANNELS.find(
        (candidate) => candidate.id === request.url.searchParams.get('channel'),
      );
      return channel ? json(200, { ok: true, channel }) : slackError('channel_not_found');
    },
    'POST slack.com /api/auth.revoke': (request) => {
      const token = bearer(request) ?? form(request).get('token');
      if (!token) return slackError('not_authed');
      if (!grants.revoke(token)) return slackError('invalid_auth');
      return json(200, { ok: true, revoked: true });
    },
  });
  return {
    double,
    scenarios: [
      {
        app: 'slack',
        host: { clientId: grants.policy.clientId, clientSecret: grants.policy.clientSecret },
        oauth: { label: 'jane (Acme)', grants },
        setup: {
          channel: {
            labels: CHANNELS.map((channel) => `#${channel.name}`),
            search: { q: 'SAL', labels: ['#sales'] },
            firstPasses: true,
          },
        },
      },
    ],
  };
}
