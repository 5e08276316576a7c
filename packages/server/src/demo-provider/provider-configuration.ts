// oidc-provider settings for the demo: code flow only, PKCE (S256) always, confidential clients
// authenticating with client_secret_basic or client_secret_post, opaque access tokens, refresh
// tokens when `offline_access` is granted, and every default that would print a notice replaced.
import { randomBytes } from 'node:crypto';
import type { Account, AdapterFactory, ClientMetadata, Configuration, JWKS } from 'oidc-provider';

import { DEMO_SCOPES, demoUserById } from './demo-account.js';
import { INTERACTION_PREFIX } from './interaction-paths.js';
import { ID_TOKEN_SIGNING_ALG } from './signing-keys.js';
import { renderErrorPage } from './interaction-pages.js';
import { PAGE_CSP } from './page-layout.js';

export interface DemoClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface ProviderConfigurationInput {
  clients: DemoClient[];
  accessTokenTtlSeconds: number;
  signingKeys: JWKS;
  adapter: AdapterFactory;
}

/** Paths of the oidc-provider endpoints that DemoProvider advertises. */
export const OAUTH_ROUTES = {
  authorization: '/auth',
  token: '/token',
  revocation: '/token/revocation',
} as const;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function toClientMetadata(client: DemoClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    id_token_signed_response_alg: ID_TOKEN_SIGNING_ALG,
    // oidc-provider accepts client_secret_post for a client registered with _basic and vice versa.
    token_endpoint_auth_method: 'client_secret_basic',
  };
}

function findDemoAccount(sub: string): Account | undefined {
  const user = demoUserById(sub);
  if (!user) return undefined;
  return {
    accountId: sub,
    claims: () => ({ sub, email: user.email, email_verified: true, name: user.name }),
  };
}

export function buildProviderConfiguration({
  clients,
  accessTokenTtlSeconds,
  signingKeys,
  adapter,
}: ProviderConfigurationInput): Configuration {
  return {
    adapter,
    clients: clients.map(toClientMetadata),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    routes: OAUTH_ROUTES,
    pkce: { required: () => true },
    scopes: Object.keys(DEMO_SCOPES),
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    findAccount: (_ctx, sub) => findDemoAccount(sub),
    // Like most SaaS APIs, every code exchange yields a refresh token, unless the user unticked
    // offline_access (which oidc-provider only puts on the consent page with prompt=consent).
    issueRefreshToken: (ctx, client) =>
      client.grantTypeAllowed('refresh_token') &&
      !ctx.oidc.entities.Grant?.getRejectedOIDCScope().split(' ').includes('offline_access'),
    // Connections must outlive the browser session used to sign in.
    expiresWithSession: () => false,
    jwks: signingKeys,
    // Fresh keys per instance: cookies from an earlier run are simply ignored.
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Cookies ignore ports: distinctive names keep them apart from the Plugboard server's own
      // cookies when both run on 127.0.0.1.
      names: {
        session: 'demo_provider_session',
        interaction: 'demo_provider_interaction',
        resume: 'demo_provider_resume',
      },
    },
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      AuthorizationCode: MINUTE,
      IdToken: HOUR,
      RefreshToken: 30 * DAY,
      Interaction: 30 * MINUTE,
      Session: DAY,
      Grant: 30 * DAY,
    },
    interactions: {
      url: (_ctx, interaction) => `${INTERACTION_PREFIX}${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: { enabled: false },
    },
    // Only servers talk to the token endpoint; browsers never need CORS here.
    clientBasedCORS: () => false,
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.set('content-security-policy', PAGE_CSP);
      ctx.body = renderErrorPage(
        'Something went wrong',
        out.error_description ?? out.error ?? 'The request could not be completed.',
      );
    },
  };
}
