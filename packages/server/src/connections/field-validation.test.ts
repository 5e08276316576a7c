import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthMethod } from '@plugboard/contract';
import { validateFields } from './field-validation.js';

const method: AuthMethod = {
  type: 'custom',
  label: 'Test',
  scopes: [],
  fields: [
    {
      name: 'subdomain',
      label: 'Subdomain',
      type: 'text',
      required: true,
      secret: false,
      pattern: '[a-z]+',
      patternHint: 'Lowercase letters.',
    },
    {
      name: 'region',
      label: 'Region',
      type: 'select',
      required: true,
      secret: false,
      default: 'us',
      options: [
        { value: 'us', label: 'US' },
        { value: 'eu', label: 'EU' },
      ],
    },
    { name: 'count', label: 'Count', type: 'number', required: false, secret: false },
    { name: 'email', label: 'Email', type: 'email', required: false, secret: false },
    { name: 'site', label: 'Site', type: 'url', required: false, secret: false },
    { name: 'sandbox', label: 'Sandbox', type: 'checkbox', required: false, secret: false },
    {
      name: 'key',
      label: 'Key',
      type: 'password',
      required: true,
      secret: true,
      minLength: 4,
      maxLength: 8,
    },
  ],
};

const codes = (fields: Record<string, string | number | boolean>) =>
  validateFields(method, fields).errors.map((error) => `${error.field}:${error.code}`);

describe('validateFields', () => {
  it('trims, applies defaults and coerces types', () => {
    const result = validateFields(method, {
      subdomain: ' acme ',
      key: ' abcd ',
      count: '3',
      sandbox: 'true',
      extra: 'ignored',
    });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.values, {
      subdomain: 'acme',
      region: 'us',
      count: 3,
      sandbox: true,
      key: 'abcd',
    });
  });

  it('reports required, pattern, option, type and length errors per field', () => {
    assert.deepEqual(codes({ subdomain: '   ' }), ['subdomain:required', 'key:required']);
    assert.deepEqual(codes({ subdomain: 'Acme', key: 'abc', region: 'mars' }), [
      'subdomain:pattern',
      'region:invalid_option',
      'key:too_short',
    ]);
    assert.deepEqual(
      codes({
        subdomain: 'acme',
        key: 'abcdefghi',
        count: 'many',
        email: 'nope',
        site: 'ftp://x',
        sandbox: 'yes',
      }),
      ['count:type', 'email:type', 'site:type', 'sandbox:type', 'key:too_long'],
    );
    assert.deepEqual(codes({ subdomain: 12, key: 'abcd' }), ['subdomain:type']);
  });

  it('matches the whole value, not a part of it', () => {
    assert.deepEqual(codes({ subdomain: 'acme-1', key: 'abcd' }), ['subdomain:pattern']);
    const [message] = validateFields(method, { subdomain: 'ACME', key: 'abcd' }).errors;
    assert.equal(message?.message, 'Subdomain: Lowercase letters.');
  });

  it('caps a value before any pattern runs on it', () => {
    const long = validateFields(method, { subdomain: 'a'.repeat(1025), key: 'abcd' });
    assert.deepEqual(
      long.errors.map((error) => [error.field, error.code]),
      [['subdomain', 'too_long']],
    );
    assert.equal(long.errors[0]?.message, 'Subdomain must be at most 1024 characters.');
  });
});
