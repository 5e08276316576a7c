import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AuthField } from '@plugboard/contract';
import { settingsStepField, type SettingsStep } from '@plugboard/contract/field-check';
import { EMPTY_OPTIONS, type ConnectMode, type SettingsFormState } from '@plugboard/core';
import type { Translate } from '../../shared/client-controller.js';
import { errorView } from '../../shared/error-view.js';
import { safeUrl } from '../../shared/safe-url.js';
import { problemMessage } from '../credential-fields.js';
import type { OptionPickers } from '../option-pickers.js';
import { optionCombobox } from './option-combobox.js';
import { stepCheckView } from './step-check.js';
import { fieldHelp } from './view-parts.js';

export interface SettingsViewProps {
  t: Translate;
  appName: string;
  mode: ConnectMode;
  form: SettingsFormState;
  /** Settings mode: the last save went through (the dialog says so and offers Done). */
  completed: boolean;
  pickers: OptionPickers;
  onChoose(stepKey: string, value: string | boolean): void;
  onRefresh(stepKey: string): void;
  onLoadMore(stepKey: string): void;
  onSave(): void;
  onCheck(stepKey: string): void;
  onContinue(): void;
}

/** Stable ids inside the dialog's shadow root. */
const settingId = (step: Pick<SettingsStep, 'key'>, part = '') => `setting-${step.key}${part}`;

/**
 * The app's setup choices after sign-in (or from "Settings" later): one field per step in order,
 * live options for selects, the contract's checks before saving, the backend's words after, and
 * the answers of the steps' checks with what to do when one fails.
 */
export function settingsView(props: SettingsViewProps): TemplateResult {
  const { t, form, appName, mode } = props;
  const settingsMode = mode === 'settings';
  return html`<div class="view" part="settings">
    <h3 class="view__title" id="view-title" tabindex="-1">
      ${settingsMode ? t('dialog.titleSettings', { app: appName }) : t('settings.heading', { app: appName })}
    </h3>
    ${
      form.steps.length === 0
        ? html`<p>${t('settings.none', { app: appName })}</p>`
        : html`<p class="muted">${t('settings.intro', { app: appName })}</p>
            <form
              class="form"
              part="form"
              novalidate
              aria-busy=${form.saving ? 'true' : 'false'}
              @submit=${(event: SubmitEvent) => {
                event.preventDefault();
                if (!form.saving) props.onSave();
              }}
            >
              ${form.steps.map((step) => stepField(step, props))}
              ${form.saveError ? errorView(form.saveError, t, { onAction: props.onSave }) : nothing}
              ${actions(props)}
            </form>`
    }
    ${form.steps.length === 0 ? html`<div class="actions">${continueButton(props)}</div>` : nothing}
  </div>`;
}

function stepField(step: SettingsStep, props: SettingsViewProps): TemplateResult {
  const { t, form } = props;
  const problem = form.problems[step.key];
  const check = form.checks[step.key];
  const helpUrl = safeUrl(step.helpUrl);
  const message = problem
    ? 'issue' in problem
      ? problemMessage(fieldOf(step), problem.issue, t)
      : problem.message
    : undefined;
  const describedBy = [
    step.helpText ? settingId(step, '-help') : '',
    message ? settingId(step, '-error') : '',
    step.verification ? settingId(step, '-check') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const hints = html`${fieldHelp({
    helpId: settingId(step, '-help'),
    helpText: step.helpText,
    helpUrl,
    linkLabel: t('dialog.setupHelp', { app: props.appName }),
    opensInNewTab: t('dialog.opensInNewTab'),
  })}
  ${
    message
      ? html`<p class="field__error" part="field-error" id=${settingId(step, '-error')}>
          ${message}
        </p>`
      : nothing
  }
  ${step.verification ? stepCheckView(t, settingId(step, '-check'), check, () => props.onCheck(step.key)) : nothing}`;

  if (step.type === 'checkbox') {
    return html`<div class="field field--checkbox" part="field setting">
      <div class="field__row">
        <input
          id=${settingId(step)}
          class="checkbox"
          part="input"
          type="checkbox"
          .checked=${live(form.values[step.key] === true)}
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @change=${(event: Event) =>
            props.onChoose(step.key, (event.target as HTMLInputElement).checked)}
        />
        ${label(step, t)}
      </div>
      ${hints}
    </div>`;
  }

  const control =
    step.type === 'text'
      ? html`<input
          id=${settingId(step)}
          class="input"
          part="input"
          type="text"
          autocomplete="off"
          .value=${live(String(form.values[step.key] ?? ''))}
          placeholder=${ifDefined(step.placeholder)}
          ?required=${step.required}
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @input=${(event: InputEvent) =>
            props.onChoose(step.key, (event.target as HTMLInputElement).value)}
        />`
      : comboboxFor(step, props, describedBy, Boolean(message));
  return html`<div class="field" part="field setting">${label(step, t)} ${control} ${hints}</div>`;
}

function comboboxFor(
  step: Extract<SettingsStep, { type: 'select' | 'multi_select' }>,
  props: SettingsViewProps,
  describedBy: string,
  invalid: boolean,
): TemplateResult {
  const { form, pickers } = props;
  const id = settingId(step);
  const options = form.options[step.key] ?? EMPTY_OPTIONS;
  const multiple = step.type === 'multi_select';
  return optionCombobox({
    t: props.t,
    appName: props.appName,
    id,
    stepKey: step.key,
    title: step.title,
    multiple,
    placeholder: step.placeholder,
    options,
    ui: pickers.ui(step.key),
    chosen: form.chosen[step.key] ?? [],
    describedBy,
    invalid,
    onType: (text) => pickers.typed(step.key, text),
    onKeydown: (event) =>
      pickers.keydown(event, step.key, options.items, Boolean(options.nextCursor), multiple),
    onToggle: () => pickers.toggle(step.key),
    onClose: () => pickers.close(step.key),
    onRemove: (option) => props.onChoose(step.key, option.value),
    onRefresh: () => props.onRefresh(step.key),
    onLoadMore: () => props.onLoadMore(step.key),
  });
}

function label(step: SettingsStep, t: Translate): TemplateResult {
  return html`<div class="field__label-row">
    <label class="field__label" id=${settingId(step, '-label')} for=${settingId(step)}>
      ${step.title}
    </label>
    ${
      step.required
        ? html`<span class="field__required" aria-hidden="true">${t('dialog.fieldRequired')}</span>`
        : nothing
    }
  </div>`;
}

/** A step as the form field its problems are worded for. */
function fieldOf(step: SettingsStep): AuthField {
  if (step.type === 'text' || step.type === 'checkbox') return settingsStepField(step);
  return {
    name: step.key,
    label: step.title,
    type: step.type,
    required: step.required,
    secret: false,
  };
}

/**
 * Save first; once saved, the checks' answers decide: all passed → go on; some failed → check
 * again, or go on anyway (the choices are saved). In settings mode, "Done" closes. The primary
 * button stays the same element throughout, so focus stays on it as its label changes.
 */
function actions(props: SettingsViewProps): TemplateResult {
  const { t, form, mode, completed } = props;
  const settingsMode = mode === 'settings';
  const checks = Object.entries(form.checks);
  const savedNow = form.saved && (settingsMode ? completed : checks.length > 0);
  const checking = checks.some(([, check]) => check.status === 'checking');
  const failed = checks.some(
    ([, check]) => check.status === 'error' || (check.status === 'done' && !check.result.ok),
  );
  const checkAgain = () => {
    for (const [key, check] of checks) {
      if (check.status !== 'done' || !check.result.ok) props.onCheck(key);
    }
  };
  const primary = !savedNow
    ? {
        part: 'save',
        label: form.saving
          ? t('settings.saving')
          : settingsMode
            ? t('settings.save')
            : t('settings.saveAndContinue'),
        busy: form.saving,
        submit: true,
        onClick: undefined,
      }
    : checking || failed
      ? {
          part: 'check-again',
          label: checking ? t('settings.checking') : t('settings.checkAgain'),
          busy: checking,
          submit: false,
          onClick: checkAgain,
        }
      : {
          part: 'continue',
          label: settingsMode ? t('dialog.done') : t('dialog.continue'),
          busy: false,
          submit: false,
          onClick: props.onContinue,
        };
  return html`${
      settingsMode && savedNow && !failed && !checking
        ? html`<p class="notice" part="saved-notice" aria-live="polite">
            ${t('settings.saved', { app: props.appName })}
          </p>`
        : nothing
    }
    <div class="actions">
      ${
        savedNow && failed
          ? html`<button
              class="button"
              part="button continue-anyway"
              type="button"
              @click=${props.onContinue}
            >
              ${settingsMode ? t('dialog.done') : t('settings.continueAnyway')}
            </button>`
          : nothing
      }
      <button
        class="button button--primary"
        part="button ${primary.part}"
        type=${primary.submit ? 'submit' : 'button'}
        aria-disabled=${primary.busy ? 'true' : 'false'}
        aria-busy=${primary.busy ? 'true' : 'false'}
        @click=${(event: Event) => {
          if (primary.busy) event.preventDefault();
          else primary.onClick?.();
        }}
      >
        ${primary.label}
      </button>
    </div>`;
}

function continueButton(props: SettingsViewProps): TemplateResult {
  const { t, mode } = props;
  return html`<button
    class="button button--primary"
    part="button continue"
    type="button"
    data-autofocus
    @click=${props.onContinue}
  >
    ${mode === 'settings' ? t('dialog.done') : t('dialog.continue')}
  </button>`;
}
