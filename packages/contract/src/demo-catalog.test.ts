import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoCatalog } from './demo-catalog.js';
import { generateCatalog } from './generate-catalog.js';
import { contractViolations } from './validate-response.js';

describe('demoCatalog', () => {
  it('has at least 40 apps with unique keys, each a valid App', () => {
    assert.ok(demoCatalog.length >= 40);
    assert.equal(new Set(demoCatalog.map((app) => app.key)).size, demoCatalog.length);
    for (const app of demoCatalog) {
      assert.deepEqual(contractViolations('getApp', 200, 'application/json', app), [], app.key);
    }
  });

  it('covers every auth type, two-method apps, selects and the Pipedrive webhook step', () => {
    const types = new Set(demoCatalog.flatMap((app) => app.authTypes));
    assert.deepEqual([...types].sort(), ['api_key', 'basic', 'custom', 'oauth2', 'token']);
    assert.ok(demoCatalog.some((app) => app.authMethods.length === 2));
    const fields = demoCatalog.flatMap((app) => app.authMethods.flatMap((m) => m.fields));
    assert.ok(fields.some((field) => field.type === 'select' && field.options?.length));
    assert.ok(fields.some((field) => field.name === 'subdomain' && field.pattern));
    for (const type of ['textarea', 'file', 'multi_select'] as const) {
      assert.ok(
        fields.some((field) => field.type === type),
        type,
      );
    }
    assert.ok(fields.some((field) => field.visibleWhen));
    const pipedrive = demoCatalog.find((app) => app.key === 'pipedrive');
    assert.equal(pipedrive?.authMethods[0]?.type, 'token');
    assert.deepEqual(
      pipedrive?.setupSteps.map((step) => step.type),
      ['select', 'multi_select', 'text', 'webhook_url'],
    );
    const slack = demoCatalog.find((app) => app.key === 'slack');
    assert.deepEqual(
      slack?.setupSteps.map((step) => [step.type, Boolean(step.verification)]),
      [
        ['select', true],
        ['checkbox', false],
      ],
    );
    assert.ok(demoCatalog.some((app) => app.name !== app.name.normalize('NFD')));
  });

  it('lets the demo key pass every secret field pattern', () => {
    for (const app of demoCatalog) {
      for (const field of app.authMethods.flatMap((method) => method.fields)) {
        if (field.secret && field.pattern) {
          assert.match('demo-key-123', new RegExp(field.pattern, 'u'), `${app.key}.${field.name}`);
        }
      }
    }
  });

  it('gives every OAuth scope a plain-language description and at least one required scope', () => {
    for (const method of demoCatalog.flatMap((app) => app.authMethods)) {
      if (method.type !== 'oauth2') continue;
      assert.ok(method.scopes.some((scope) => scope.required));
      for (const scope of method.scopes) assert.ok(scope.description.length > 10);
    }
  });
});

describe('generateCatalog', () => {
  it('is deterministic per seed, with unique keys and valid summaries', () => {
    const first = generateCatalog(2_000, 7);
    assert.deepEqual(first, generateCatalog(2_000, 7));
    assert.notDeepEqual(first, generateCatalog(2_000, 8));
    assert.equal(new Set(first.map((app) => app.key)).size, 2_000);
    const page = { items: first.slice(0, 200), nextCursor: null, total: 200 };
    assert.deepEqual(contractViolations('listApps', 200, 'application/json', page), []);
  });

  it('keeps keys unique at benchmark size (100,000 apps)', () => {
    const apps = generateCatalog(100_000);
    assert.equal(new Set(apps.map((app) => app.key)).size, 100_000);
  });
});
