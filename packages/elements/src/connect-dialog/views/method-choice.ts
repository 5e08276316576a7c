import { html, nothing, type TemplateResult } from 'lit';
import type { AuthMethod } from '@plugboard/contract';
import type { Translate } from '../../shared/client-controller.js';

/** "How do you want to connect?": one button per method, its help text as the description. */
export function methodChoiceView(props: {
  t: Translate;
  methods: readonly AuthMethod[];
  onChoose(method: AuthMethod): void;
}): TemplateResult {
  const { t } = props;
  return html`<div class="view" part="methods">
    <h3 class="view__title" id="view-title" tabindex="-1">${t('dialog.methodChoice')}</h3>
    <ul class="methods">
      ${props.methods.map(
        (method, index) =>
          html`<li>
            <button
              class="button method"
              part="button method"
              type="button"
              ?data-autofocus=${index === 0}
              aria-describedby=${method.helpText ? `method-help-${index}` : nothing}
              @click=${() => props.onChoose(method)}
            >
              <span class="method__label">${method.label}</span>
            </button>
            ${
              method.helpText
                ? html`<p class="method__help muted" id="method-help-${index}">
                    ${method.helpText}
                  </p>`
                : nothing
            }
          </li>`,
      )}
    </ul>
  </div>`;
}
