// The signed-in user's "Connected apps" page, as a real service's account settings offer it:
// GET lists the apps the account allowed, POST removes them all. Removing an app revokes its
// grant the way oidc-provider does: the grant's access tokens, refresh tokens and codes are
// gone, so the app's next call fails and it has to ask the user again.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';

import { demoUserById } from './demo-account.js';
import { sendHtml } from './http-io.js';
import type { InMemoryStore, StoredGrant } from './in-memory-adapter.js';
import { escapeHtml, PAGE_CSP, renderPage } from './page-layout.js';

export const CONNECTED_APPS_PATH = '/account/apps';

function sendPage(res: ServerResponse, status: number, body: string): void {
  sendHtml(res, status, renderPage('Connected apps', body), PAGE_CSP);
}

export function renderConnectedAppsPage(accountEmail: string, clientIds: string[]): string {
  const intro = `<h1>Connected apps</h1>
<p>You are signed in as <strong>${escapeHtml(accountEmail)}</strong>.</p>`;
  if (clientIds.length === 0) return `${intro}\n<p>No app has access to your account.</p>`;
  return `${intro}
<p>These apps can use your account:</p>
<ul>
${clientIds.map((clientId) => `<li>${escapeHtml(clientId)}</li>`).join('\n')}
</ul>
<form method="post" action="${CONNECTED_APPS_PATH}">
<div class="actions"><button type="submit">Remove access for all apps</button></div>
</form>`;
}

const SIGNED_OUT = `<h1>Connected apps</h1>
<p>You are not signed in. Sign in through an app that uses this provider first.</p>`;

async function revokeGrant(provider: Provider, { grantId }: StoredGrant): Promise<void> {
  await Promise.all([
    provider.AccessToken.revokeByGrantId(grantId),
    provider.RefreshToken.revokeByGrantId(grantId),
    provider.AuthorizationCode.revokeByGrantId(grantId),
  ]);
  await provider.Grant.adapter.destroy(grantId);
}

/** A form post from another site (same-site pages on other ports included) must not revoke. */
function isCrossOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin';
}

export function createConnectedAppsHandler(provider: Provider, store: InMemoryStore) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (req.method === 'POST' && isCrossOrigin(req)) {
        sendPage(res, 403, '<h1>Connected apps</h1>\n<p>Open this page to remove access.</p>');
        return;
      }
      // The session cookie set when the user signed in through an app (not saved back here).
      const session = await provider.Session.get({ req, res } as Parameters<
        Provider['Session']['get']
      >[0]);
      const account = demoUserById(session.accountId);
      if (!account) {
        sendPage(res, 401, SIGNED_OUT);
        return;
      }
      if (req.method === 'POST') {
        await Promise.all(store.grantsOf(account.id).map((grant) => revokeGrant(provider, grant)));
        // Post/redirect/get: reloading the page does not post again.
        res.writeHead(303, { location: CONNECTED_APPS_PATH, 'cache-control': 'no-store' }).end();
        return;
      }
      if (req.method !== 'GET') {
        res.writeHead(405, { allow: 'GET, POST' }).end();
        return;
      }
      const clientIds = [...new Set(store.grantsOf(account.id).map((grant) => grant.clientId))];
      sendPage(res, 200, renderConnectedAppsPage(account.email, clientIds));
    } catch {
      if (res.headersSent) res.destroy();
      else sendPage(res, 500, '<h1>Connected apps</h1>\n<p>The page could not be shown.</p>');
    }
  };
}
