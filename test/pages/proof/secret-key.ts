// A host page that wrongly hands its secret key (`sk_…`) to the browser client: core must refuse
// it before any request. The outcome is written as text; the key itself never is.
import { ConfigError, getClient, resetConfiguration } from '@plugboard/core';
import { HARNESS_PATHS } from '../../harness/harness-paths.js';

const outcome = document.querySelector<HTMLElement>('#outcome')!;

function describe(error: unknown): string {
  if (error instanceof ConfigError) return `ConfigError (${error.code}): ${error.message}`;
  return `unexpected: ${error instanceof Error ? error.name : typeof error}`;
}

try {
  const response = await fetch(HARNESS_PATHS.config, { cache: 'no-store' });
  const { backendUrl } = (await response.json()) as { backendUrl: string };
  resetConfiguration();
  getClient({ backendUrl, sessionToken: 'sk_live_0123456789abcdefghijklmn' });
  outcome.textContent = 'accepted';
} catch (error) {
  outcome.textContent = describe(error);
}
