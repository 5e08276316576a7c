// The OAuth flows the way a host page drives @plugboard/core: a popup from a click (one flow at a
// time, like the connect dialog's waiting view), "continue in this tab" after a blocked popup, and
// the redirect flow's outcome when the tab comes back. Query parameters:
//   ?user=  end user (required)        ?app=    app key (default slack)
//   ?timeout=  oauthTimeoutMs          ?start=timer  start from a timer, without a user gesture
// Outcomes are written as text; nothing is put on `window`.
import { errorFromOAuthResult, getClient, type OAuthResult } from '@plugboard/core';
import { harnessClientOptions } from '../harness-client.js';
import { describeOAuthResult } from '../describe-oauth-result.js';

const START_PARAM = 'start';

const connectButton = document.querySelector<HTMLButtonElement>('#connect')!;
const continueButton = document.querySelector<HTMLButtonElement>('#continue-in-tab')!;
const status = document.querySelector<HTMLElement>('#status')!;
const message = document.querySelector<HTMLElement>('#message')!;
const connectionId = document.querySelector<HTMLElement>('#connection-id')!;

function show(result: OAuthResult): void {
  status.textContent = describeOAuthResult(result);
  message.textContent = errorFromOAuthResult(result)?.message ?? '';
  if (result.status === 'succeeded') connectionId.textContent = result.connection.id;
  continueButton.hidden = result.status !== 'popup_blocked';
}

/** This page without the auto-start switch, so coming back from the provider does not loop. */
function returnUrl(): string {
  const url = new URL(location.href);
  url.searchParams.delete(START_PARAM);
  return url.href;
}

try {
  const params = new URLSearchParams(location.search);
  const client = getClient({
    ...(await harnessClientOptions()),
    ...(params.has('timeout') ? { oauthTimeoutMs: Number(params.get('timeout')) } : {}),
  });
  const app = await client.getApp(params.get('app') ?? 'slack');
  let waiting = false;

  // startOAuth opens the popup synchronously, so it must be called inside the click itself.
  const startPopupFlow = (): void => {
    if (waiting) return;
    waiting = true;
    status.textContent = 'waiting';
    void client.startOAuth(app, { mode: 'popup' }).result.then((result) => {
      waiting = false;
      show(result);
    });
  };
  connectButton.addEventListener('click', startPopupFlow);
  continueButton.addEventListener('click', () => {
    status.textContent = 'redirecting';
    void client.startOAuth(app, { mode: 'redirect', returnUrl: returnUrl() }).result.then(show);
  });

  const resumed = await client.resumeRedirectFlow();
  connectButton.disabled = false;
  if (resumed) show(resumed);
  else if (params.get(START_PARAM) === 'timer') setTimeout(startPopupFlow, 0);
  else status.textContent = 'ready';
} catch (error) {
  status.textContent = `setup failed: ${error instanceof Error ? error.message : String(error)}`;
}
