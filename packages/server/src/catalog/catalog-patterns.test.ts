// Issue 14, finding 13: a catalog field pattern such as `(a+)+$` froze the server on a crafted
// value. The server now refuses such a catalog when it starts, naming every unsafe pattern.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { App } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { openDatabase } from '../db/open-database.js';
import { CatalogService } from './catalog-service.js';

function withPattern(app: App, pattern: string): App {
  const [method, ...others] = app.authMethods;
  const [field, ...fields] = method!.fields;
  return {
    ...app,
    authMethods: [{ ...method!, fields: [{ ...field!, pattern }, ...fields] }, ...others],
  };
}

describe('CatalogService', () => {
  it('refuses to start with field patterns that could freeze a check, naming each', async (t) => {
    const lemlist = demoCatalog.find((app) => app.key === 'lemlist')!;
    const debitoor = demoCatalog.find((app) => app.key === 'debitoor')!;
    const apps = [
      withPattern(lemlist, '(a+)+$'),
      withPattern(debitoor, '(x|xx)*'),
      ...demoCatalog.filter((app) => app !== lemlist && app !== debitoor),
    ];
    const { db, notifications, close } = await openDatabase({ sqlitePath: ':memory:' });
    t.after(close);
    assert.throws(
      () => new CatalogService(apps, db, notifications, 'http://127.0.0.1:1', Date.now),
      (error: Error) =>
        error.name === 'UnsafePatternError' &&
        error.message.includes('lemlist › api_key › apiKey: /(a+)+$/') &&
        error.message.includes('debitoor › api_key › apiKey: /(x|xx)*/'),
    );
  });

  it('starts with the demo catalog, whose patterns are all safe', async (t) => {
    const { db, notifications, close } = await openDatabase({ sqlitePath: ':memory:' });
    t.after(close);
    assert.doesNotThrow(
      () => new CatalogService(demoCatalog, db, notifications, 'http://127.0.0.1:1', Date.now),
    );
  });
});
