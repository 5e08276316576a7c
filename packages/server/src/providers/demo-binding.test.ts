import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { App } from '@plugboard/contract';
import { demoCatalog } from '@plugboard/contract/demo-catalog';
import { assertDemoSetupSteps } from './demo-binding.js';

describe('the demo provider’s setup steps', () => {
  it('fills every select step of the demo catalog', () => {
    assert.doesNotThrow(() => assertDemoSetupSteps(demoCatalog));
  });

  it('stops the start on a catalog step it cannot fill, naming it', () => {
    const slack = demoCatalog.find((app) => app.key === 'slack')!;
    const unknown: App = {
      ...slack,
      setupSteps: [
        { key: 'workspace', type: 'select', title: 'Workspace', required: true },
        { key: 'channel', type: 'multi_select', title: 'Channels', required: false },
      ],
    };
    assert.throws(
      () => assertDemoSetupSteps([unknown]),
      /slack › workspace \(select\); slack › channel \(multi_select\)/,
    );
  });
});
