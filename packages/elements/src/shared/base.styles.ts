import { css } from 'lit';

/**
 * Styles every element shares: box sizing, the focus ring, buttons, fields, badges, the
 * visually-hidden utility and the `spin` animation of busy indicators. Logical properties only, so right-to-left locales lay out correctly.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [hidden] {
    display: none !important;
  }

  :focus-visible {
    outline: 2px solid var(--_pb-color-focus-ring);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_pb-space-2);
    min-block-size: var(--_pb-target-size);
    min-inline-size: var(--_pb-target-size);
    padding-block: var(--_pb-space-1);
    padding-inline: var(--_pb-space-3);
    border: 1px solid var(--_pb-color-border);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-surface);
    color: var(--_pb-color-text);
    font: inherit;
    font-weight: var(--_pb-font-weight-strong);
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color var(--_pb-transition-duration),
      border-color var(--_pb-transition-duration);
  }

  .button:hover {
    background: var(--_pb-color-surface-sunken);
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .button--primary {
    border-color: var(--_pb-color-accent);
    background: var(--_pb-color-accent);
    color: var(--_pb-color-accent-contrast);
  }

  .button--primary:hover {
    border-color: var(--_pb-color-accent-hover);
    background: var(--_pb-color-accent-hover);
  }

  .button--danger {
    border-color: var(--_pb-color-danger);
    background: var(--_pb-color-surface);
    color: var(--_pb-color-danger);
  }

  .button--danger:hover {
    background: var(--_pb-color-danger-subtle);
  }

  .button--quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_pb-color-accent);
  }

  .button--quiet:hover {
    background: var(--_pb-color-accent-subtle);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-1);
  }

  .field__label {
    font-weight: var(--_pb-font-weight-strong);
  }

  .field__hint {
    color: var(--_pb-color-text-muted);
    font-size: var(--_pb-font-size-small);
  }

  .field__error {
    color: var(--_pb-color-danger);
    font-size: var(--_pb-font-size-small);
  }

  .input {
    inline-size: 100%;
    min-block-size: var(--_pb-target-size);
    padding-block: var(--_pb-space-1);
    padding-inline: var(--_pb-space-3);
    border: 1px solid var(--_pb-color-border);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-surface);
    color: var(--_pb-color-text);
    font: inherit;
  }

  .input::placeholder {
    color: var(--_pb-color-text-muted);
  }

  .input[aria-invalid='true'] {
    border-color: var(--_pb-color-danger);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_pb-space-1);
    padding-block: 0.0625rem;
    padding-inline: var(--_pb-space-2);
    border-radius: var(--_pb-radius-pill);
    background: var(--_pb-color-surface-sunken);
    color: var(--_pb-color-text);
    font-size: var(--_pb-font-size-small);
    font-weight: var(--_pb-font-weight-strong);
    white-space: nowrap;
  }

  .badge--accent {
    background: var(--_pb-color-accent-subtle);
    color: var(--_pb-color-text);
  }

  .badge--success {
    background: var(--_pb-color-success-subtle);
    color: var(--_pb-color-success);
  }

  .badge--warning {
    background: var(--_pb-color-warning-subtle);
    color: var(--_pb-color-warning);
  }

  .badge--danger {
    background: var(--_pb-color-danger-subtle);
    color: var(--_pb-color-danger);
  }

  /* After a Disconnect the service did not confirm: what the user should still do. */
  .revoke-notice {
    margin: 0;
    padding: var(--_pb-space-2) var(--_pb-space-3);
    border-inline-start: 3px solid var(--_pb-color-warning);
    border-radius: var(--_pb-radius-small);
    background: var(--_pb-color-warning-subtle);
    color: var(--_pb-color-text);
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (forced-colors: active) {
    .button,
    .input,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
