import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { MessageKey } from '@plugboard/core/messages';
import type { Translate } from '../shared/client-controller.js';

/** The connection's status as the badge shows it; `testing` while a test runs. */
export type BadgeStatus = 'connected' | 'testing' | 'error' | 'needs_reauth' | 'expired';

const LABEL_KEY: Record<BadgeStatus, MessageKey> = {
  connected: 'status.connected',
  testing: 'status.testing',
  error: 'status.needsAttention',
  needs_reauth: 'status.needsAttention',
  expired: 'status.expired',
};

const TONE: Record<BadgeStatus, string> = {
  connected: 'success',
  testing: 'accent',
  error: 'danger',
  needs_reauth: 'warning',
  expired: 'danger',
};

// Shape as well as colour tells the states apart (WCAG 1.4.1): check, ring, warning sign, clock.
const ICON: Record<BadgeStatus, SVGTemplateResult> = {
  connected: svg`<path d="M3.5 8.5l3 3 6-7"></path>`,
  testing: svg`<path d="M8 2a6 6 0 1 1-6 6"></path>`,
  error: svg`<path d="M8 1.8l6.5 12H1.5z"></path><path d="M8 6.5v3.2M8 11.6v.2"></path>`,
  needs_reauth: svg`<path d="M8 1.8l6.5 12H1.5z"></path><path d="M8 6.5v3.2M8 11.6v.2"></path>`,
  expired: svg`<circle cx="8" cy="8" r="6.2"></circle><path d="M8 4.5V8l2.5 1.8"></path>`,
};

/** The badge's words for a status, also used to announce a change of it. */
export function statusLabel(status: BadgeStatus, t: Translate): string {
  return t(LABEL_KEY[status]);
}

/** Colour, text and an icon: never colour alone. */
export function statusBadge(status: BadgeStatus, t: Translate): TemplateResult {
  return html`<span
    class="badge badge--${TONE[status]} status-badge"
    part="badge"
    data-status=${status}
  >
    <svg
      class="status-badge__icon status-badge__icon--${status}"
      aria-hidden="true"
      viewBox="0 0 16 16"
      width="14"
      height="14"
    >
      ${ICON[status]}
    </svg>
    <span>${statusLabel(status, t)}</span>
  </span>`;
}
