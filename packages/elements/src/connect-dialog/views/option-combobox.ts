import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { SetupOption } from '@plugboard/contract';
import type { OptionsState } from '@plugboard/core';
import type { Translate } from '../../shared/client-controller.js';
import type { PickerUi } from '../option-pickers.js';

export interface OptionComboboxProps {
  t: Translate;
  appName: string;
  /** The input's id; the listbox, options and hints derive theirs from it. */
  id: string;
  /** The step's key, on each option: a click on one is chosen by OptionPickers. */
  stepKey: string;
  title: string;
  multiple: boolean;
  placeholder: string | undefined;
  options: OptionsState;
  ui: PickerUi;
  /** The options chosen, with their labels. */
  chosen: readonly SetupOption[];
  /** Ids of the hints that describe the input (help, problem, check). */
  describedBy: string;
  invalid: boolean;
  onType(text: string): void;
  onKeydown(event: KeyboardEvent): void;
  onToggle(): void;
  onClose(): void;
  /** Multi-select: takes one chosen option out. */
  onRemove(option: SetupOption): void;
  onRefresh(): void;
  onLoadMore(): void;
}

const optionId = (comboboxId: string, index: number) => `${comboboxId}-option-${index}`;

/**
 * A select or multi-select setup step whose options come from the service: an editable APG
 * combobox (typing searches), its listbox popup in the same shadow root (so aria-activedescendant
 * works), "Show more" for the next page, a refresh button, and for a multi-select the chosen
 * options as removable items below.
 */
export function optionCombobox(props: OptionComboboxProps): TemplateResult {
  const { t, id, ui, options, chosen, multiple } = props;
  const listboxId = `${id}-listbox`;
  const shownText = ui.text ?? (multiple ? '' : (chosen[0]?.label ?? ''));
  // An active option still loading is named once it is in the list.
  const active =
    ui.expanded && ui.active >= 0 && ui.active < options.items.length
      ? optionId(id, ui.active)
      : undefined;
  const keepFocus = (event: Event) => event.preventDefault();
  return html`<div class="combobox">
      <div class="field__row">
        <input
          id=${id}
          class="input"
          part="input combobox"
          role="combobox"
          aria-labelledby=${`${id}-label`}
          type="text"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${ui.expanded ? 'true' : 'false'}
          aria-controls=${listboxId}
          aria-activedescendant=${ifDefined(active)}
          aria-invalid=${props.invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(props.describedBy || undefined)}
          placeholder=${props.placeholder ?? t('settings.searchPlaceholder')}
          .value=${live(shownText)}
          @input=${(event: InputEvent) => props.onType((event.target as HTMLInputElement).value)}
          @keydown=${props.onKeydown}
          @click=${props.onToggle}
          @blur=${props.onClose}
        />
        <button
          class="button button--quiet"
          part="button refresh"
          type="button"
          aria-label=${t('settings.refresh', { field: props.title })}
          aria-busy=${options.status === 'loading' ? 'true' : 'false'}
          @click=${props.onRefresh}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
            <path d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7"></path>
          </svg>
        </button>
      </div>
      <div class="popup" part="popup" ?hidden=${!ui.expanded} @pointerdown=${keepFocus}>
        <ul
          id=${listboxId}
          class="options"
          part="listbox"
          role="listbox"
          aria-label=${props.title}
          aria-multiselectable=${ifDefined(multiple ? 'true' : undefined)}
          aria-busy=${options.status === 'loading' ? 'true' : 'false'}
        >
          ${options.items.map((option, index) => {
            const selected = chosen.some((item) => item.value === option.value);
            return html`<li
              id=${optionId(id, index)}
              class="option ${index === ui.active ? 'option--active' : ''}"
              part="option"
              role="option"
              aria-selected=${selected ? 'true' : 'false'}
              data-step=${props.stepKey}
              data-index=${index}
            >
              <span class="option__check" aria-hidden="true">${selected ? '✓' : ''}</span>
              <span class="option__text">
                <span class="option__label">${option.label}</span>
                ${
                  option.description
                    ? html`<span class="option__description">${option.description}</span>`
                    : nothing
                }
              </span>
            </li>`;
          })}
        </ul>
        ${listStatus(props)}
        ${
          options.nextCursor && options.status === 'ready'
            ? html`<button
                class="button button--quiet load-more"
                part="button load-more"
                type="button"
                tabindex="-1"
                ?disabled=${options.loadingMore}
                @click=${props.onLoadMore}
              >
                ${options.loadingMore ? t('settings.loadingMore') : t('settings.loadMore')}
              </button>`
            : nothing
        }
      </div>
    </div>
    ${multiple ? chosenList(props) : nothing}`;
}

/** Loading, nothing found, or the list could not be read: said inside the popup. */
function listStatus(props: OptionComboboxProps): TemplateResult | typeof nothing {
  const { t, options, appName } = props;
  if (options.status === 'loading' || options.status === 'idle') {
    return html`<p class="options__status muted" part="options-status">
      <span class="spinner" aria-hidden="true"></span>
      ${t('settings.optionsLoading', { app: appName })}
    </p>`;
  }
  if (options.error) {
    return html`<p class="options__status options__status--error" part="options-status">
      ${t('settings.optionsError', { app: appName })}
    </p>`;
  }
  if (options.items.length === 0) {
    return html`<p class="options__status muted" part="options-status">
      ${
        options.query
          ? t('settings.noMatch', { query: options.query })
          : t('settings.emptyList', { app: appName })
      }
    </p>`;
  }
  return nothing;
}

/** A multi-select's chosen options, each with a button to take it out. */
function chosenList(props: OptionComboboxProps): TemplateResult | typeof nothing {
  const { t, chosen } = props;
  if (chosen.length === 0) return nothing;
  return html`<ul
    class="chosen"
    part="chosen"
    aria-label=${t('settings.chosenCount', { count: chosen.length })}
  >
    ${chosen.map(
      (option) =>
        html`<li class="chosen__item">
          <span>${option.label}</span>
          <button
            class="button button--quiet chosen__remove"
            part="button remove"
            type="button"
            aria-label=${t('settings.remove', { value: option.label })}
            @click=${() => props.onRemove(option)}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
              <path d="M6 6l12 12M18 6L6 18"></path>
            </svg>
          </button>
        </li>`,
    )}
  </ul>`;
}
