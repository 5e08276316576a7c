import type { App, Connection, ConnectionSetup } from '@plugboard/contract';
import { webhookSignatureOf } from '@plugboard/contract/webhook-signatures';
import { hookIdFor } from '../ids.js';

type ConnectionInput = Pick<Connection, 'id' | 'app' | 'label' | 'method'> & Partial<Connection>;

/** A connection with the quiet defaults of a freshly connected, tested account. */
export function buildConnection(input: ConnectionInput, now: Date = new Date()): Connection {
  const timestamp = now.toISOString();
  const { id, app, label, method, ...rest } = input;
  return {
    id,
    app,
    label,
    method,
    status: 'connected',
    credentialHint: null,
    grantedScopes: [],
    missingScopes: [],
    lastTestedAt: timestamp,
    lastError: null,
    setup: null,
    settings: {},
    createdAt: timestamp,
    updatedAt: timestamp,
    ...rest,
  };
}

/** The webhook URL the service must be told about, for apps with a `webhook_url` setup step. */
export function webhookSetupFor(
  app: App,
  connectionId: string,
  baseUrl: string,
  lastEventAt: string | null = null,
): ConnectionSetup | null {
  if (!app.setupSteps.some((step) => step.type === 'webhook_url')) return null;
  const hookId = hookIdFor(connectionId);
  const setup: ConnectionSetup = { webhookUrl: `${baseUrl}/v1/hooks/${hookId}`, lastEventAt };
  // As on the real server, services that send HTTP basic auth get credentials to enter; the
  // mock's are fixed per hook (the real server derives them with a key of its own).
  if (webhookSignatureOf(app.key)?.scheme === 'basic_auth') {
    setup.webhookAuth = { username: 'plugboard', password: `mock-password-${hookId}` };
  }
  return setup;
}

/** `••••-123`: enough for the user to recognise the key, useless to anyone else. */
export function credentialHint(secret: string): string {
  return `••••${secret.slice(-4)}`;
}

export const minutesAgo = (now: Date, minutes: number) =>
  new Date(now.getTime() - minutes * 60_000).toISOString();
