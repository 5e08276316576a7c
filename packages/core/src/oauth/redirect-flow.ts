// Redirect mode ("continue in this tab"): create the flow, send the whole tab to the provider;
// the backend sends the user back with `?pb_flow=<flowId>`, and resumeRedirectFlow reads the
// outcome from the backend and cleans the URL.
import { REDIRECT_FLOW_PARAM, type AppKey } from '@plugboard/contract';
import { linkedController } from '../abort.js';
import { HttpError, toPlugboardError } from '../errors.js';
import { createFlow, LONG_POLL_SECONDS, readFlow } from './flow-api.js';
import { connectionOf, resultFromFlow } from './flow-result.js';
import type { OAuthCancelReason, OAuthResult, StartOAuthOptions } from './oauth-types.js';
import type { ActiveFlow, FlowDeps } from './active-flow.js';

const FLOW_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function startRedirectFlow(
  deps: FlowDeps,
  app: AppKey,
  options: StartOAuthOptions,
): ActiveFlow {
  const { controller, dispose } = linkedController([options.signal]);
  let cancelReason: OAuthCancelReason | undefined;
  const cancelWith = (reason: OAuthCancelReason): void => {
    cancelReason ??= reason;
    controller.abort();
  };

  const result = (async (): Promise<OAuthResult> => {
    try {
      const flow = await createFlow(
        deps.http,
        {
          app,
          connectionId: options.connectionId,
          openerOrigin: deps.env.origin,
          mode: 'redirect',
          returnUrl: options.returnUrl ?? deps.env.currentUrl(),
        },
        controller.signal,
      );
      if (cancelReason) return { status: 'cancelled', reason: cancelReason };
      if (options.signal?.aborted) return { status: 'cancelled', reason: 'aborted' };
      deps.env.navigate(flow.authorizeUrl.href);
      return { status: 'redirecting', flowId: flow.flowId };
    } catch (error) {
      if (cancelReason) return { status: 'cancelled', reason: cancelReason };
      if (options.signal?.aborted) return { status: 'cancelled', reason: 'aborted' };
      return { status: 'error', error: toPlugboardError(error) };
    } finally {
      dispose();
    }
  })();

  return {
    result,
    popupOpened: false,
    reopen: () => undefined,
    cancel: () => cancelWith('user'),
    abandon: () => cancelWith('superseded'),
  };
}

/**
 * The outcome of a redirect-mode flow whose id is in `url` (default: this page), or null when
 * the URL carries none, or one that cannot be a flow id (a forged link opens nothing). The
 * parameter is removed from the address bar first, so a reload does not replay it.
 */
export async function resumeRedirectFlow(
  deps: FlowDeps,
  url?: string,
): Promise<OAuthResult | null> {
  const pageUrl = deps.env.currentUrl();
  const target = new URL(url ?? pageUrl, pageUrl);
  const flowId = target.searchParams.get(REDIRECT_FLOW_PARAM);
  if (flowId === null) return null;
  target.searchParams.delete(REDIRECT_FLOW_PARAM);
  if (url === undefined || url === pageUrl) deps.env.replaceUrl(target.href);

  if (!FLOW_ID.test(flowId)) return null;
  const signal = new AbortController().signal;
  try {
    let flow = await readFlow(deps.http, flowId, 0, signal);
    // The callback marks the flow before redirecting, so pending is rare: give it one long-poll.
    if (flow.status === 'pending')
      flow = await readFlow(deps.http, flowId, LONG_POLL_SECONDS, signal);
    const result = resultFromFlow(flow) ?? { status: 'timeout' };
    const connection = connectionOf(result);
    if (connection) deps.onConnection(connection);
    return result;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return { status: 'expired', flowId };
    return { status: 'error', error: toPlugboardError(error) };
  }
}
