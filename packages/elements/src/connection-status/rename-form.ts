import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PlugboardError } from '@plugboard/core';
import type { Translate } from '../shared/client-controller.js';
import { errorView } from '../shared/error-view.js';

/** The connection's name as the user edits it: what was typed, why it cannot be saved, sending. */
export interface RenameState {
  name: string;
  problem: string | undefined;
  error: PlugboardError | undefined;
  saving: boolean;
}

/** "Rename": the name in a text field, with Save and Cancel; Escape cancels. */
export function renameForm(props: {
  t: Translate;
  state: RenameState;
  onInput(name: string): void;
  onSave(): void;
  onCancel(): void;
}): TemplateResult {
  const { t, state } = props;
  return html`<form
    class="rename"
    part="rename"
    novalidate
    aria-busy=${state.saving ? 'true' : 'false'}
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      if (!state.saving) props.onSave();
    }}
    @keydown=${(event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      props.onCancel();
    }}
  >
    <label class="field__label" for="connection-name">${t('status.nameLabel')}</label>
    <input
      id="connection-name"
      class="input"
      part="input"
      type="text"
      maxlength="200"
      autocomplete="off"
      .value=${live(state.name)}
      aria-invalid=${state.problem ? 'true' : 'false'}
      aria-describedby=${state.problem ? 'connection-name-error' : nothing}
      @input=${(event: InputEvent) => props.onInput((event.target as HTMLInputElement).value)}
    />
    ${
      state.problem
        ? html`<p class="field__error" part="field-error" id="connection-name-error">
            ${state.problem}
          </p>`
        : nothing
    }
    ${state.error ? errorView(state.error, t, { onAction: props.onSave }) : nothing}
    <div class="footer">
      <button
        class="button button--primary"
        part="button save-name"
        type="submit"
        aria-disabled=${state.saving ? 'true' : 'false'}
      >
        ${t('status.saveName')}
      </button>
      <button class="button" part="button cancel-rename" type="button" @click=${props.onCancel}>
        ${t('dialog.cancel')}
      </button>
    </div>
  </form>`;
}
