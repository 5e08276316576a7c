// How a host backend mints a session token: POST /v1/sessions with the secret key.
import type { CreateSessionRequest, Problem, Session } from '@plugboard/contract';

/** The session request; `ttlSeconds` defaults to 1800 (30 minutes). */
export type MintSessionInput = Omit<CreateSessionRequest, 'ttlSeconds'> & { ttlSeconds?: number };

export async function mintSession(
  stack: { url: string; secretKey: string },
  input: MintSessionInput,
): Promise<Session> {
  const response = await fetch(`${stack.url}/v1/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (response.status !== 201) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new Error(
      `Could not mint a session (${response.status}): ${problem?.detail ?? problem?.title ?? ''}`,
    );
  }
  return (await response.json()) as Session;
}
