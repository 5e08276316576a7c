// The worker in a real browser: API answers reach the page, and the mock OAuth page settles the
// flow and is set to post its result to the opener with the opener's exact origin.
import { expect } from '@open-wc/testing';
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

  it('serves the OAuth page, which settles the flow and targets the opener origin exactly', async () => {
    const started = await fetch(`${baseUrl}/v1/oauth/flows`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ app: 'hubspot', openerOrigin: location.origin, mode: 'popup' }),
    });
    const start = (await started.json()) as OAuthFlowStart;
    // Fetched rather than opened in a popup: WebDriver-driven WebKit hangs on real popups. The
    // page is the same document a popup would load; its data block says what it will post, where.
    const page = await fetch(start.authorizeUrl);
    expect(page.headers.get('Content-Security-Policy')).to.match(/script-src 'nonce-/);
    const html = new DOMParser().parseFromString(await page.text(), 'text/html');
    const data = JSON.parse(html.getElementById('pb-mock-flow')!.textContent!) as {
      message: OAuthCallbackMessage;
      targetOrigin: string;
    };
    expect(data.targetOrigin).to.equal(location.origin);
    expect(data.message).to.deep.equal({
      source: 'plugboard',
      flowId: start.flowId,
      status: 'succeeded',
    });
    expect(backend.store.flows[0]?.status).to.equal('succeeded');
  });
});
