// The host's providers file: what it may say, and the clear error for what it may not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerDefinitions } from './definitions/index.js';
import { HostConfigError, parseHostProviders } from './host-config.js';

const parse = (raw: unknown) => parseHostProviders(raw, providerDefinitions);
const refuses = (raw: unknown, message: RegExp) =>
  assert.throws(
    () => parse(raw),
    (error: unknown) => error instanceof HostConfigError && message.test(error.message),
  );

describe('parseHostProviders', () => {
  it('reads client credentials, extra scopes and settings, filling defaults', () => {
    const config = parse({
      slack: { clientId: 'a', clientSecret: 'b', scopes: ['files:read'] },
      'microsoft-outlook': { clientId: 'c', clientSecret: 'd' },
      'zoho-crm': { clientId: 'e', clientSecret: 'f', accountsHost: 'accounts.zoho.eu' },
      stripe: {},
    });
    assert.deepEqual(config.get('slack'), {
      clientId: 'a',
      clientSecret: 'b',
      scopes: ['files:read'],
      settings: {},
    });
    assert.equal(config.get('microsoft-outlook')?.settings.tenant, 'common');
    assert.equal(config.get('zoho-crm')?.settings.accountsHost, 'accounts.zoho.eu');
    assert.deepEqual(config.get('stripe'), { settings: {} });
  });

  it('refuses what it cannot use, naming the app and the value', () => {
    refuses([], /one JSON object/);
    refuses({ 'not-an-app': {} }, /“not-an-app” is not an app/);
    refuses({ slack: { clientId: 'a' } }, /slack needs both clientId and clientSecret/);
    refuses(
      { slack: { clientId: '', clientSecret: 'b' } },
      /slack\.clientId must be a non-empty string/,
    );
    refuses(
      { slack: { clientId: 'a', clientSecret: 'b', tenant: 'x' } },
      /slack\.tenant is not a setting of Slack/,
    );
    refuses({ 'zoho-crm': { accountsHost: 'evil.example' } }, /zoho-crm\.accountsHost/);
    refuses({ github: { scopes: 'repo' } }, /github\.scopes must be a list/);
  });
});
