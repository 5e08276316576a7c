// The browser's view of a connection: no credentials, at most a masked hint. Its setup names the
// webhook URL and, for services that send HTTP basic auth with their webhooks, what to enter.
import type { Connection, ConnectionSetup } from '@plugboard/contract';
import type { WebhookBasicAuth } from '../webhooks/webhook-basic-auth.js';
import { webhookSignatureOf } from '@plugboard/contract/webhook-signatures';
import type { ConnectionRecord } from './connection-record.js';

function setupOf(
  record: ConnectionRecord,
  publicUrl: string,
  basicAuth: WebhookBasicAuth,
): ConnectionSetup | null {
  if (!record.hookId) return null;
  const setup: ConnectionSetup = {
    webhookUrl: `${publicUrl}/v1/hooks/${record.hookId}`,
    lastEventAt: record.lastEventAt,
  };
  if (webhookSignatureOf(record.app)?.scheme === 'basic_auth') {
    setup.webhookAuth = basicAuth(record.hookId);
  }
  return setup;
}

export function toWireConnection(
  record: ConnectionRecord,
  publicUrl: string,
  basicAuth: WebhookBasicAuth,
): Connection {
  return {
    id: record.id,
    app: record.app,
    label: record.label,
    method: record.method,
    status: record.status,
    credentialHint: record.credentialHint,
    grantedScopes: record.grantedScopes,
    missingScopes: record.missingScopes,
    lastTestedAt: record.lastTestedAt,
    lastError: record.lastError,
    setup: setupOf(record, publicUrl, basicAuth),
    settings: record.settings,
    ...(record.publicFields && { fields: record.publicFields }),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
