import { html, nothing, type TemplateResult } from 'lit';
import type { PlugboardError } from '@plugboard/core';
import type { Translate } from '../shared/client-controller.js';
import { errorView } from '../shared/error-view.js';

/** Disconnect's confirmation, in place of the buttons: what it does, Disconnect and Cancel. */
export function removalConfirm(props: {
  t: Translate;
  appName: string;
  removing: boolean;
  error: PlugboardError | undefined;
  onConfirm(): void;
  onCancel(): void;
}): TemplateResult {
  const { t, appName } = props;
  return html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-title">
    <p class="confirm__title" id="confirm-title">
      ${t('status.disconnectConfirmTitle', { app: appName })}
    </p>
    <p class="confirm__text">${t('status.disconnectConfirmBody', { app: appName })}</p>
    ${props.error ? errorView(props.error, t) : nothing}
    <div class="footer">
      <button
        class="button button--danger"
        part="button confirm-disconnect"
        type="button"
        ?disabled=${props.removing}
        @click=${props.onConfirm}
      >
        ${props.removing ? t('status.disconnecting') : t('status.disconnect')}
      </button>
      <button class="button" part="button cancel-disconnect" type="button" @click=${props.onCancel}>
        ${t('dialog.cancel')}
      </button>
    </div>
  </div>`;
}
