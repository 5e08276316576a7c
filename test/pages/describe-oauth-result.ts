import type { OAuthResult } from '@plugboard/core';

/** An OAuth result as the one line of text test pages show and tests read ("failed: access_denied"). */
export function describeOAuthResult(result: OAuthResult): string {
  switch (result.status) {
    case 'failed':
      return `failed: ${result.code}`;
    case 'cancelled':
      return `cancelled: ${result.reason}`;
    case 'error':
      return `error: ${result.error.code}`;
    default:
      return result.status;
  }
}
