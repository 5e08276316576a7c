import type { ReactiveControllerHost } from 'lit';
import type { AuthField, AuthMethod, Connection } from '@plugboard/contract';
import { HttpError, type PlugboardClient, type PlugboardError } from '@plugboard/core';
import { asPlugboardError } from '../shared/as-plugboard-error.js';
import type { Translate } from '../shared/client-controller.js';
import {
  checkForm,
  hasUserInput,
  initialValues,
  problemMessage,
  type FormValues,
} from './credential-fields.js';

/** What a submit led to; the dialog picks the next view from it. */
export type SubmitOutcome =
  | { kind: 'saved'; connection: Connection }
  /** Client checks or the server's per-field errors: messages are on the fields. */
  | { kind: 'invalid'; error: PlugboardError | undefined }
  | { kind: 'duplicate'; existing: Connection; error: PlugboardError }
  | { kind: 'failed'; error: PlugboardError }
  | { kind: 'aborted' };

export interface SubmitTarget {
  client: PlugboardClient;
  appKey: string;
  /** Update this connection (same id) instead of creating one. */
  connectionId: string;
  signal: AbortSignal;
}

/**
 * The credential form's state: values, per-field messages, revealed secrets, sending. It keeps
 * what the user typed through every error and clears it (secrets included) once the backend has
 * saved it. One Idempotency-Key per distinct input, so a second click after a lost answer is the
 * same logical create, while changed input is a new one.
 */
export class CredentialsStep {
  method: AuthMethod | undefined;
  values: FormValues = {};
  errors: ReadonlyMap<string, string> = new Map();
  revealed: ReadonlySet<string> = new Set();
  sending = false;
  /** A failure not tied to one field (network, 5xx…), shown above the submit button. */
  formError: PlugboardError | undefined;
  private idempotencyKey: string | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Starts over for `method` (or forgets everything): values back to the schema's defaults. */
  reset(method: AuthMethod | undefined): void {
    this.method = method;
    this.values = initialValues(method?.fields ?? []);
    this.errors = new Map();
    this.revealed = new Set();
    this.formError = undefined;
    this.sending = false;
    this.idempotencyKey = undefined;
    this.host.requestUpdate();
  }

  /** Typed and not saved yet: closing would lose it. */
  get hasUnsavedInput(): boolean {
    return this.method !== undefined && hasUserInput(this.method.fields, this.values);
  }

  setValue(field: AuthField, value: string | boolean): void {
    this.values = { ...this.values, [field.name]: value };
    this.idempotencyKey = undefined;
    if (this.errors.has(field.name)) {
      const errors = new Map(this.errors);
      errors.delete(field.name);
      this.errors = errors;
    }
    this.host.requestUpdate();
  }

  toggleReveal(field: AuthField): void {
    const revealed = new Set(this.revealed);
    if (!revealed.delete(field.name)) revealed.add(field.name);
    this.revealed = revealed;
    this.host.requestUpdate();
  }

  /** The first field with a message, in form order (where focus goes). */
  get firstInvalidField(): AuthField | undefined {
    return this.method?.fields.find((field) => this.errors.has(field.name));
  }

  async submit(target: SubmitTarget, t: Translate): Promise<SubmitOutcome> {
    const method = this.method;
    if (!method || this.sending) return { kind: 'aborted' };
    this.values = Object.fromEntries(
      Object.entries(this.values).map(([name, value]) => [
        name,
        typeof value === 'string' ? value.trim() : value,
      ]),
    );
    this.formError = undefined;
    const { fields, issues } = checkForm(method, this.values);
    if (issues.size > 0) {
      this.errors = new Map(
        method.fields.flatMap((field) => {
          const issue = issues.get(field.name);
          return issue ? [[field.name, problemMessage(field, issue, t)] as const] : [];
        }),
      );
      this.host.requestUpdate();
      return { kind: 'invalid', error: undefined };
    }
    this.sending = true;
    this.errors = new Map();
    this.host.requestUpdate();
    try {
      const { client, signal } = target;
      const connection = target.connectionId
        ? await client.connections.update(
            target.connectionId,
            { method: method.type, fields },
            { signal },
          )
        : await client.connections.create(
            { app: target.appKey, method: method.type, fields },
            { signal, ...this.idempotencyOption() },
          );
      // Secrets leave memory and the inputs as soon as the backend holds them.
      this.reset(method);
      return { kind: 'saved', connection };
    } catch (caught) {
      this.sending = false;
      this.host.requestUpdate();
      const error = asPlugboardError(caught);
      if (target.signal.aborted || error.code === 'aborted') return { kind: 'aborted' };
      return this.interpretFailure(error, method);
    }
  }

  private idempotencyOption(): { idempotencyKey?: string } {
    this.idempotencyKey ??= globalThis.crypto?.randomUUID?.();
    return this.idempotencyKey ? { idempotencyKey: this.idempotencyKey } : {};
  }

  private interpretFailure(error: PlugboardError, method: AuthMethod): SubmitOutcome {
    if (error instanceof HttpError) {
      const existing = error.problem.existingConnection;
      if (error.problem.code === 'duplicate_account' && existing)
        return { kind: 'duplicate', existing, error };
      const byField = new Map<string, string>();
      for (const fieldError of error.problem.errors ?? []) {
        if (method.fields.some((field) => field.name === fieldError.field)) {
          byField.set(fieldError.field, fieldError.message);
        }
      }
      if (byField.size > 0) {
        this.errors = byField;
        this.host.requestUpdate();
        return { kind: 'invalid', error };
      }
    }
    if (error.code !== 'session_expired') {
      // Network, timeout, 5xx…: everything typed stays; the error view offers to send again.
      this.formError = error;
      this.host.requestUpdate();
    }
    return { kind: 'failed', error };
  }
}
