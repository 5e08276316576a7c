import type { OAuthFlow, OAuthFlowErrorCode, OAuthMode } from '@plugboard/contract';

export interface FlowError {
  code: OAuthFlowErrorCode;
  message: string;
  missingScopes?: string[];
}

/** An OAuth flow as stored. The state is kept only as a hash, the verifier only sealed. */
export interface FlowRecord {
  id: string;
  sessionId: string;
  userId: string;
  app: string;
  connectionId: string | null;
  mode: OAuthMode;
  openerOrigin: string;
  returnUrl: string | null;
  /** The PKCE verifier, sealed; FlowRepository.openVerifier opens it for the code exchange. */
  sealedVerifier: string;
  status: OAuthFlow['status'];
  error: FlowError | null;
  resultConnectionId: string | null;
  stateUsedAt: number | null;
  /** Hash of the cookie the start URL set in the browser that opened it first; null until then. */
  browserBindingHash: string | null;
  expiresAt: number;
  createdAt: number;
}
