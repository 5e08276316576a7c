// The callback page's postMessage is only a hint that the flow changed. It is accepted only from
// the backend's origin, from our own popup, for the current flow, with the expected shape; and
// even then it only triggers a status fetch, it never decides the outcome.
import type { OAuthCallbackMessage } from '@plugboard/contract';
import type { CallbackMessageEvent } from './browser-environment.js';

const FINISHED_STATUSES: readonly string[] = ['succeeded', 'failed', 'expired'];

function isCallbackMessage(data: unknown): data is OAuthCallbackMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.source === 'plugboard' &&
    typeof message.flowId === 'string' &&
    typeof message.status === 'string' &&
    FINISHED_STATUSES.includes(message.status)
  );
}

export function isMessageForFlow(
  event: CallbackMessageEvent,
  expected: { backendOrigin: string; popup: unknown; flowId: string },
): boolean {
  return (
    event.origin === expected.backendOrigin &&
    event.source !== null &&
    event.source === expected.popup &&
    isCallbackMessage(event.data) &&
    event.data.flowId === expected.flowId
  );
}
