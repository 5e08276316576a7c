import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ConfigError } from './errors.js';
import {
  configure,
  getClient,
  onConfigChange,
  resetConfiguration,
  setScriptDefaults,
} from './registry.js';

const fetchStub = (async () => new Response(null)) as typeof fetch;

describe('getClient and configuration precedence', () => {
  afterEach(resetConfiguration);

  it('prefers element overrides over configure() over script defaults', () => {
    setScriptDefaults({
      backendUrl: 'https://script.example',
      sessionToken: 'tok_s',
      locale: 'ar',
      theme: 'dark',
    });
    configure({ backendUrl: 'https://global.example', locale: 'es', fetch: fetchStub });
    const client = getClient({ backendUrl: 'https://element.example' });
    assert.equal(client.config.backendUrl.origin, 'https://element.example');
    assert.equal(client.config.locale, 'es');
    assert.equal(client.config.theme, 'dark');
    assert.equal(getClient().config.backendUrl.origin, 'https://global.example');
  });

  it('shares one client per backend URL and token source', () => {
    configure({ backendUrl: 'https://api.example.com', sessionToken: 'tok_a', fetch: fetchStub });
    const first = getClient();
    assert.equal(getClient(), first);
    assert.equal(getClient({ backendUrl: 'https://api.example.com/' }), first);
    assert.notEqual(getClient({ sessionToken: 'tok_b' }), first);
    assert.notEqual(getClient({ backendUrl: 'https://other.example.com' }), first);
  });

  it('treats each fetchSessionToken function as its own token source', () => {
    const one = async (): Promise<string> => 'tok_1';
    const two = async (): Promise<string> => 'tok_2';
    configure({ backendUrl: 'https://api.example.com', fetch: fetchStub });
    assert.equal(getClient({ fetchSessionToken: one }), getClient({ fetchSessionToken: one }));
    assert.notEqual(getClient({ fetchSessionToken: one }), getClient({ fetchSessionToken: two }));
  });

  it('fails at once on bad configuration', () => {
    assert.throws(() => configure({ backendUrl: 'http://api.example.com' }), ConfigError);
    assert.throws(() => configure({ sessionToken: 'sk_live_1' }), ConfigError);
    assert.throws(() => getClient(), ConfigError); // nothing configured
  });

  it('tells listeners when the page configuration changes', () => {
    let calls = 0;
    const stop = onConfigChange(() => (calls += 1));
    configure({ locale: 'es' });
    setScriptDefaults({ theme: 'dark' });
    stop();
    configure({ locale: 'en' });
    assert.equal(calls, 2);
  });
});

describe('configure() at runtime', () => {
  afterEach(resetConfiguration);

  it('merges into earlier calls and switches the locale of existing clients', () => {
    configure({ backendUrl: 'https://api.example.com', sessionToken: 'tok_a', fetch: fetchStub });
    const client = getClient();
    configure({ locale: 'ar', theme: 'dark' });
    assert.equal(getClient(), client, 'still the same backend and token');
    assert.equal(client.config.locale, 'ar');
    assert.equal(client.config.theme, 'dark');
  });

  it('keeps the overrides a client was created with', () => {
    configure({ backendUrl: 'https://api.example.com', sessionToken: 'tok_a', fetch: fetchStub });
    const client = getClient({ locale: 'es' });
    configure({ locale: 'ar' });
    assert.equal(client.config.locale, 'es');
  });
});
