// A real OAuth 2.0 / OpenID Connect authorization server (oidc-provider) with a login page, a
// consent page and a small demo API, so the whole Plugboard OAuth flow runs offline on loopback.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Provider } from 'oidc-provider';

import { CONNECTED_APPS_PATH, createConnectedAppsHandler } from './connected-apps.js';
import { API_PREFIX, createDemoApiHandler } from './demo-api.js';
import { createInMemoryStore, type InMemoryStore } from './in-memory-adapter.js';
import { INTERACTION_PREFIX } from './interaction-paths.js';
import { createInteractionHandler } from './interaction-routes.js';
import { loadOidcProvider } from './load-oidc-provider.js';
import {
  OAUTH_ROUTES,
  buildProviderConfiguration,
  type DemoClient,
} from './provider-configuration.js';
import { generateSigningKeys } from './signing-keys.js';

export { DEMO_API_KEY, DEMO_USER } from './demo-account.js';
export type { DemoClient } from './provider-configuration.js';

export interface DemoProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Lifetime of access tokens; defaults to one hour. */
  accessTokenTtlSeconds?: number;
  clients: DemoClient[];
}

export interface DemoProvider {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** RFC 7009 token revocation (client-authenticated like the token endpoint). */
  revocationEndpoint: string;
  /** Base of the demo API; `GET {apiBaseUrl}/me` returns the signed-in demo user. */
  apiBaseUrl: string;
  /** The signed-in user's "Connected apps" page, where they remove an app's access. */
  connectedAppsUrl: string;
  close(): Promise<void>;
}

const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function shutDown(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets from clients (fetch pools them) would otherwise hold close() open.
    server.closeAllConnections();
  });
}

/** The issuer must be a URL a browser can open, so wildcard listen addresses become localhost. */
function issuerFor(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const bracketed = reachable.includes(':') ? `[${reachable}]` : reachable;
  return `http://${bracketed}:${port}`;
}

function createRequestRouter(provider: Provider, store: InMemoryStore) {
  const handleInteraction = createInteractionHandler(provider);
  const handleConnectedApps = createConnectedAppsHandler(provider, store);
  const handleApi = createDemoApiHandler(provider);
  const handleOAuth = provider.callback();
  return (req: IncomingMessage, res: ServerResponse): void => {
    const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid');
    if (pathname.startsWith(INTERACTION_PREFIX)) {
      void handleInteraction(req, res, pathname);
    } else if (pathname === CONNECTED_APPS_PATH) {
      void handleConnectedApps(req, res);
    } else if (pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`)) {
      void handleApi(req, res, pathname);
    } else {
      void handleOAuth(req, res);
    }
  };
}

export async function startDemoProvider(options: DemoProviderOptions): Promise<DemoProvider> {
  const host = options.host ?? '127.0.0.1';
  const [{ Provider }, signingKeys] = await Promise.all([
    loadOidcProvider(),
    generateSigningKeys(),
  ]);
  const server = createServer();
  const { port } = await listen(server, options.port ?? 0, host);
  const issuer = issuerFor(host, port);

  try {
    const store = createInMemoryStore();
    const provider = new Provider(
      issuer,
      buildProviderConfiguration({
        clients: options.clients,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
        signingKeys,
        adapter: store.adapter,
      }),
    );
    server.on('request', createRequestRouter(provider, store));
  } catch (error) {
    await shutDown(server);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    issuer,
    authorizationEndpoint: `${issuer}${OAUTH_ROUTES.authorization}`,
    tokenEndpoint: `${issuer}${OAUTH_ROUTES.token}`,
    revocationEndpoint: `${issuer}${OAUTH_ROUTES.revocation}`,
    apiBaseUrl: `${issuer}${API_PREFIX}`,
    connectedAppsUrl: `${issuer}${CONNECTED_APPS_PATH}`,
    close: () => (closing ??= shutDown(server)),
  };
}
