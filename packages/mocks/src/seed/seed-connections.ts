// The connections a scenario starts with. Pipedrive (token + webhook step) is used when the
// catalog has it; the other slots take the first apps offering the method they need.
import type { App, Connection } from '@plugboard/contract';
import {
  buildConnection,
  credentialHint,
  minutesAgo,
  webhookSetupFor,
} from '../state/connection-factory.js';
import { appsWithMethod, scopeNames } from './pick-apps.js';

const DAY = 24 * 60;

function pipedriveOrFirstCredentialApp(catalog: readonly App[]): App | undefined {
  return (
    catalog.find((app) => app.key === 'pipedrive') ??
    catalog.find((app) => app.authMethods.some((method) => method.fields.length > 0))
  );
}

function credentialMethodOf(app: App) {
  return app.authMethods.find((method) => method.type !== 'oauth2') ?? app.authMethods[0]!;
}

/** `default`: a token connection whose webhook already received events, and an OAuth one. */
export function defaultConnections(
  catalog: readonly App[],
  baseUrl: string,
  now: Date,
): Connection[] {
  const seeds: Connection[] = [];
  const tokenApp = pipedriveOrFirstCredentialApp(catalog);
  if (tokenApp) {
    const id = 'con_demo0001';
    seeds.push(
      buildConnection(
        {
          id,
          app: tokenApp.key,
          label: 'jane@acme.example',
          method: credentialMethodOf(tokenApp).type,
          credentialHint: credentialHint('demo-key-123'),
          lastTestedAt: minutesAgo(now, 90),
          setup: webhookSetupFor(tokenApp, id, baseUrl, minutesAgo(now, 30)),
          createdAt: minutesAgo(now, 3 * DAY),
          updatedAt: minutesAgo(now, 90),
        },
        now,
      ),
    );
  }
  const oauthApp = appsWithMethod(catalog, 'oauth2').find((app) => app.key !== tokenApp?.key);
  if (oauthApp) {
    seeds.push(
      buildConnection(
        {
          id: 'con_demo0002',
          app: oauthApp.key,
          label: 'Jane Doe (jane@acme.example)',
          method: 'oauth2',
          grantedScopes: scopeNames(oauthApp),
          lastTestedAt: minutesAgo(now, 2 * DAY),
          createdAt: minutesAgo(now, 10 * DAY),
          updatedAt: minutesAgo(now, 2 * DAY),
        },
        now,
      ),
    );
  }
  return seeds;
}

/** `connections-every-status`: one per status, each with the error a user would meet. */
export function everyStatusConnections(
  catalog: readonly App[],
  baseUrl: string,
  now: Date,
): Connection[] {
  const seeds: Connection[] = [];
  const tokenApp = pipedriveOrFirstCredentialApp(catalog);
  const oauthApps = appsWithMethod(catalog, 'oauth2').filter((app) => app.key !== tokenApp?.key);
  const keyApp = catalog.find(
    (app) => app !== tokenApp && app.authMethods.some((method) => method.type === 'api_key'),
  );
  if (tokenApp) {
    const id = 'con_status01';
    seeds.push(
      buildConnection(
        {
          id,
          app: tokenApp.key,
          label: 'jane@acme.example',
          method: credentialMethodOf(tokenApp).type,
          credentialHint: credentialHint('demo-key-123'),
          setup: webhookSetupFor(tokenApp, id, baseUrl),
          createdAt: minutesAgo(now, 5),
          updatedAt: minutesAgo(now, 5),
          lastTestedAt: minutesAgo(now, 5),
        },
        now,
      ),
    );
  }
  if (keyApp) {
    seeds.push(
      buildConnection(
        {
          id: 'con_status02',
          app: keyApp.key,
          label: 'ops@acme.example',
          method: 'api_key',
          status: 'error',
          credentialHint: credentialHint('sk_test_revoked0042'),
          lastError: {
            code: 'credentials_rejected',
            message: `${keyApp.name} rejected the API key: it was revoked or has expired. Paste a new key.`,
            requestId: 'req_seed000002',
          },
          lastTestedAt: minutesAgo(now, 45),
          createdAt: minutesAgo(now, 30 * DAY),
          updatedAt: minutesAgo(now, 45),
        },
        now,
      ),
    );
  }
  const [expiredApp, reauthApp] = oauthApps;
  if (expiredApp) {
    seeds.push(
      buildConnection(
        {
          id: 'con_status03',
          app: expiredApp.key,
          label: 'Jane Doe (jane@acme.example)',
          method: 'oauth2',
          status: 'expired',
          grantedScopes: scopeNames(expiredApp),
          lastError: {
            code: 'token_expired',
            message: 'The access token expired. Testing the connection renews it.',
            requestId: 'req_seed000003',
          },
          lastTestedAt: minutesAgo(now, 8 * DAY),
          createdAt: minutesAgo(now, 60 * DAY),
          updatedAt: minutesAgo(now, 8 * DAY),
        },
        now,
      ),
    );
  }
  if (reauthApp) {
    seeds.push(
      buildConnection(
        {
          id: 'con_status04',
          app: reauthApp.key,
          label: 'Acme workspace',
          method: 'oauth2',
          status: 'needs_reauth',
          grantedScopes: scopeNames(reauthApp).slice(0, 1),
          lastError: {
            code: 'refresh_failed',
            message: `${reauthApp.name} no longer accepts this sign-in (access was removed in its settings). Update the connection to sign in again.`,
            requestId: 'req_seed000004',
          },
          lastTestedAt: minutesAgo(now, 3 * DAY),
          createdAt: minutesAgo(now, 90 * DAY),
          updatedAt: minutesAgo(now, 3 * DAY),
        },
        now,
      ),
    );
  }
  return seeds;
}
