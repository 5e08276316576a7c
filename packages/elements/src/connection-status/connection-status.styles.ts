import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { baseStyles } from '../shared/base.styles.js';
import { appLogoStyles } from '../shared/app-logo.js';
import { errorViewStyles } from '../shared/error-view.js';

const statusStyles = css`
  :host {
    --pb-connection-status-padding: var(--pb-space-4);
    font-family: var(--pb-font-family);
    font-size: var(--pb-font-size);
    line-height: var(--pb-line-height);
    color: var(--pb-color-text);
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: var(--pb-space-3);
    padding: var(--pb-connection-status-padding);
    border: 1px solid var(--pb-color-border-subtle);
    border-radius: var(--pb-radius-large);
    background: var(--pb-color-surface);
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
    gap: var(--pb-space-3);
  }

  .identity {
    flex: 1;
    min-inline-size: 0;
  }

  .app-name {
    font-weight: var(--pb-font-weight-strong);
  }

  .account,
  .last-tested {
    color: var(--pb-color-text-muted);
    font-size: var(--pb-font-size-small);
    overflow-wrap: anywhere;
  }

  .details {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--pb-space-2);
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
    padding: var(--pb-space-3);
    border: 1px solid var(--pb-color-border);
    border-radius: var(--pb-radius);
    background: var(--pb-color-surface-raised);
    color: var(--pb-color-text);
    box-shadow: var(--pb-shadow-raised);
    z-index: var(--pb-z-index-popover);
    overflow-wrap: anywhere;
  }

  .popover__reference {
    margin-block-start: var(--pb-space-2);
    color: var(--pb-color-text-muted);
    font-size: var(--pb-font-size-small);
  }

  .test-result--passed {
    color: var(--pb-color-success);
  }

  .test-result--failed {
    color: var(--pb-color-danger);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--pb-space-2);
  }

  .confirm {
    display: flex;
    flex-direction: column;
    gap: var(--pb-space-2);
    padding: var(--pb-space-3);
    border: 1px solid var(--pb-color-danger);
    border-radius: var(--pb-radius);
  }

  .confirm__title {
    font-weight: var(--pb-font-weight-strong);
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
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

export const styles = [tokens, baseStyles, appLogoStyles, errorViewStyles, statusStyles];
