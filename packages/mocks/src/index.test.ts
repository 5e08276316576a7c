import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the package entry loads without a DOM and exposes the documented API', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const mocks = await import('./index.js');
  assert.deepEqual(Object.keys(mocks).sort(), [
    'AUTHORIZE_PATH',
    'DEMO_KEY',
    'MOCK_SECRET_KEY',
    'createMockBackend',
    'demoApps',
    'hostileCatalog',
    'hostilePayloads',
    'isScenarioName',
    'scenarios',
  ]);
  const backend = mocks.createMockBackend({ baseUrl: 'https://api.example.test/' });
  assert.ok(backend.handlers.length > 0);
  assert.ok(mocks.demoApps.length >= 40);
});
