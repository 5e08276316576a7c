import type {
  AuthType,
  ConnectionError,
  ConnectionSettings,
  ConnectionStatus,
  FieldValues,
} from '@plugboard/contract';
import type { StoredCredentials } from './stored-credentials.js';

/** A connection as stored. Never sent as is: see toWireConnection. */
export interface ConnectionRecord {
  id: string;
  userId: string;
  app: string;
  method: AuthType;
  label: string;
  status: ConnectionStatus;
  /** The account at the service (from its "who am I"): what duplicates are detected on. */
  accountId: string;
  /** The credentials as stored, sealed: opened only where a secret is used (openCredentials). */
  sealedCredentials: string;
  /** New credentials to store with the next write; null keeps the sealed ones. */
  credentials: StoredCredentials | null;
  credentialHint: string | null;
  grantedScopes: string[];
  missingScopes: string[];
  lastTestedAt: string | null;
  lastError: ConnectionError | null;
  hookId: string | null;
  lastEventAt: string | null;
  /** The setup choices, by step key. */
  settings: ConnectionSettings;
  /** The non-secret credential fields as last saved; null for OAuth. */
  publicFields: FieldValues | null;
  createdAt: string;
  updatedAt: string;
  /** The stored version this record was read at (1 for a new one); writes compare it. */
  version: number;
}
