import { expect } from '@open-wc/testing';
import { findOwnScript, scriptTagOptions } from './script-tag-options.js';

function scriptTag(data: Record<string, string>, src = `${location.origin}/plugboard-test.js`) {
  const script = document.createElement('script');
  script.type = 'application/x-test';
  script.src = src;
  for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
  document.body.append(script);
  return script;
}

describe('script tag options', () => {
  const added: HTMLScriptElement[] = [];
  const originalFetch = window.fetch;

  afterEach(() => {
    for (const script of added.splice(0)) script.remove();
    window.fetch = originalFetch;
  });

  it('reads backend URL, locale and theme from data attributes', () => {
    const script = scriptTag({
      backendUrl: 'https://api.example.com',
      locale: 'pt-BR',
      theme: 'dark',
    });
    added.push(script);
    const options = scriptTagOptions(script);
    expect(options.backendUrl).to.equal('https://api.example.com');
    expect(options.locale).to.equal('pt-BR');
    expect(options.theme).to.equal('dark');
    expect(options.fetchSessionToken).to.equal(undefined);
  });

  it('ignores an unknown theme', () => {
    const script = scriptTag({ theme: 'neon' });
    added.push(script);
    expect(scriptTagOptions(script).theme).to.equal(undefined);
  });

  it('POSTs to the same-origin session URL for the token, again on each call', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    let issued = 0;
    window.fetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      issued += 1;
      return new Response(JSON.stringify({ token: `token-${issued}` }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const script = scriptTag({ sessionUrl: '/plugboard/session' });
    added.push(script);
    const { fetchSessionToken } = scriptTagOptions(script);
    expect(await fetchSessionToken!()).to.equal('token-1');
    expect(await fetchSessionToken!()).to.equal('token-2');
    expect(calls[0]!.url).to.equal(`${location.origin}/plugboard/session`);
    expect(calls[0]!.init?.credentials).to.equal('same-origin');
    // Minting a token has an effect (a session), and a GET could be triggered by any link or
    // <img> on another site: the host's session endpoint takes POST only.
    expect(calls.map((call) => call.init?.method)).to.deep.equal(['POST', 'POST']);
  });

  it('rejects a session answer without a token', async () => {
    window.fetch = (async () => new Response('{"session":"x"}')) as typeof fetch;
    const script = scriptTag({ sessionUrl: '/plugboard/session' });
    added.push(script);
    let error: unknown;
    try {
      await scriptTagOptions(script).fetchSessionToken!();
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.contain('{ "token": "…" }');
  });

  it('refuses a session URL on another origin', () => {
    const script = scriptTag({ sessionUrl: 'https://elsewhere.example/session' });
    added.push(script);
    expect(() => scriptTagOptions(script)).to.throw(/origin/);
  });

  it('finds a module script by its URL', () => {
    const url = `${location.origin}/assets/plugboard-${Date.now()}.js`;
    const script = scriptTag({}, url);
    added.push(script);
    expect(findOwnScript(url)).to.equal(script);
    expect(findOwnScript(`${location.origin}/not-on-the-page.js`)).to.equal(null);
  });
});
