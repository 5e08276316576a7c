// The browser's view of a connection: no credentials, at most a masked hint.
import type { Connection } from '@plugboard/contract';
import type { ConnectionRecord } from './connection-record.js';

export function toWireConnection(record: ConnectionRecord, publicUrl: string): Connection {
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
    setup: record.hookId
      ? { webhookUrl: `${publicUrl}/v1/hooks/${record.hookId}`, lastEventAt: record.lastEventAt }
      : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
