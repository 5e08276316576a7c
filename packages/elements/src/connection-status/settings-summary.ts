import { html, nothing, type TemplateResult } from 'lit';
import type { App, Connection } from '@plugboard/contract';

/**
 * The connection's saved setup choices in a line each ("Channel to post in: #sales"), in the
 * app's step order. Checkboxes and unset steps are left out: this is a reminder, not the form.
 */
export function settingsSummary(app: App | undefined, connection: Connection) {
  const settings = connection.settings ?? {};
  const lines = (app?.setupSteps ?? []).flatMap((step): [string, string][] => {
    const value = settings[step.key];
    if (value === undefined || typeof value === 'boolean') return [];
    if (typeof value === 'string') return value ? [[step.title, value]] : [];
    const labels = (Array.isArray(value) ? value : [value]).map((option) => option.label);
    return labels.length > 0 ? [[step.title, labels.join(', ')]] : [];
  });
  if (lines.length === 0) return nothing;
  return html`<dl class="settings" part="settings">
    ${lines.map(
      ([title, value]): TemplateResult =>
        html`<div class="settings__line">
          <dt>${title}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}
