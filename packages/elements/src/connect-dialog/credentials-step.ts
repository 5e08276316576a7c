import type { ReactiveControllerHost } from 'lit';
import type { AuthField, AuthMethod, FieldValues } from '@plugboard/contract';
import type { CredentialsForm } from '@plugboard/core';
import type { Translate } from '../shared/client-controller.js';
import {
  checkForm,
  hasUserInput,
  initialValues,
  problemMessage,
  type FormValues,
} from './credential-fields.js';

/**
 * The credential form's state: values, per-field messages, revealed secrets. It keeps what the
 * user typed through every error; the connect flow resets it (secrets included) once the backend
 * has saved it, and decides everything else (sending, the form-wide error, what comes next).
 */
export class CredentialsStep implements CredentialsForm {
  method: AuthMethod | undefined;
  values: FormValues = {};
  errors: ReadonlyMap<string, string> = new Map();
  revealed: ReadonlySet<string> = new Set();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      t: () => Translate;
      /** Messages were put on fields (client checks or the server's): focus and announce them. */
      onInvalid: () => void;
    },
  ) {}

  reset(method: AuthMethod | undefined): void {
    this.method = method;
    this.values = initialValues(method?.fields ?? []);
    this.errors = new Map();
    this.revealed = new Set();
    this.host.requestUpdate();
  }

  get hasUnsavedInput(): boolean {
    return this.method !== undefined && hasUserInput(this.method.fields, this.values);
  }

  setValue(field: AuthField, value: string | boolean): void {
    this.values = { ...this.values, [field.name]: value };
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

  submit(): FieldValues | undefined {
    const method = this.method;
    if (!method) return undefined;
    this.values = Object.fromEntries(
      Object.entries(this.values).map(([name, value]) => [
        name,
        typeof value === 'string' ? value.trim() : value,
      ]),
    );
    const { fields, issues } = checkForm(method, this.values);
    const t = this.options.t();
    this.errors = new Map(
      method.fields.flatMap((field) => {
        const issue = issues.get(field.name);
        return issue ? [[field.name, problemMessage(field, issue, t)] as const] : [];
      }),
    );
    this.host.requestUpdate();
    if (issues.size > 0) {
      this.options.onInvalid();
      return undefined;
    }
    return fields;
  }

  showFieldErrors(errors: ReadonlyMap<string, string>): void {
    this.errors = new Map(errors);
    this.host.requestUpdate();
    this.options.onInvalid();
  }
}
