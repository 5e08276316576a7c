// The catalog as one session sees it: a minted session's `allowedApps` hides the other apps
// (403 `app_not_allowed` when asked for by key), as on the real server.
import type { App } from '@plugboard/contract';
import { findApp, type MockContext } from '../context.js';
import { problemAnswer, type Answer } from '../http/responses.js';
import type { MockSession } from '../state/mock-state.js';
import { allowsApp } from '../state/sessions.js';

export type AppLookup = { ok: true; app: App } | { ok: false; answer: Answer };

export function appForSession(
  ctx: MockContext,
  requestId: string,
  session: MockSession | undefined,
  key: string,
): AppLookup {
  const app = findApp(ctx, key);
  if (!app)
    return {
      ok: false,
      answer: problemAnswer(requestId, 404, 'not_found', `No app "${key.slice(0, 64)}".`),
    };
  if (!allowsApp(session, key))
    return {
      ok: false,
      answer: problemAnswer(
        requestId,
        403,
        'app_not_allowed',
        'This app is not available in this session.',
      ),
    };
  return { ok: true, app };
}
