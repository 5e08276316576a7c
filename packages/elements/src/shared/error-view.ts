import { css, html, nothing, type TemplateResult } from 'lit';
import {
  HttpError,
  type PlugboardError,
  type PlugboardErrorCode,
  type ProblemCode,
} from '@plugboard/core';
import type { Translate } from './client-controller.js';

export interface ErrorViewOptions {
  /** What failed, in the context of the element ("We couldn't load the list of apps."); defaults
   *  to the generic title for the kind of error. The likely cause always follows. */
  title?: string;
  /** The one main action, usually "Try again". Without it no button is shown. */
  onAction?: () => void;
  /** Overrides the action's label (default: the "Try again" message). */
  actionLabel?: string;
  /** The element will retry by itself when the browser is back online (see OnlineRetry). */
  retriesWhenOnline?: boolean;
}

/** Which title/cause pair of the message catalog (`error.<kind>.title`) explains an error. */
type ErrorKind =
  | 'network'
  | 'offline'
  | 'timeout'
  | 'rateLimited'
  | 'server'
  | 'malformed'
  | 'sessionExpired'
  | 'forbiddenOrigin'
  | 'appNotAllowed'
  | 'validation'
  | 'credentialsRejected'
  | 'providerUnavailable'
  | 'providerError'
  | 'popupClosed'
  | 'flowTimeout'
  | 'flowExpired'
  | 'notFound'
  | 'config'
  | 'unexpected'
  | 'unknown';

const KIND_BY_PROBLEM: Partial<Record<ProblemCode, ErrorKind>> = {
  validation_failed: 'validation',
  payload_too_large: 'validation',
  credentials_rejected: 'credentialsRejected',
  unauthorized: 'sessionExpired',
  session_expired: 'sessionExpired',
  forbidden_origin: 'forbiddenOrigin',
  app_not_allowed: 'appNotAllowed',
  not_found: 'notFound',
  rate_limited: 'rateLimited',
  provider_unavailable: 'providerUnavailable',
  provider_error: 'providerError',
  internal_error: 'server',
};

const KIND_BY_CODE: Partial<Record<PlugboardErrorCode, ErrorKind>> = {
  timeout: 'timeout',
  malformed: 'malformed',
  session_expired: 'sessionExpired',
  config: 'config',
  popup_closed: 'popupClosed',
  flow_failed: 'providerError',
  flow_timeout: 'flowTimeout',
  flow_expired: 'flowExpired',
  unexpected: 'unexpected',
};

/**
 * The one way every element shows an error: what happened, the likely cause, one main action,
 * the support reference with a Copy button, and the developer details folded away. Only our own
 * messages and typed fields are shown; no raw server JSON above the fold.
 */
export function errorView(
  error: PlugboardError,
  t: Translate,
  opts: ErrorViewOptions = {},
): TemplateResult {
  const kind = errorKind(error);
  const status = error instanceof HttpError ? error.status : undefined;
  const problemCode = error instanceof HttpError ? error.problem.code : undefined;
  return problemView(
    {
      title: opts.title ?? t(`error.${kind}.title`),
      cause: t(`error.${kind}.cause`),
      retriesWhenOnline: opts.retriesWhenOnline ?? false,
      action: opts.onAction
        ? { label: opts.actionLabel ?? t('error.tryAgain'), onClick: opts.onAction }
        : undefined,
      requestId: error.requestId,
      details: [
        [t('error.detailsCode'), html`<code>${error.code}</code>`],
        ...(status !== undefined
          ? [[t('error.detailsStatus'), html`<code>${status}</code>`] as const]
          : []),
        ...(problemCode
          ? [[t('error.detailsProblem'), html`<code>${problemCode}</code>`] as const]
          : []),
        [t('error.detailsMessage'), error.message],
      ],
    },
    t,
  );
}

/** What a problem box shows, in order; `details` are folded away for developers. */
export interface ProblemViewProps {
  title: string;
  /** Words from the service itself, shown as text between the title and the cause. */
  serviceMessage?: string | undefined;
  cause: string;
  retriesWhenOnline?: boolean;
  action?: { label: string; onClick: () => void } | undefined;
  requestId?: string | undefined;
  details: ReadonlyArray<readonly [string, unknown]>;
}

/** The markup of every error: errorView for thrown errors, testFailureView for failed Tests. */
export function problemView(props: ProblemViewProps, t: Translate): TemplateResult {
  const { action, requestId } = props;
  return html`<div class="error" part="error" role="alert">
    <p class="error__title">${props.title}</p>
    ${props.serviceMessage ? html`<p class="error__message">${props.serviceMessage}</p>` : nothing}
    <p class="error__cause">${props.cause}</p>
    ${
      props.retriesWhenOnline
        ? html`<p class="error__retry-note">${t('error.retryWhenOnline')}</p>`
        : nothing
    }
    ${
      action
        ? html`<button
            class="button button--primary error__action"
            part="button"
            type="button"
            @click=${action.onClick}
          >
            ${action.label}
          </button>`
        : nothing
    }
    ${
      requestId
        ? html`<p class="error__reference">
            <span>${t('error.reference', { id: requestId })}</span>
            <button
              class="button button--quiet error__copy"
              type="button"
              @click=${(event: Event) => copyReference(event, requestId)}
            >
              <span class="error__copy-label">${t('error.copyReference')}</span>
              <span class="error__copied-label">${t('error.copied')}</span>
            </button>
          </p>`
        : nothing
    }
    <details class="error__details">
      <summary>${t('error.technicalDetails')}</summary>
      <dl>
        ${props.details.map(
          ([term, value]) =>
            html`<dt>${term}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
    </details>
  </div>`;
}

function errorKind(error: PlugboardError): ErrorKind {
  if (error instanceof HttpError) {
    const byProblem = KIND_BY_PROBLEM[error.problem.code];
    if (byProblem) return byProblem;
    if (error.status === 401) return 'sessionExpired';
    if (error.status === 404) return 'notFound';
    if (error.status === 429) return 'rateLimited';
    return error.status >= 500 ? 'server' : 'unknown';
  }
  if (error.code === 'network') return navigator.onLine === false ? 'offline' : 'network';
  return KIND_BY_CODE[error.code] ?? 'unknown';
}

async function copyReference(event: Event, reference: string): Promise<void> {
  const button = event.currentTarget as HTMLButtonElement;
  try {
    await navigator.clipboard.writeText(reference);
    // The label swap is CSS-driven so this stateless template needs no host re-render.
    button.dataset['copied'] = '';
  } catch {
    // Clipboard denied (permissions, insecure context): the reference stays selectable as text.
    delete button.dataset['copied'];
  }
}

export const errorViewStyles = css`
  .error {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pb-space-2);
    padding: var(--_pb-space-4);
    border: 1px solid var(--_pb-color-danger);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-danger-subtle);
    color: var(--_pb-color-text);
  }

  .error p {
    margin: 0;
  }

  .error__title {
    font-weight: var(--_pb-font-weight-strong);
    color: var(--_pb-color-danger);
  }

  .error__reference {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pb-space-2);
    font-size: var(--_pb-font-size-small);
    color: var(--_pb-color-text-muted);
    user-select: all;
  }

  .error__copied-label,
  .error__copy[data-copied] .error__copy-label {
    display: none;
  }

  .error__copy[data-copied] .error__copied-label {
    display: inline;
  }

  .error__details {
    font-size: var(--_pb-font-size-small);
    color: var(--_pb-color-text-muted);
  }

  .error__details summary {
    cursor: pointer;
    min-block-size: 1.5rem;
  }

  .error__details dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_pb-space-1) var(--_pb-space-3);
    margin-block: var(--_pb-space-2) 0;
  }

  .error__details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
