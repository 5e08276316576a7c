import { html, nothing, type TemplateResult } from 'lit';
import type { Connection, WebhookUrlSetupStep } from '@plugboard/contract';
import type { Translate } from '../../shared/client-controller.js';
import { safeUrl } from '../../shared/safe-url.js';

/** Where the copy button stands: idle, copied, or the clipboard refused and the text is selected. */
export type CopyState = 'idle' | 'copied' | 'manual';

/** "Copy this webhook URL into {app}", the steps to follow, and a live first-event indicator. */
export function setupView(props: {
  t: Translate;
  appName: string;
  step: WebhookUrlSetupStep;
  connection: Connection;
  copyState: CopyState;
  onCopy(input: HTMLInputElement): void;
  onContinue(): void;
}): TemplateResult {
  const { t, step, connection } = props;
  const webhookUrl = connection.setup?.webhookUrl ?? '';
  const received = Boolean(connection.setup?.lastEventAt);
  const helpUrl = safeUrl(step.helpUrl);
  return html`<div class="view" part="setup">
    <h3 class="view__title" id="view-title" tabindex="-1">
      ${t('dialog.setupHeading', { app: props.appName })}
    </h3>
    <p class="lead">${step.title}</p>
    <div class="field">
      <label class="field__label" for="webhook-url">${t('dialog.webhookUrlLabel')}</label>
      <div class="field__row">
        <input
          id="webhook-url"
          class="input input--mono"
          part="input webhook-url"
          type="text"
          readonly
          .value=${webhookUrl}
          aria-describedby="copy-feedback"
          @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()}
        />
        <button
          class="button"
          part="button copy"
          type="button"
          data-autofocus
          @click=${(event: Event) =>
            props.onCopy(
              (event.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement,
            )}
        >
          ${t('dialog.copy')}
        </button>
      </div>
      <p class="field__hint" id="copy-feedback" part="copy-feedback">
        ${
          props.copyState === 'copied'
            ? t('dialog.copied')
            : props.copyState === 'manual'
              ? t('dialog.copyManually', { shortcut: copyShortcut() })
              : nothing
        }
      </p>
    </div>
    ${webhookAuthFields(props)}
    <ol class="instructions" part="instructions">
      ${step.instructions.map((instruction) => html`<li>${instruction}</li>`)}
    </ol>
    ${
      helpUrl
        ? html`<p>
            <a href=${helpUrl} target="_blank" rel="noopener noreferrer" part="help-link">
              ${t('dialog.setupHelp', { app: props.appName })}<span class="visually-hidden">
                ${t('dialog.opensInNewTab')}</span
              >
            </a>
          </p>`
        : nothing
    }
    <p
      class="event-indicator ${received ? 'event-indicator--received' : ''}"
      part="event-indicator"
    >
      <span class=${received ? 'dot dot--on' : 'spinner'} aria-hidden="true"></span>
      ${received ? t('dialog.firstEventReceived') : t('dialog.waitingFirstEvent')}
    </p>
    <div class="actions">
      <button
        class="button button--primary"
        part="button continue"
        type="button"
        @click=${props.onContinue}
      >
        ${t('dialog.continue')}
      </button>
    </div>
  </div>`;
}

/** For services that send HTTP basic auth with their webhooks: what to enter with the URL. */
function webhookAuthFields(props: { t: Translate; appName: string; connection: Connection }) {
  const auth = props.connection.setup?.webhookAuth;
  if (!auth) return nothing;
  const { t } = props;
  const selectOnFocus = (event: FocusEvent) => (event.target as HTMLInputElement).select();
  return html`<p class="field__hint" id="webhook-auth-hint">
      ${t('dialog.webhookAuthHint', { app: props.appName })}
    </p>
    <div class="field">
      <label class="field__label" for="webhook-username">${t('dialog.webhookUsernameLabel')}</label>
      <input
        id="webhook-username"
        class="input input--mono"
        part="input webhook-username"
        type="text"
        readonly
        .value=${auth.username}
        aria-describedby="webhook-auth-hint"
        @focus=${selectOnFocus}
      />
    </div>
    <div class="field">
      <label class="field__label" for="webhook-password">${t('dialog.webhookPasswordLabel')}</label>
      <input
        id="webhook-password"
        class="input input--mono"
        part="input webhook-password"
        type="text"
        readonly
        spellcheck="false"
        autocomplete="off"
        .value=${auth.password}
        aria-describedby="webhook-auth-hint"
        @focus=${selectOnFocus}
      />
    </div>`;
}

/** The copy shortcut as the user's keyboard labels it. */
export function copyShortcut(): string {
  return /mac|iphone|ipad/i.test(navigator.userAgent) ? '⌘C' : 'Ctrl+C';
}
