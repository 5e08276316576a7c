// One OAuth flow at a time per client: starting a new one supersedes the old, whose late results
// are then ignored (its handle already resolved as `cancelled: superseded`). Starting the same
// popup flow again while it runs (a double click) brings its popup forward instead.
import type { Connection } from '@plugboard/contract';
import type { EventStream } from '../events.js';
import type { HttpClient } from '../http/http-client.js';
import type { OAuthEnvironment, PopupWindow } from './browser-environment.js';
import { DEFAULT_FLOW_TIMING, type FlowTiming } from './flow-timing.js';
import type { OAuthApp, OAuthFlowHandle, OAuthResult, StartOAuthOptions } from './oauth-types.js';
import type { ActiveFlow, FlowDeps } from './active-flow.js';
import { PopupFlow } from './popup-flow.js';
import { resumeRedirectFlow, startRedirectFlow } from './redirect-flow.js';

export interface OAuthControllerOptions {
  readonly http: HttpClient;
  readonly events: EventStream;
  readonly backendOrigin: string;
  /** Looked up when a flow starts, never before (SSR-safe). */
  readonly environment: () => OAuthEnvironment;
  readonly timing?: Partial<FlowTiming>;
  readonly onConnection: (connection: Connection) => void;
}

export interface OAuthController {
  /** `openedPopup`: the window the client opened in the click while this code was loading. */
  start(
    app: OAuthApp,
    options?: StartOAuthOptions,
    openedPopup?: PopupWindow | null,
  ): OAuthFlowHandle;
  resumeRedirect(url?: string): Promise<OAuthResult | null>;
}

/** Callers get the handle only; `abandon` stays internal. */
function handleOf(flow: ActiveFlow): OAuthFlowHandle {
  return {
    result: flow.result,
    get popupOpened() {
      return flow.popupOpened;
    },
    reopen: () => flow.reopen(),
    cancel: () => flow.cancel(),
  };
}

export function createOAuthController(options: OAuthControllerOptions): OAuthController {
  let active: ActiveFlow | undefined;
  const timing: FlowTiming = { ...DEFAULT_FLOW_TIMING, ...options.timing };
  const deps = (): FlowDeps => ({ ...options, timing, env: options.environment() });

  return {
    start(app, startOptions = {}, openedPopup) {
      const running = active;
      if (
        startOptions.mode !== 'redirect' &&
        running instanceof PopupFlow &&
        !running.finished &&
        running.isFor(app.key, startOptions)
      ) {
        running.reopen();
        return handleOf(running);
      }
      running?.abandon();
      const flow =
        startOptions.mode === 'redirect'
          ? startRedirectFlow(deps(), app.key, startOptions)
          : new PopupFlow(deps(), app.key, startOptions).start(openedPopup);
      active = flow;
      void flow.result.then(() => {
        if (active === flow) active = undefined;
      });
      return handleOf(flow);
    },
    resumeRedirect: (url) => resumeRedirectFlow(deps(), url),
  };
}
