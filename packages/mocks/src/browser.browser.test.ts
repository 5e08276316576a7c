// The worker in a real browser: API answers reach the page; the flow's start URL binds it to this
// browser with a cookie (MSW keeps mocked cookies in its own jar and sends them with requests that
// carry credentials), the mock provider redirects to the callback, which settles the flow only
// with that cookie and is set to post its result to the opener with the opener's exact origin.
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

  const startFlow = async () => {
    const started = await fetch(`${baseUrl}/v1/oauth/flows`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ app: 'hubspot', openerOrigin: location.origin, mode: 'popup' }),
    });
    return (await started.json()) as OAuthFlowStart;
  };

  it('runs start URL → provider → callback with the binding cookie, and targets the opener exactly', async () => {
    const start = await startFlow();
    expect(start.authorizeUrl).to.match(new RegExp(`^${baseUrl}/v1/oauth/start/`));
    // Fetched rather than opened in a popup: WebDriver-driven WebKit hangs on real popups. The
    // redirects are the ones a popup follows; the last page is the document it would show, and
    // its data block says what it will post, where.
    const page = await fetch(start.authorizeUrl, { credentials: 'include' });
    expect(page.url).to.match(new RegExp(`^${baseUrl}/v1/oauth/callback\\?state=`));
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
    expect(backend.store.flows.find((flow) => flow.flowId === start.flowId)?.status).to.equal(
      'succeeded',
    );
  });

  it('a browser that does not send the cookie back connects nothing', async () => {
    const start = await startFlow();
    // credentials: 'omit' plays a browser that does not send the start URL's cookie with the
    // provider's redirect (another browser, or one that refuses the cookie).
    const page = await fetch(start.authorizeUrl, { credentials: 'omit' });
    expect(page.status).to.equal(403);
    const html = new DOMParser().parseFromString(await page.text(), 'text/html');
    expect(html.querySelector('h1')?.textContent).to.contain(
      'This sign-in was started in another browser',
    );
    expect(html.getElementById('pb-mock-flow')).to.equal(null);
    const flow = backend.store.flows.find((candidate) => candidate.flowId === start.flowId);
    expect(flow?.status).to.equal('failed');
    expect(flow?.error?.code).to.equal('browser_mismatch');
  });
});
