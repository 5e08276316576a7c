import type { ReactiveControllerHost } from 'lit';
import type { AuthField, AuthMethod, FieldValues } from '@plugboard/contract';
import { FILE_BYTES_MAX } from '@plugboard/contract/field-check';
import type { CredentialsForm, CredentialsPrefill } from '@plugboard/core';
import type { Translate } from '../shared/client-controller.js';
import {
  byteSize,
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
  /** The names of the files read into file fields, by field name. */
  fileNames: ReadonlyMap<string, string> = new Map();
  /** An update's saved fields and the hint of its stored secret (never the secret). */
  prefill: CredentialsPrefill | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      t: () => Translate;
      /** Messages were put on fields (client checks or the server's): focus and announce them. */
      onInvalid: () => void;
    },
  ) {}

  reset(method: AuthMethod | undefined, prefill?: CredentialsPrefill): void {
    this.method = method;
    this.prefill = prefill;
    this.values = initialValues(method?.fields ?? [], prefill?.fields);
    this.errors = new Map();
    this.revealed = new Set();
    this.fileNames = new Map();
    this.host.requestUpdate();
  }

  get hasUnsavedInput(): boolean {
    return (
      this.method !== undefined &&
      hasUserInput(this.method.fields, this.values, this.prefill?.fields)
    );
  }

  /**
   * An update may leave its secrets empty to keep the stored ones, but only while every other
   * field keeps its saved value (the backend applies the same rule).
   */
  get keepsStoredSecrets(): boolean {
    const { method, prefill } = this;
    if (!method || !prefill) return false;
    const secrets = method.fields.filter((field) => field.secret);
    const blank = secrets.every((field) => String(this.values[field.name] ?? '').trim() === '');
    return blank && !hasUserInput(method.fields, this.values, prefill.fields);
  }

  /** Toggles one option of a multi-select. */
  toggleChoice(field: AuthField, value: string): void {
    const current = this.values[field.name];
    const list = Array.isArray(current) ? current : [];
    this.setValue(
      field,
      list.includes(value) ? list.filter((item) => item !== value) : [...list, value],
    );
  }

  /**
   * Reads a chosen file in the browser: its text becomes the field's value (it goes nowhere but
   * to the backend, with the form). A file over the field's limit is not read at all.
   */
  async readFile(field: AuthField, file: File | undefined): Promise<void> {
    if (!file) return;
    const t = this.options.t();
    const maxBytes = Math.min(field.maxBytes ?? FILE_BYTES_MAX, FILE_BYTES_MAX);
    if (file.size > maxBytes) {
      this.#fileProblem(field, t('dialog.fileTooLarge', { max: byteSize(maxBytes) }));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.#fileProblem(field, t('dialog.fileUnreadable'));
      return;
    }
    this.fileNames = new Map(this.fileNames).set(field.name, file.name);
    this.setValue(field, text);
  }

  #fileProblem(field: AuthField, message: string): void {
    const names = new Map(this.fileNames);
    names.delete(field.name);
    this.fileNames = names;
    this.values = { ...this.values, [field.name]: '' };
    this.errors = new Map(this.errors).set(field.name, message);
    this.host.requestUpdate();
    this.options.onInvalid();
  }

  setValue(field: AuthField, value: string | boolean | string[]): void {
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
    // Secrets left empty in an update that changes nothing else keep the stored ones.
    const checked = this.keepsStoredSecrets
      ? { ...method, fields: method.fields.map((field) => ({ ...field, required: false })) }
      : method;
    const { fields, issues } = checkForm(checked, this.values);
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
