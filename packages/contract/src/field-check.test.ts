import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthField, AuthMethod } from './index.js';
import { checkFields, failsPattern, type FieldValue } from './field-check.js';

const text = (name: string, extra: Partial<AuthField> = {}): AuthField => ({
  name,
  label: name,
  type: 'text',
  required: false,
  secret: false,
  ...extra,
});

const method = (fields: AuthField[], type: AuthMethod['type'] = 'api_key') => ({ type, fields });

const issuesOf = (
  fields: AuthField[],
  values: Record<string, FieldValue>,
  type?: AuthMethod['type'],
) => checkFields(method(fields, type), values).issues;

describe('checkFields', () => {
  it('trims, coerces, applies defaults and leaves blank optional fields out', () => {
    const result = checkFields(
      method([
        text('name'),
        text('count', { type: 'number' }),
        text('sandbox', { type: 'checkbox' }),
        text('region', { type: 'select', default: 'us', options: [{ value: 'us', label: 'US' }] }),
        text('note'),
      ]),
      { name: '  acme\n', count: '3', sandbox: 'true', region: '', note: '   ', unknown: 'x' },
    );
    assert.deepEqual(result, {
      values: { name: 'acme', count: 3, sandbox: true, region: 'us' },
      issues: [],
    });
  });

  it('returns codes with their parameters, one per field, in schema order', () => {
    const fields = [
      text('a', { required: true }),
      text('b', { minLength: 4 }),
      text('c', { maxLength: 3 }),
      text('d', { type: 'email' }),
      text('e', { type: 'url' }),
      text('f', { type: 'number' }),
      text('g', { type: 'select', options: [{ value: 'x', label: 'X' }] }),
      text('h', { pattern: '[a-z]+' }),
      text('i', { type: 'checkbox', required: true }),
    ];
    const values = {
      b: 'abc',
      c: 'abcd',
      d: 'nope',
      e: 'ftp://files.example',
      f: 'many',
      g: 'y',
      h: 'ABC',
      i: false,
    };
    assert.deepEqual(issuesOf(fields, values), [
      { field: 'a', code: 'required' },
      { field: 'b', code: 'too_short', min: 4 },
      { field: 'c', code: 'too_long', max: 3 },
      { field: 'd', code: 'type', expected: 'email' },
      { field: 'e', code: 'type', expected: 'url' },
      { field: 'f', code: 'type', expected: 'number' },
      { field: 'g', code: 'invalid_option' },
      { field: 'h', code: 'pattern' },
      { field: 'i', code: 'required' },
    ]);
  });

  it('counts length in code points, not UTF-16 units', () => {
    const fields = [text('emoji', { minLength: 4, maxLength: 4 })];
    // Four code points, eight UTF-16 units.
    assert.deepEqual(issuesOf(fields, { emoji: '🔑🔑🔑🔑' }), []);
    assert.deepEqual(issuesOf(fields, { emoji: '🔑🔑🔑' }), [
      { field: 'emoji', code: 'too_short', min: 4 },
    ]);
  });

  it('refuses header-bound secrets with a character a header cannot carry, naming it', () => {
    const key = text('key', { type: 'password', secret: true });
    assert.deepEqual(issuesOf([key], { key: 'demo-key-123\u200b' }), [
      { field: 'key', code: 'invalid_character', codePoint: 'U+200B' },
    ]);
    assert.deepEqual(issuesOf([key], { key: 'demo\n-key' }), [
      { field: 'key', code: 'invalid_character', codePoint: 'U+000A' },
    ]);
    assert.deepEqual(issuesOf([key], { key: 'clé-🔑' }), [
      { field: 'key', code: 'invalid_character', codePoint: 'U+00E9', character: 'é' },
    ]);
    assert.deepEqual(issuesOf([key], { key: 'demo key-123' }), [], 'a space inside is allowed');
  });

  it('lets basic credentials and non-secret fields hold any character', () => {
    const password = text('password', { type: 'password', secret: true });
    assert.deepEqual(issuesOf([password], { password: 'pässwörd' }, 'basic'), []);
    assert.deepEqual(issuesOf([text('name')], { name: 'Zoë\u200b' }), []);
  });

  it('caps the value before a pattern runs, and never runs an unsafe pattern', () => {
    const capped = [text('code', { pattern: '[a-z]+' })];
    assert.deepEqual(issuesOf(capped, { code: 'a'.repeat(1025) }), [
      { field: 'code', code: 'too_long', max: 1024 },
    ]);
    assert.deepEqual(issuesOf([text('any')], { any: 'a'.repeat(8193) }), [
      { field: 'any', code: 'too_long', max: 8192 },
    ]);
    // On the old checker this took minutes: 2^40 ways to split the a's.
    const started = performance.now();
    const unsafe = [text('x', { pattern: '(a+)+$' })];
    assert.deepEqual(issuesOf(unsafe, { x: `${'a'.repeat(40)}!` }), []);
    assert.ok(performance.now() - started < 100);
  });
});

describe('failsPattern', () => {
  it('is true only for a non-empty value that a runnable pattern rejects', () => {
    const field = text('code', { pattern: '[a-f0-9]{4}' });
    assert.equal(failsPattern(field, 'zzzz'), true);
    assert.equal(failsPattern(field, 'abcd'), false);
    assert.equal(failsPattern(field, ''), false);
    assert.equal(failsPattern(text('free'), 'anything'), false);
    assert.equal(failsPattern(text('bad', { pattern: '(a+)+$' }), 'b'), false);
  });
});
