// From a credentials submit the backend refused to what the connect flow does next.
import type { AuthMethod, Connection, FieldValues } from '@plugboard/contract';
import { HttpError, type PlugboardError } from '../errors.js';
import { randomId } from '../random-id.js';

export type CredentialsRefusal =
  /** The account is connected already: offer to update that connection. */
  | { kind: 'duplicate'; existing: Connection }
  /** The backend's messages for fields of the form (field name → message). */
  | { kind: 'fields'; errors: ReadonlyMap<string, string> }
  | { kind: 'session-expired' }
  /** Network, timeout, 5xx…: shown on the form, which keeps everything typed. */
  | { kind: 'failed' };

export function interpretRefusal(error: PlugboardError, method: AuthMethod): CredentialsRefusal {
  if (error instanceof HttpError) {
    const existing = error.problem.existingConnection;
    if (error.problem.code === 'duplicate_account' && existing)
      return { kind: 'duplicate', existing };
    const errors = new Map<string, string>();
    for (const fieldError of error.problem.errors ?? []) {
      // A message for a field the form does not have would have nowhere to show.
      if (method.fields.some((field) => field.name === fieldError.field))
        errors.set(fieldError.field, fieldError.message);
    }
    if (errors.size > 0) return { kind: 'fields', errors };
  }
  return error.code === 'session_expired' ? { kind: 'session-expired' } : { kind: 'failed' };
}

/**
 * One Idempotency-Key per distinct input: a second click after a lost answer is the same logical
 * create, while changed input is a new one.
 */
export class IdempotencyKeys {
  #last: { input: string; key: string } | undefined;

  for(fields: FieldValues): string {
    const input = JSON.stringify(fields);
    if (this.#last?.input !== input) this.#last = { input, key: randomId() };
    return this.#last.key;
  }

  forget(): void {
    this.#last = undefined;
  }
}
