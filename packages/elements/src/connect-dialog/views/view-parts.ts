import { html, nothing, type TemplateResult } from 'lit';

/** A view's main action: the primary button, which focus moves to when the view appears. */
export function primaryAction(label: string, part: string, onClick: () => void): TemplateResult {
  return html`<button
    class="button button--primary"
    part="button ${part}"
    type="button"
    data-autofocus
    @click=${onClick}
  >
    ${label}
  </button>`;
}

/** A view that says what stands in the way (as an alert) and offers one way on. */
export function noticeView(props: {
  part: string;
  title: string;
  body: string;
  action: TemplateResult;
}): TemplateResult {
  return html`<div class="view" part=${props.part}>
    <div class="notice notice--warning" role="alert">
      <h3 class="view__title" id="view-title" tabindex="-1">${props.title}</h3>
      ${props.body ? html`<p>${props.body}</p>` : nothing}
    </div>
    <div class="actions">${props.action}</div>
  </div>`;
}

/** Waiting on the backend: a labelled busy state. */
export function busyView(part: string, label: string): TemplateResult {
  return html`<div class="view view--busy" part=${part} aria-busy="true">
    <span class="spinner" aria-hidden="true"></span>
    <p class="view__title" id="view-title" tabindex="-1">${label}</p>
  </div>`;
}

/**
 * What stands under a field before its own notes: its help text (with the id the input's
 * `aria-describedby` names) and a link to the service's help, which opens in a new tab.
 */
export function fieldHelp(props: {
  helpId: string;
  helpText: string | undefined;
  helpUrl: string | null;
  linkLabel: string;
  opensInNewTab: string;
}): TemplateResult {
  return html`${
    props.helpText ? html`<p class="field__hint" id=${props.helpId}>${props.helpText}</p>` : nothing
  }
  ${
    props.helpUrl
      ? html`<a
          class="field__link"
          part="help-link"
          href=${props.helpUrl}
          target="_blank"
          rel="noopener noreferrer"
        >
          ${props.linkLabel}<span class="visually-hidden"> ${props.opensInNewTab}</span>
        </a>`
      : nothing
  }`;
}
