import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { ProviderHealth } from '@plugboard/contract';
import type { Translate } from './client-controller.js';

type Trouble = Exclude<ProviderHealth['status'], 'operational'>;

// Shape as well as colour tells the states apart (WCAG 1.4.1): a warning sign, a crossed circle.
const ICON: Record<Trouble, TemplateResult> = {
  degraded: svg`<path d="M8 1.8l6.5 12H1.5z"></path><path d="M8 6.5v3.2M8 11.6v.2"></path>`,
  down: svg`<circle cx="8" cy="8" r="6.2"></circle><path d="M3.6 12.4l8.8-8.8"></path>`,
};

function healthIcon(status: Trouble): TemplateResult {
  return html`<svg
    class="health-icon"
    aria-hidden="true"
    viewBox="0 0 16 16"
    width="14"
    height="14"
  >
    ${ICON[status]}
  </svg>`;
}

/**
 * A short badge for a provider that is having problems or is down: an icon and words, never colour
 * alone; nothing while it works. Used where space is short (picker options, the list's headings).
 */
export function healthBadge(health: ProviderHealth, t: Translate): TemplateResult | typeof nothing {
  const status = health.status;
  if (status === 'operational') return nothing;
  return html`<span
    class="badge ${status === 'down' ? 'badge--danger' : 'badge--warning'}"
    part="badge health-badge"
    data-health=${status}
    >${healthIcon(status)}${t(status === 'down' ? 'picker.healthDown' : 'picker.healthDegraded')}</span
  >`;
}

/**
 * What a provider's trouble means for a connection that exists: a sentence, and the provider's own
 * message as text. Nothing while it works.
 */
export function healthNotice(
  app: { name: string; health?: ProviderHealth | undefined },
  t: Translate,
): TemplateResult | typeof nothing {
  const status = app.health?.status;
  if (!status || status === 'operational') return nothing;
  return html`<div class="health-notice health-notice--${status}" part="health" role="note">
    ${healthIcon(status)}
    <div>
      <p class="health-notice__title">
        ${t(status === 'down' ? 'status.providerDown' : 'status.providerDegraded', {
          app: app.name,
        })}
      </p>
      ${app.health?.message ? html`<p>${app.health.message}</p>` : nothing}
    </div>
  </div>`;
}

export const providerHealthStyles = css`
  .health-icon {
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .health-notice {
    display: flex;
    align-items: flex-start;
    gap: var(--_pb-space-2);
    padding: var(--_pb-space-2) var(--_pb-space-3);
    border-inline-start: 3px solid var(--_pb-color-warning);
    border-radius: var(--_pb-radius-small);
    background: var(--_pb-color-warning-subtle);
    color: var(--_pb-color-text);
    font-size: var(--_pb-font-size-small);
  }

  .health-notice--down {
    border-inline-start-color: var(--_pb-color-danger);
    background: var(--_pb-color-danger-subtle);
  }

  .health-notice .health-icon {
    margin-block-start: 0.15em;
    color: var(--_pb-color-warning);
  }

  .health-notice--down .health-icon {
    color: var(--_pb-color-danger);
  }

  .health-notice p {
    margin: 0;
  }

  .health-notice__title {
    font-weight: var(--_pb-font-weight-strong);
  }
`;
