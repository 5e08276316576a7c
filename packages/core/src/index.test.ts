import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('@plugboard/core entry point', () => {
  it('imports without a window or document (server-side rendering)', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    const core = await import('./index.js');
    assert.equal(typeof core.getClient, 'function');
  });

  it('exports the documented public surface', async () => {
    const core = await import('./index.js');
    assert.deepEqual(Object.keys(core).sort(), [
      'ConfigError',
      'ConnectFlow',
      'EMPTY_OPTIONS',
      'HttpError',
      'PlugboardError',
      'REDIRECT_FLOW_PARAM',
      'REMOTE_SEARCH_THRESHOLD',
      'STABLE_EVENT_NAMES',
      'addEnglishText',
      'configure',
      'createClient',
      'createSearchIndex',
      'createTranslator',
      'createTranslatorSync',
      'enBase',
      'errorFromOAuthResult',
      'getClient',
      'isAllowedUrl',
      'isPlugboardError',
      'loadMessages',
      'onConfigChange',
      'resetConfiguration',
      'resolveLocaleChain',
      'safeUrl',
      'setScriptDefaults',
      'supportedLocales',
      'toPlugboardError',
    ]);
  });
});
