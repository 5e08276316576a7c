import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthField, AuthMethod } from './index.js';
import { checkFields, failsPattern, isFieldVisible, type FieldValue } from './field-check.js';

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

describe('checkFields: richer fields', () => {
  const options = [
    { value: 'Lead', label: 'Leads' },
    { value: 'Contact', label: 'Contacts' },
  ];

  it('keeps a multi-select as its distinct, known values; required means at least one', () => {
    const objects = text('objects', { type: 'multi_select', options, required: true });
    assert.deepEqual(checkFields(method([objects]), { objects: [' Lead', 'Contact', 'Lead'] }), {
      values: { objects: ['Lead', 'Contact'] },
      issues: [],
    });
    assert.deepEqual(issuesOf([objects], { objects: [] }), [
      { field: 'objects', code: 'required' },
    ]);
    assert.deepEqual(issuesOf([objects], { objects: ['Lead', 'Account'] }), [
      { field: 'objects', code: 'invalid_option' },
    ]);
    assert.deepEqual(issuesOf([objects], { objects: 'Lead' }), [
      { field: 'objects', code: 'type', expected: 'list' },
    ]);
    assert.deepEqual(issuesOf([text('name')], { name: ['a'] }), [
      { field: 'name', code: 'type', expected: 'text' },
    ]);
  });

  it('lets multi-line secrets hold line breaks (they are never sent as a header)', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----';
    const keyFile = text('keyFile', { type: 'textarea', secret: true, required: true });
    assert.deepEqual(checkFields(method([keyFile]), { keyFile: `${pem}\n` }), {
      values: { keyFile: pem },
      issues: [],
    });
    const file = text('keyFile', { type: 'file', secret: true });
    assert.deepEqual(issuesOf([file], { keyFile: '{"a":\n1}' }), []);
  });

  it('refuses a file above its maxBytes, counted in UTF-8 bytes', () => {
    const file = text('keyFile', { type: 'file', maxBytes: 8 });
    assert.deepEqual(issuesOf([file], { keyFile: 'ééééé' }), [
      { field: 'keyFile', code: 'too_large', maxBytes: 8 },
    ]);
    assert.deepEqual(issuesOf([file], { keyFile: 'éééé' }), []);
    const uncapped = text('keyFile', { type: 'file', maxBytes: 1_000_000 });
    assert.deepEqual(issuesOf([uncapped], { keyFile: 'a'.repeat(8193) }), [
      { field: 'keyFile', code: 'too_large', maxBytes: 8192 },
    ]);
  });

  it('skips a field hidden by visibleWhen: not required, its value left out', () => {
    const fields = [
      text('environment', {
        type: 'select',
        default: 'production',
        options: [
          { value: 'production', label: 'Production' },
          { value: 'custom', label: 'Custom' },
        ],
      }),
      text('loginHost', {
        type: 'url',
        required: true,
        visibleWhen: { field: 'environment', equals: 'custom' },
      }),
    ];
    assert.deepEqual(checkFields(method(fields), { loginHost: 'https://x.example' }), {
      values: { environment: 'production' },
      issues: [],
    });
    assert.deepEqual(issuesOf(fields, { environment: 'custom' }), [
      { field: 'loginHost', code: 'required' },
    ]);
    assert.deepEqual(
      checkFields(method(fields), { environment: 'custom', loginHost: 'https://x.example' }).values,
      { environment: 'custom', loginHost: 'https://x.example' },
    );
  });

  it('shows a field when its controller holds one of several values, as text', () => {
    const sandbox = text('sandbox', { type: 'checkbox' });
    const hidden = text('note', { visibleWhen: { field: 'sandbox', equals: [true] } });
    const chained = text('more', { visibleWhen: { field: 'note', equals: 'x' } });
    const fields = [sandbox, hidden, chained];
    assert.equal(isFieldVisible(hidden, fields, { sandbox: 'true' }), true);
    assert.equal(isFieldVisible(hidden, fields, { sandbox: false }), false);
    assert.equal(isFieldVisible(chained, fields, { sandbox: false, note: 'x' }), false);
    assert.equal(isFieldVisible(chained, fields, { sandbox: true, note: 'x' }), true);
    const loop = text('a', { visibleWhen: { field: 'a', equals: '' } });
    assert.equal(isFieldVisible(loop, [loop], {}), false);
    const orphan = text('b', { visibleWhen: { field: 'missing', equals: 'x' } });
    assert.equal(isFieldVisible(orphan, [orphan], {}), false);
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
