import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App, AppPage } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { sizedCatalog } from './catalog/sized-catalog.js';
import { startTestStack, type TestStack } from './test-support/test-stack.js';

const SIZE = 20_001;

describe('reference stack with `catalogSize`', () => {
  let t: TestStack;
  let token: string;
  before(async () => {
    t = await startTestStack({ catalogSize: SIZE });
    token = await t.session();
  });
  after(() => t.close());

  it('serves that many apps, the demo apps among them', async () => {
    const page = await t.call<AppPage>('listApps', '/v1/apps?limit=10', { token });
    assert.equal(page.body.total, SIZE);
    const mailgun = await t.call<App>('getApp', '/v1/apps/mailgun', { token });
    assert.equal(mailgun.body.name, 'Mailgun');
  });

  it('describes and searches the generated apps like any other', async () => {
    const generated = sizedCatalog(SIZE).at(-1)!;
    const found = await t.call<AppPage>(
      'listApps',
      `/v1/apps?q=${encodeURIComponent(generated.name)}`,
      { token },
    );
    assert.ok(found.body.items.some((app) => app.key === generated.key));
    const app = await t.call<App>('getApp', `/v1/apps/${generated.key}`, { token });
    assert.deepEqual(
      app.body.authMethods.map((method) => method.type),
      ['api_key'],
    );
  });
});

describe('sizedCatalog', () => {
  it('pads the demo catalog with unique generated apps, deterministically', () => {
    const apps = sizedCatalog(500);
    assert.equal(apps.length, 500);
    assert.deepEqual(apps.slice(0, demoCatalog.length), demoCatalog);
    assert.equal(new Set(apps.map((app) => app.key)).size, 500);
    assert.deepEqual(sizedCatalog(500), apps);
  });

  it('never drops demo apps, and refuses a size that is not a count', () => {
    assert.deepEqual(sizedCatalog(3), demoCatalog);
    assert.throws(() => sizedCatalog(-1), RangeError);
    assert.throws(() => sizedCatalog(1.5), RangeError);
  });
});
