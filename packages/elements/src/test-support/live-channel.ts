// Stories and component tests of live states (not part of the package build).
import { getClient, type LiveState } from '@plugboard/core';
import type { MockBackend } from '@plugboard/mocks';

/**
 * Resolves once the shared client's live channel is in `state`. Where MSW delivers bodies whole
 * (WebKitGTK), each stream is open only for a moment, so the state is watched, not sampled.
 */
export function channelReaches(state: LiveState): Promise<void> {
  const live = getClient().live;
  if (live.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = live.subscribe(() => {
      if (live.state !== state) return;
      stop();
      resolve();
    });
  });
}

export const channelOpens = (): Promise<void> => channelReaches('open');

/** The mock backend Storybook's loader hands every story (see .storybook/preview.ts). */
export function storyBackend(loaded: Record<string, unknown>): MockBackend {
  return loaded['backend'] as MockBackend;
}
