import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v from './validate.js';

function issuesOf<T>(schema: v.Schema<T>, value: unknown): string[] {
  const issues: string[] = [];
  schema.run(value, '', issues);
  return issues;
}

describe('validators', () => {
  const person = v.object({
    name: v.string(),
    nickname: v.optional(v.string()),
    manager: v.nullable(v.string()),
    role: v.picklist(['admin', 'member']),
    tags: v.array(v.string()),
  });
  const valid = { name: 'Ada', manager: null, role: 'admin', tags: ['x'] };

  it('accepts a valid object, keeping only the declared keys', () => {
    const issues: string[] = [];
    const output = person.run({ ...valid, nickname: 'A', extra: 1 }, '', issues);
    assert.deepEqual(issues, []);
    assert.deepEqual(output, { ...valid, nickname: 'A' });
  });

  it('lets only optional keys be missing, and keeps an optional key sent as undefined', () => {
    assert.deepEqual(issuesOf(person, valid), []);
    assert.ok('nickname' in person.run({ ...valid, nickname: undefined }, '', []));
    assert.deepEqual(issuesOf(person, { role: 'admin', manager: null, tags: [] }), [
      'name: Invalid key: Expected "name" but received undefined',
    ]);
    assert.deepEqual(issuesOf(person, { ...valid, manager: undefined }), [
      'manager: Invalid type: Expected string but received undefined',
    ]);
  });

  it('names every wrong value with its dot path, what was expected and what came', () => {
    assert.deepEqual(issuesOf(person, { ...valid, role: 'owner', tags: ['ok', 5, {}] }), [
      'role: Invalid type: Expected ("admin" | "member") but received "owner"',
      'tags.1: Invalid type: Expected string but received 5',
      'tags.2: Invalid type: Expected string but received Object',
    ]);
    assert.deepEqual(issuesOf(person, null), [
      '(root): Invalid type: Expected Object but received null',
    ]);
    assert.deepEqual(issuesOf(v.object({ list: v.array(v.number()) }), { list: 'no' }), [
      'list: Invalid type: Expected Array but received "no"',
    ]);
  });

  it('rejects NaN as a number and anything but undefined as absent', () => {
    assert.equal(issuesOf(v.number(), Number.NaN).length, 1);
    assert.deepEqual(issuesOf(v.absent(), undefined), []);
    assert.deepEqual(issuesOf(v.absent(), ''), [
      '(root): Invalid type: Expected undefined but received ""',
    ]);
  });

  it('takes the first union option that accepts the value', () => {
    const value = v.union([v.string(), v.number(), v.boolean()]);
    assert.deepEqual(issuesOf(value, 3), []);
    assert.deepEqual(issuesOf(value, false), []);
    assert.deepEqual(issuesOf(value, null), [
      '(root): Invalid type: Expected (string | number | boolean) but received null',
    ]);
  });

  it('drops the items it cannot read from a readable list, reporting nothing', () => {
    const items = v.readableItems(v.object({ id: v.string() }));
    const issues: string[] = [];
    const output = items.run([{ id: 'a' }, { id: 1 }, 'x', { id: 'b', more: true }], '', issues);
    assert.deepEqual(issues, []);
    assert.deepEqual(output, [{ id: 'a' }, { id: 'b' }]);
    assert.deepEqual(issuesOf(items, {}), [
      '(root): Invalid type: Expected Array but received Object',
    ]);
  });
});
