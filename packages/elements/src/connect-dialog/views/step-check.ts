import { html, nothing, type TemplateResult } from 'lit';
import type { StepCheck } from '@plugboard/core';
import type { Translate } from '../../shared/client-controller.js';
import { errorView } from '../../shared/error-view.js';

/**
 * The answer of a setup step's check: running, passed ("You are a member of #sales"), or failed
 * with what to do. Its container is a polite live region, so the answer is read out when it lands.
 */
export function stepCheckView(
  t: Translate,
  id: string,
  check: StepCheck | undefined,
  onRetry: () => void,
): TemplateResult {
  return html`<div id=${id} class="check" part="check" aria-live="polite">
    ${check ? checkBody(t, check, onRetry) : nothing}
  </div>`;
}

function checkBody(t: Translate, check: StepCheck, onRetry: () => void): TemplateResult {
  if (check.status === 'checking') {
    return html`<p class="check__line muted">
      <span class="spinner" aria-hidden="true"></span>${t('settings.checking')}
    </p>`;
  }
  if (check.status === 'error') {
    return errorView(check.error, t, { title: t('settings.checkError'), onAction: onRetry });
  }
  const { ok, message, action } = check.result;
  return html`<div
    class="check__answer check__answer--${ok ? 'passed' : 'failed'}"
    part="check-${ok ? 'passed' : 'failed'}"
  >
    <p class="check__line">
      <span class="check__icon" aria-hidden="true">${ok ? '✓' : '!'}</span>
      <span>
        <span class="visually-hidden"
          >${ok ? t('settings.checkPassed') : t('settings.checkFailed')}:</span
        >
        ${message}
      </span>
    </p>
    ${!ok && action ? html`<p class="check__action" part="check-action">${action}</p>` : nothing}
  </div>`;
}
