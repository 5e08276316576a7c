import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeOptions, parseBackendUrl, resolveOptions, validatePartialOptions } from './config.js';
import { ConfigError } from './errors.js';

const token = { sessionToken: 'tok_abc' };

function configError(run: () => unknown, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.code, 'config');
    assert.match(error.message, pattern);
    return true;
  });
}

describe('config validation', () => {
  it('requires a backend URL', () => {
    configError(() => resolveOptions({ ...token }), /backendUrl is required/);
    configError(() => resolveOptions({ backendUrl: '  ', ...token }), /non-empty/);
    configError(() => resolveOptions({ backendUrl: 'not a url', ...token }), /valid absolute URL/);
  });

  it('refuses plain http outside localhost, allows it on loopback hosts', () => {
    configError(() => parseBackendUrl('http://api.example.com'), /https/);
    configError(() => parseBackendUrl('ftp://api.example.com'), /https/);
    for (const url of [
      'http://localhost:8787',
      'http://127.0.0.1:1',
      'http://[::1]:2',
      'http://app.localhost',
    ]) {
      assert.ok(parseBackendUrl(url));
    }
  });

  it('refuses a secret key in place of a session token, whatever its case or spaces', () => {
    configError(() => validatePartialOptions({ sessionToken: 'sk_live_123' }), /secret key/);
    configError(() => validatePartialOptions({ sessionToken: ' SK_test_1' }), /secret key/);
    configError(() => parseBackendUrl('https://api.example.com/?key=sk_live_1'), /secret key/);
  });

  it('requires a token source', () => {
    configError(
      () => resolveOptions({ backendUrl: 'https://api.example.com' }),
      /session token is required/,
    );
  });

  it('checks locale, theme, timeouts and function options', () => {
    configError(() => validatePartialOptions({ locale: 'not a locale!' }), /BCP 47/);
    configError(() => validatePartialOptions({ theme: 'neon' as 'dark' }), /theme/);
    configError(() => validatePartialOptions({ timeoutMs: 0 }), /timeoutMs/);
    configError(() => validatePartialOptions({ oauthTimeoutMs: Number.NaN }), /oauthTimeoutMs/);
    configError(
      () =>
        validatePartialOptions({ fetchSessionToken: 'tok' as unknown as () => Promise<string> }),
      /fetchSessionToken/,
    );
  });

  it('resolves defaults and keeps the token out of the resolved config', () => {
    const { config, token: source } = resolveOptions({
      backendUrl: 'https://api.example.com/plugboard?x=1#y',
      sessionToken: 'tok_abc',
      locale: 'pt-br',
    });
    assert.equal(config.backendUrl.href, 'https://api.example.com/plugboard/');
    assert.equal(config.locale, 'pt-BR');
    assert.equal(config.theme, 'auto');
    assert.equal(config.timeoutMs, 15_000);
    assert.equal(config.oauthTimeoutMs, 300_000);
    assert.equal(source.sessionToken, 'tok_abc');
    assert.ok(!JSON.stringify(config).includes('tok_abc'));
  });
});

describe('mergeOptions', () => {
  it('takes the first layer that sets a value; undefined never hides a lower layer', () => {
    const merged = mergeOptions(
      { backendUrl: 'https://element.example', locale: undefined },
      { backendUrl: 'https://global.example', locale: 'es' },
      { locale: 'ar', theme: 'dark' },
    );
    assert.deepEqual(merged, {
      backendUrl: 'https://element.example',
      locale: 'es',
      theme: 'dark',
    });
  });
});
