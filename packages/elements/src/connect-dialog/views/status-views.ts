import { html, nothing, type TemplateResult } from 'lit';
import type { AppSummary, Connection } from '@plugboard/contract';
import type { ConnectView, PlugboardError } from '@plugboard/core';
import type { Translate } from '../../shared/client-controller.js';
import { errorView } from '../../shared/error-view.js';
import { testFailureView } from '../../shared/test-failure-view.js';
import { busyView, noticeView, primaryAction } from './view-parts.js';

/** Loading the app (or waiting for the messages). */
export function loadingView(t: Translate): TemplateResult {
  return busyView('loading', t('dialog.loading'));
}

/** A failure with nothing typed at stake: the shared error view and its one action. */
export function failureView(
  t: Translate,
  error: PlugboardError,
  onRetry: (() => void) | undefined,
  retriesWhenOnline = false,
): TemplateResult {
  const action = onRetry ? { onAction: onRetry, actionLabel: t('dialog.tryAgain') } : {};
  return html`<div class="view" part="failure">
    ${errorView(error, t, { ...action, retriesWhenOnline })}
  </div>`;
}

/** The provider is down: explain, suggest later, offer no way to connect. */
export function unavailableView(t: Translate, app: AppSummary): TemplateResult {
  return html`<div class="view" part="unavailable">
    <div class="notice notice--danger" role="alert">
      <h3 class="view__title" id="view-title" tabindex="-1">
        ${t('dialog.providerDown', { app: app.name })}
      </h3>
      ${app.health.message ? html`<p>${app.health.message}</p>` : nothing}
    </div>
  </div>`;
}

/** The provider works but is slow or flaky: warn, and let the user go on. */
export function degradedNotice(t: Translate, app: AppSummary): TemplateResult | typeof nothing {
  if (app.health.status !== 'degraded') return nothing;
  return html`<div class="notice notice--warning" part="health-warning" role="note">
    <p class="notice__title">${t('dialog.providerDegraded', { app: app.name })}</p>
    ${app.health.message ? html`<p>${app.health.message}</p>` : nothing}
  </div>`;
}

/** Session renewal failed: say why, keep what was typed, and start again from the form. */
export function sessionExpiredView(t: Translate, onRestart: () => void): TemplateResult {
  return noticeView({
    part: 'session-expired',
    title: t('dialog.sessionTimedOut'),
    body: t('dialog.sessionTimedOutHint'),
    action: primaryAction(t('dialog.startAgain'), 'restart', onRestart),
  });
}

export function testingView(t: Translate): TemplateResult {
  return busyView('testing', t('dialog.testing'));
}

/**
 * Saved, but the automatic test did not pass: when the service answered, why and the one thing
 * that helps (test again, or enter the details / sign in again), with the backend's reference;
 * when the test request itself failed, the shared error view. Either way, never a dead end.
 */
export function testFailedView(
  t: Translate,
  view: Extract<ConnectView, { name: 'test-failed' }>,
  actions: { onRetest: () => void; onReauthorize: () => void },
): TemplateResult {
  const { failure } = view;
  return html`<div class="view" part="test-failed">
    <h3 class="view__title" id="view-title" tabindex="-1">${t('dialog.testFailed')}</h3>
    ${
      'error' in failure
        ? errorView(failure.error, t, {
            onAction: actions.onRetest,
            actionLabel: t('dialog.testAgain'),
          })
        : testFailureView(view.connection, t, {
            title: t('status.testFailed'),
            message: failure.message,
            ...actions,
          })
    }
  </div>`;
}

export function successView(
  t: Translate,
  app: AppSummary,
  connection: Connection,
  onDone: () => void,
): TemplateResult {
  return html`<div class="view view--success" part="success">
    <svg class="success__icon" aria-hidden="true" viewBox="0 0 24 24" width="40" height="40">
      <circle cx="12" cy="12" r="11"></circle>
      <path d="M7 12.5l3.2 3.2L17 9"></path>
    </svg>
    <h3 class="view__title" id="view-title" tabindex="-1">
      ${t('dialog.success', { app: app.name })}
    </h3>
    <p part="account-label">${t('status.connectedAs', { label: connection.label })}</p>
    <div class="actions">${primaryAction(t('dialog.done'), 'done', onDone)}</div>
  </div>`;
}

/** "Discard what you typed?" inside the dialog; never window.confirm. */
export function discardConfirmView(
  t: Translate,
  onDiscard: () => void,
  onKeep: () => void,
): TemplateResult {
  return html`<div
    class="confirm"
    part="confirm"
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="confirm-title"
  >
    <h3 class="view__title" id="confirm-title">${t('dialog.discardConfirm')}</h3>
    <div class="actions">
      <button class="button button--danger" part="button discard" type="button" @click=${onDiscard}>
        ${t('dialog.discard')}
      </button>
      ${primaryAction(t('dialog.keepEditing'), 'keep', onKeep)}
    </div>
  </div>`;
}
