// The worker in a real browser: API answers reach the page, and the mock OAuth page, opened in a
// popup on the worker's origin, posts its result to the opener with the opener's exact origin.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SetupWorker } from 'msw/browser';
import type { OAuthCallbackMessage, OAuthFlowStart } from '@plugboard/contract';
import { startMockWorker } from './browser.js';
import { createMockBackend } from './index.js';

const baseUrl = `${location.origin}/mock-api`;
const headers = { Authorization: 'Bearer browser-test', 'Content-Type': 'application/json' };

describe('startMockWorker', () => {
  let worker: SetupWorker;
  const backend = createMockBackend({ baseUrl });

  before(async () => {
    worker = await startMockWorker(backend);
  });
  after(() => worker.stop());

  it('answers the API with the headers a client reads', async () => {
    const response = await fetch(`${baseUrl}/v1/apps?limit=2`, { headers });
    expect(response.status).to.equal(200);
    expect(response.headers.get('X-Request-Id')).to.match(/^req_/);
    expect(response.headers.get('ETag')).to.match(/^"/);
    expect((await response.json()).items).to.have.length(2);
  });

  it('serves the OAuth page in a popup, which posts the result to its opener', async () => {
    const started = await fetch(`${baseUrl}/v1/oauth/flows`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ app: 'hubspot', openerOrigin: location.origin, mode: 'popup' }),
    });
    const start = (await started.json()) as OAuthFlowStart;
    const received = new Promise<MessageEvent<OAuthCallbackMessage>>((resolve) => {
      addEventListener('message', function onMessage(event: MessageEvent) {
        if (event.data?.source !== 'plugboard') return;
        removeEventListener('message', onMessage);
        resolve(event);
      });
    });
    // Popups need a user gesture in every engine (WebKit blocks all others): press a real key.
    const opened = new Promise<Window | null>((resolve) => {
      const button = document.createElement('button');
      button.textContent = 'Sign in';
      button.addEventListener('click', () => {
        button.remove();
        resolve(window.open(start.authorizeUrl, 'pb-mock-oauth', 'popup,width=400,height=400'));
      });
      document.body.append(button);
      button.focus();
    });
    await sendKeys({ press: 'Enter' });
    const popup = await opened;
    expect(popup, 'popup blocked').to.not.equal(null);
    const message = await received;
    expect(message.origin).to.equal(location.origin);
    expect(message.source).to.equal(popup);
    expect(message.data).to.deep.equal({
      source: 'plugboard',
      flowId: start.flowId,
      status: 'succeeded',
    });
    expect(backend.store.flows[0]?.status).to.equal('succeeded');
  });
});
