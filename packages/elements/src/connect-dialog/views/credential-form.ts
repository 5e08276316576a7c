import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AuthField, AuthMethod } from '@plugboard/contract';
import { failsPattern, isFieldVisible } from '@plugboard/contract/field-check';
import type { PlugboardError } from '@plugboard/core';
import type { Translate } from '../../shared/client-controller.js';
import { errorView } from '../../shared/error-view.js';
import { safeUrl } from '../../shared/safe-url.js';
import { inputType, type FormValues } from '../credential-fields.js';
import { fieldHelp } from './view-parts.js';

export interface CredentialFormProps {
  t: Translate;
  method: AuthMethod;
  values: FormValues;
  /** Message per field name: a client check or the server's own words. */
  errors: ReadonlyMap<string, string>;
  /** Secret fields the user chose to show in plain text. */
  revealed: ReadonlySet<string>;
  sending: boolean;
  /** A failure not tied to one field (network, 5xx…); the form stays filled. */
  formError: PlugboardError | undefined;
  submitLabel: string;
  /** An update: the masked hint of the stored secret, which an empty secret field keeps. */
  storedSecretHint: string | null | undefined;
  /** The names of the files read into file fields. */
  fileNames: ReadonlyMap<string, string>;
  onValue(field: AuthField, value: string | boolean): void;
  onToggleChoice(field: AuthField, value: string): void;
  onFile(field: AuthField, file: File | undefined): void;
  onToggleReveal(field: AuthField): void;
  onSubmit(): void;
}

/** Stable ids inside the dialog's shadow root, so labels and descriptions can point at them. */
export const fieldId = (field: AuthField, part = '') => `field-${field.name}${part}`;

/** The credential form generated from one auth method's fields. */
export function credentialForm(props: CredentialFormProps): TemplateResult {
  const { t, method, sending } = props;
  return html`<form
    class="form"
    part="form"
    novalidate
    aria-busy=${sending ? 'true' : 'false'}
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      if (!sending) props.onSubmit();
    }}
  >
    ${method.helpText ? html`<p class="lead">${method.helpText}</p>` : nothing}
    ${method.fields
      // A field shown only when another has a given value: hidden ones are not checked or sent.
      .filter((field) => isFieldVisible(field, method.fields, props.values))
      .map((field) => fieldView(field, props))}
    ${props.formError ? errorView(props.formError, t, { onAction: props.onSubmit }) : nothing}
    <div class="actions">
      <button
        class="button button--primary"
        part="button submit"
        type="submit"
        ?disabled=${sending}
        aria-busy=${sending ? 'true' : 'false'}
      >
        ${sending ? t('dialog.sending') : props.submitLabel}
      </button>
    </div>
  </form>`;
}

function fieldView(field: AuthField, props: CredentialFormProps): TemplateResult {
  const { t } = props;
  const value = props.values[field.name];
  const error = props.errors.get(field.name);
  const text = typeof value === 'string' ? value : '';
  // The format hint shows as the user types, before any submit, while the value does not match.
  const showPatternHint = !error && Boolean(field.patternHint) && failsPattern(field, text.trim());
  const helpUrl = safeUrl(field.helpUrl);
  const stored = isSecret(field) && props.storedSecretHint ? props.storedSecretHint : undefined;
  const describedBy = [
    field.helpText ? fieldId(field, '-help') : '',
    stored ? fieldId(field, '-stored') : '',
    field.type === 'file' ? fieldId(field, '-file') : '',
    showPatternHint ? fieldId(field, '-hint') : '',
    error ? fieldId(field, '-error') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const invalid = Boolean(error) || showPatternHint;

  const describe = html`${fieldHelp({
    helpId: fieldId(field, '-help'),
    helpText: field.helpText,
    helpUrl,
    linkLabel: t('dialog.whereToFind', { field: field.label }),
    opensInNewTab: t('dialog.opensInNewTab'),
  })}
  ${
    stored
      ? html`<p class="field__hint" part="stored-secret" id=${fieldId(field, '-stored')}>
          ${t('dialog.storedSecret', { hint: stored })}
        </p>`
      : nothing
  }
  ${
    showPatternHint
      ? html`<p class="field__hint field__hint--format" id=${fieldId(field, '-hint')}>
          ${field.patternHint}
        </p>`
      : nothing
  }
  ${
    error
      ? html`<p class="field__error" part="field-error" id=${fieldId(field, '-error')}>${error}</p>`
      : nothing
  }`;

  if (field.type === 'checkbox') {
    return html`<div class="field field--checkbox" part="field">
      <div class="field__row">
        <input
          id=${fieldId(field)}
          class="checkbox"
          part="input"
          type="checkbox"
          name=${field.name}
          .checked=${live(value === true)}
          ?required=${field.required}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @change=${(event: Event) => props.onValue(field, (event.target as HTMLInputElement).checked)}
        />
        ${fieldLabel(field, props.t)}
      </div>
      ${describe}
    </div>`;
  }

  if (field.type === 'multi_select') return choicesView(field, props, describe);
  if (field.type === 'file') return fileView(field, props, invalid, describedBy, describe);

  return html`<div class="field" part="field">
    ${fieldLabel(field, props.t)}
    <div class="field__row">
      ${
        field.type === 'textarea'
          ? html`<textarea
              id=${fieldId(field)}
              class="input textarea"
              part="input"
              name=${field.name}
              .value=${live(text)}
              placeholder=${ifDefined(field.placeholder)}
              ?required=${field.required && !stored}
              rows="6"
              spellcheck="false"
              autocapitalize="off"
              autocomplete="off"
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy || undefined)}
              @input=${(event: InputEvent) => props.onValue(field, (event.target as HTMLTextAreaElement).value)}
            ></textarea>`
          : field.type === 'select'
            ? html`<select
                id=${fieldId(field)}
                class="input"
                part="input"
                name=${field.name}
                .value=${live(text)}
                ?required=${field.required}
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${ifDefined(describedBy || undefined)}
                @change=${(event: Event) => props.onValue(field, (event.target as HTMLSelectElement).value)}
              >
                <option value="" ?disabled=${field.required}>
                  ${t('dialog.selectPlaceholder')}
                </option>
                ${(field.options ?? []).map(
                  (option) =>
                    html`<option value=${option.value} ?selected=${option.value === text}>
                      ${option.label}
                    </option>`,
                )}
              </select>`
            : textInput(field, text, invalid, describedBy, props)
      }
      ${isSecret(field) && field.type !== 'textarea' ? revealToggle(field, props) : nothing}
    </div>
    ${describe}
  </div>`;
}

/** The label, and a visible "Required" beside it; the input itself carries `required` for assistive tech. */
function fieldLabel(field: AuthField, t: Translate): TemplateResult {
  return html`<div class="field__label-row">
    <label class="field__label" for=${fieldId(field)}>${field.label}</label>
    ${
      field.required
        ? html`<span class="field__required" aria-hidden="true">${t('dialog.fieldRequired')}</span>`
        : nothing
    }
  </div>`;
}

/** A multi-select as a group of checkboxes: every option visible, several may be ticked. */
function choicesView(
  field: AuthField,
  props: CredentialFormProps,
  describe: TemplateResult,
): TemplateResult {
  const value = props.values[field.name];
  const chosen = Array.isArray(value) ? value : [];
  const error = props.errors.get(field.name);
  return html`<div class="field" part="field">
    <fieldset
      class="choices"
      id=${fieldId(field)}
      tabindex="-1"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? fieldId(field, '-error') : undefined)}
    >
      <legend class="field__label">
        ${field.label}
        ${
          field.required
            ? html`<span class="field__required" aria-hidden="true"
                >${props.t('dialog.fieldRequired')}</span
              >`
            : nothing
        }
      </legend>
      ${(field.options ?? []).map(
        (option, index) =>
          html`<div class="field__row">
            <input
              id=${fieldId(field, `-${index}`)}
              class="checkbox"
              part="input"
              type="checkbox"
              .checked=${live(chosen.includes(option.value))}
              @change=${() => props.onToggleChoice(field, option.value)}
            />
            <label for=${fieldId(field, `-${index}`)}>${option.label}</label>
          </div>`,
      )}
    </fieldset>
    ${describe}
  </div>`;
}

/**
 * A file read in the browser: its text becomes the value. The name of the file read shows beside
 * the chooser; the contents never do.
 */
function fileView(
  field: AuthField,
  props: CredentialFormProps,
  invalid: boolean,
  describedBy: string,
  describe: TemplateResult,
): TemplateResult {
  const { t } = props;
  const name = props.fileNames.get(field.name);
  return html`<div class="field" part="field">
    ${fieldLabel(field, t)}
    <div class="file" part="file">
      <input
        id=${fieldId(field)}
        class="input"
        part="input"
        type="file"
        name=${field.name}
        accept=${ifDefined(field.accept)}
        ?required=${field.required && !props.storedSecretHint}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @change=${(event: Event) => props.onFile(field, (event.target as HTMLInputElement).files?.[0])}
      />
    </div>
    <p class="field__hint" id=${fieldId(field, '-file')}>
      ${name ? t('dialog.fileRead', { name }) : t('dialog.fileHint')}
    </p>
    ${describe}
  </div>`;
}

function isSecret(field: AuthField): boolean {
  return field.secret || field.type === 'password';
}

function textInput(
  field: AuthField,
  value: string,
  invalid: boolean,
  describedBy: string,
  props: CredentialFormProps,
): TemplateResult {
  const secret = isSecret(field);
  const type = secret && props.revealed.has(field.name) ? 'text' : inputType(field);
  return html`<input
    id=${fieldId(field)}
    class="input"
    part="input"
    name=${field.name}
    type=${type}
    .value=${live(value)}
    placeholder=${ifDefined(field.placeholder)}
    ?required=${field.required && !(secret && props.storedSecretHint)}
    inputmode=${ifDefined(field.type === 'number' ? 'decimal' : undefined)}
    autocomplete=${secret ? 'off' : field.type === 'email' ? 'email' : 'off'}
    spellcheck="false"
    autocapitalize="off"
    aria-invalid=${invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy || undefined)}
    @input=${(event: InputEvent) => props.onValue(field, (event.target as HTMLInputElement).value)}
    @paste=${(event: ClipboardEvent) => pasteTrimmed(event, field, props)}
  />`;
}

function revealToggle(field: AuthField, props: CredentialFormProps): TemplateResult {
  const shown = props.revealed.has(field.name);
  // A toggle keeps one name ("Show API key"); aria-pressed says whether the text is shown.
  return html`<button
    class="button button--quiet reveal"
    part="button reveal"
    type="button"
    aria-label=${props.t('dialog.showSecret', { field: field.label })}
    aria-pressed=${shown ? 'true' : 'false'}
    aria-controls=${fieldId(field)}
    @click=${() => props.onToggleReveal(field)}
  >
    <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"></path>
      <circle cx="12" cy="12" r="3"></circle>
      ${shown ? svg`<path d="M4 4l16 16"></path>` : nothing}
    </svg>
  </button>`;
}

/** Keys copied from a settings page often carry a trailing newline or spaces: drop them on paste. */
function pasteTrimmed(event: ClipboardEvent, field: AuthField, props: CredentialFormProps): void {
  const pasted = event.clipboardData?.getData('text');
  if (pasted === undefined || pasted === pasted.trim()) return;
  event.preventDefault();
  const input = event.target as HTMLInputElement;
  const trimmed = pasted.trim();
  if (input.selectionStart === null || input.selectionEnd === null) {
    // email/number inputs expose no selection: replace the whole value.
    input.value = trimmed;
  } else {
    input.setRangeText(trimmed, input.selectionStart, input.selectionEnd, 'end');
  }
  props.onValue(field, input.value);
}
