import { html, nothing, type TemplateResult } from 'lit';
import type { AuthMethod, Connection } from '@plugboard/contract';
import type { Translate } from '../../shared/client-controller.js';
import { noticeView, primaryAction } from './view-parts.js';

interface OAuthViewBase {
  t: Translate;
  appName: string;
}

/** Before the popup: what will happen and what access the connection gets, in plain words. */
export function oauthIntroView(
  props: OAuthViewBase & { method: AuthMethod; onContinue(): void },
): TemplateResult {
  const { t, appName, method } = props;
  // Required access first: it is what the connection cannot work without.
  const scopes = [...method.scopes].sort((a, b) => Number(b.required) - Number(a.required));
  return html`<div class="view" part="oauth">
    <p class="view__title" id="view-title" tabindex="-1">
      ${t('dialog.popupNotice', { app: appName })}
    </p>
    ${method.helpText ? html`<p class="muted">${method.helpText}</p>` : nothing}
    ${
      scopes.length > 0
        ? html`<section class="scopes" part="scopes" aria-labelledby="scopes-title">
            <h3 class="scopes__title" id="scopes-title">
              ${t('dialog.permissionsHeading', { app: appName })}
            </h3>
            <ul class="scopes__list">
              ${scopes.map(
                (scope) =>
                  html`<li>
                    ${scope.description}${
                      scope.required
                        ? nothing
                        : html` <span class="badge scopes__optional"
                            >${t('dialog.permissionOptional')}</span
                          >`
                    }
                  </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
    <div class="actions">
      ${primaryAction(t('dialog.continueWith', { app: appName }), 'continue', props.onContinue)}
    </div>
  </div>`;
}

/** The popup is open: the user can bring it back or give up. */
export function oauthWaitingView(
  props: OAuthViewBase & { onReopen(): void; onCancel(): void },
): TemplateResult {
  const { t, appName } = props;
  return html`<div class="view" part="oauth-waiting" aria-busy="true">
    <p class="lead">
      <span class="spinner" aria-hidden="true"></span>
      <span class="view__title" id="view-title" tabindex="-1"
        >${t('dialog.waiting', { app: appName })}</span
      >
    </p>
    <div class="actions">
      <button
        class="button"
        part="button reopen"
        type="button"
        data-autofocus
        @click=${props.onReopen}
      >
        ${t('dialog.reopenWindow')}
      </button>
      <button
        class="button button--quiet"
        part="button cancel"
        type="button"
        @click=${props.onCancel}
      >
        ${t('dialog.cancel')}
      </button>
    </div>
  </div>`;
}

/** The browser blocked the popup: continue in this tab, or try the popup again from a click. */
export function oauthBlockedView(
  props: OAuthViewBase & { onRedirect(): void; onRetry(): void },
): TemplateResult {
  const { t } = props;
  return html`<div class="view" part="oauth-blocked">
    <div class="notice notice--warning" role="alert">
      <h3 class="view__title" id="view-title" tabindex="-1">${t('dialog.popupBlocked')}</h3>
      <p>${t('dialog.popupBlockedHint')}</p>
    </div>
    <div class="actions">
      ${primaryAction(t('dialog.continueInTab'), 'redirect', props.onRedirect)}
      <button class="button" part="button retry" type="button" @click=${props.onRetry}>
        ${t('dialog.tryAgain')}
      </button>
    </div>
  </div>`;
}

/** The user said no in the provider's window: not an error, a choice they can revisit. */
export function oauthDeclinedView(props: OAuthViewBase & { onRetry(): void }): TemplateResult {
  const { t, appName } = props;
  return noticeView({
    part: 'oauth-declined',
    title: t('dialog.accessDenied', { app: appName }),
    body: t('dialog.accessDeniedHint', { app: appName }),
    action: primaryAction(t('dialog.tryAgain'), 'retry', props.onRetry),
  });
}

/** The user granted less than the required access: ask again for exactly what is missing. */
export function missingScopesView(
  props: OAuthViewBase & {
    method: AuthMethod;
    missing: readonly string[];
    list(items: string[]): string;
    onGrant(): void;
  },
): TemplateResult {
  const { t, appName } = props;
  const described = props.missing.map(
    (name) => props.method.scopes.find((scope) => scope.name === name)?.description ?? name,
  );
  return noticeView({
    part: 'missing-scopes',
    title: t('dialog.missingScopes', { app: appName }),
    body: t('dialog.missingScopesList', { scopes: props.list(described) }),
    action: primaryAction(t('dialog.grantMissing'), 'grant', props.onGrant),
  });
}

/** The account is already connected: re-authorize that connection instead of creating a twin. */
export function duplicateView(
  props: OAuthViewBase & { existing: Connection; onUpdate(): void; onBack(): void },
): TemplateResult {
  const { t } = props;
  return html`<div class="view" part="duplicate">
    <div class="notice" role="alert">
      <h3 class="view__title" id="view-title" tabindex="-1">
        ${t('dialog.duplicate', { label: props.existing.label })}
      </h3>
    </div>
    <div class="actions">
      ${primaryAction(t('dialog.updateInstead'), 'update', props.onUpdate)}
      <button class="button" part="button back" type="button" @click=${props.onBack}>
        ${t('dialog.back')}
      </button>
    </div>
  </div>`;
}
