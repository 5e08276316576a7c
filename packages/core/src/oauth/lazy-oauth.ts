// The OAuth flows are code that only a connect dialog runs, so a client loads them on first use
// (a chunk of the script-tag bundle) and `prepare()` fetches them ahead, when a dialog shows an
// OAuth method. A start that comes before they are in still opens its popup inside the click,
// as popup blockers require, and hands it to the flow once the code has arrived.
import { REDIRECT_FLOW_PARAM } from '@plugboard/contract';
import { toPlugboardError } from '../errors.js';
import type { OAuthController, OAuthControllerOptions } from './oauth-controller.js';
import type { OAuthFlowHandle } from './oauth-types.js';
import { openPopupWindow } from './popup-window.js';

export interface LazyOAuthController extends OAuthController {
  /** Loads the flows' code now; resolves once a start would run at once. */
  prepare(): Promise<void>;
}

export function lazyOAuthController(options: OAuthControllerOptions): LazyOAuthController {
  let controller: OAuthController | undefined;
  let loading: Promise<OAuthController> | undefined;
  const load = (): Promise<OAuthController> =>
    (loading ??= import('./oauth-controller.js').then(
      (module) => (controller = module.createOAuthController(options)),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));

  /** The popup start waiting for the code, so that a double click meanwhile is one flow too. */
  let waiting: { app: string; connectionId: string; handle: OAuthFlowHandle } | undefined;

  /** A start while the code is on its way: the popup now, the flow once the code is in. */
  function startSoon(...[app, startOptions = {}]: Parameters<OAuthController['start']>) {
    const connectionId = startOptions.connectionId ?? '';
    const again = waiting?.app === app.key && waiting.connectionId === connectionId;
    if (startOptions.mode !== 'redirect' && again) {
      waiting!.handle.reopen();
      return waiting!.handle;
    }
    const popup =
      startOptions.mode === 'redirect' || startOptions.signal?.aborted
        ? undefined
        : openPopupWindow(options.environment(), 'about:blank');
    const started: Promise<OAuthFlowHandle> = load().then(
      (loaded) => loaded.start(app, startOptions, popup),
      (error: unknown) => {
        popup?.close();
        const result = Promise.resolve({
          status: 'error',
          error: toPlugboardError(error),
        } as const);
        return { result, popupOpened: false, reopen: () => undefined, cancel: () => undefined };
      },
    );
    const handle: OAuthFlowHandle = {
      result: started.then((flow) => flow.result),
      popupOpened: popup !== undefined && popup !== null && !popup.closed,
      reopen: () =>
        popup && !popup.closed ? popup.focus() : void started.then((flow) => flow.reopen()),
      cancel: () => void started.then((flow) => flow.cancel()),
    };
    if (startOptions.mode !== 'redirect') waiting = { app: app.key, connectionId, handle };
    void started.then(() => {
      if (waiting?.handle === handle) waiting = undefined;
    });
    return handle;
  }

  return {
    prepare: () => load().then(() => undefined),
    start: (app, startOptions) =>
      controller ? controller.start(app, startOptions) : startSoon(app, startOptions),
    async resumeRedirect(url) {
      // Nearly every page has no flow to resume: that needs no flow code to tell.
      const pageUrl = options.environment().currentUrl();
      if (!new URL(url ?? pageUrl, pageUrl).searchParams.has(REDIRECT_FLOW_PARAM)) return null;
      return (await load()).resumeRedirect(url);
    },
  };
}
