import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SetupStep } from './index.js';
import { checkSettings, settingsStepField } from './field-check.js';

const steps: SetupStep[] = [
  { key: 'channel', type: 'select', title: 'Channel', required: true },
  { key: 'stages', type: 'multi_select', title: 'Stages', required: false, maxItems: 2 },
  {
    key: 'prefix',
    type: 'text',
    title: 'Prefix',
    required: false,
    maxLength: 5,
    pattern: '[A-Za-z]+:',
    patternHint: 'Letters and a colon.',
  },
  { key: 'threads', type: 'checkbox', title: 'Threads', required: false, default: true },
  { key: 'webhook', type: 'webhook_url', title: 'Webhook', required: false, instructions: [] },
];

describe('checkSettings', () => {
  it('trims and types the values, applies defaults and leaves blank optional steps out', () => {
    assert.deepEqual(
      checkSettings(steps, { channel: ' C01 ', stages: ['s1', ' s1', ''], prefix: ' ' }),
      {
        values: { channel: 'C01', stages: ['s1'], threads: true },
        issues: [],
        unknownKeys: [],
      },
    );
  });

  it('returns one issue per step in step order, the step key as the field', () => {
    assert.deepEqual(
      checkSettings(steps, { stages: ['a', 'b', 'c'], prefix: 'toolong:', threads: 'maybe' })
        .issues,
      [
        { field: 'channel', code: 'required' },
        { field: 'stages', code: 'too_many', max: 2 },
        { field: 'prefix', code: 'too_long', max: 5 },
        { field: 'threads', code: 'type', expected: 'checkbox' },
      ],
    );
    assert.deepEqual(checkSettings(steps, { channel: ['C01'], stages: 'a', prefix: '12' }).issues, [
      { field: 'channel', code: 'type', expected: 'text' },
      { field: 'stages', code: 'type', expected: 'list' },
      { field: 'prefix', code: 'pattern' },
    ]);
  });

  it('names keys that are no settings step (a webhook step holds no setting)', () => {
    assert.deepEqual(
      checkSettings(steps, { channel: 'C01', webhook: 'x', other: true }).unknownKeys,
      ['webhook', 'other'],
    );
  });
});

describe('settingsStepField', () => {
  it('makes a text step the field the credential form would show', () => {
    assert.deepEqual(settingsStepField(steps[2] as Extract<SetupStep, { type: 'text' }>), {
      name: 'prefix',
      label: 'Prefix',
      type: 'text',
      required: false,
      secret: false,
      maxLength: 5,
      pattern: '[A-Za-z]+:',
      patternHint: 'Letters and a colon.',
    });
  });
});
