import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { baseStyles } from '../shared/base.styles.js';
import { appLogoStyles } from '../shared/app-logo.js';
import { errorViewStyles } from '../shared/error-view.js';
import { providerHealthStyles } from '../shared/provider-health.js';

const statusStyles = css`
  :host {
    --pb-connection-status-padding: var(--_pb-space-4);
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-3);
    padding: var(--pb-connection-status-padding);
    border: 1px solid var(--_pb-color-border-subtle);
    border-radius: var(--_pb-radius-large);
    background: var(--_pb-color-surface);
  }

  .card--loading {
    min-block-size: 6rem;
  }

  p {
    margin: 0;
  }

  .header {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-3);
  }

  .identity {
    flex: 1;
    min-inline-size: 0;
  }

  .app-name {
    font-weight: var(--_pb-font-weight-strong);
  }

  .account,
  .last-tested {
    color: var(--_pb-color-text-muted);
    font-size: var(--_pb-font-size-small);
    overflow-wrap: anywhere;
  }

  .details {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pb-space-2);
  }

  .status-badge__icon {
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .status-badge__icon--testing {
    animation: spin 1s linear infinite;
  }

  .popover {
    position: fixed;
    inset: auto;
    margin: 0;
    max-inline-size: min(24rem, calc(100vw - 16px));
    padding: var(--_pb-space-3);
    border: 1px solid var(--_pb-color-border);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-surface-raised);
    color: var(--_pb-color-text);
    box-shadow: var(--_pb-shadow-raised);
    z-index: var(--_pb-z-index-popover);
    overflow-wrap: anywhere;
  }

  .popover__reference {
    margin-block-start: var(--_pb-space-2);
    color: var(--_pb-color-text-muted);
    font-size: var(--_pb-font-size-small);
  }

  .test-result--passed {
    color: var(--_pb-color-success);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pb-space-2);
  }

  .confirm {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-2);
    padding: var(--_pb-space-3);
    border: 1px solid var(--_pb-color-danger);
    border-radius: var(--_pb-radius);
  }

  .confirm__title {
    font-weight: var(--_pb-font-weight-strong);
  }

  @media (prefers-reduced-motion: reduce) {
    .status-badge__icon--testing {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .card,
    .popover {
      border: 1px solid CanvasText;
    }
  }
`;

export const styles = [
  tokens,
  baseStyles,
  appLogoStyles,
  errorViewStyles,
  providerHealthStyles,
  statusStyles,
];
