import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { baseStyles } from '../shared/base.styles.js';
import { appLogoStyles } from '../shared/app-logo.js';
import { errorViewStyles } from '../shared/error-view.js';

const dialogStyles = css`
  :host {
    display: contents;
    --pb-connect-dialog-width: 32rem;
    --pb-connect-dialog-backdrop: var(--_pb-color-backdrop);
  }

  .dialog {
    inline-size: min(var(--pb-connect-dialog-width), calc(100vw - 2 * var(--_pb-space-4)));
    max-block-size: calc(100dvh - 2 * var(--_pb-space-4));
    padding: 0;
    border: 1px solid var(--_pb-color-border-subtle);
    border-radius: var(--_pb-radius-large);
    background: var(--_pb-color-surface);
    color: var(--_pb-color-text);
    box-shadow: var(--_pb-shadow-raised);
    font-family: var(--_pb-font-family);
    font-size: var(--_pb-font-size);
    line-height: var(--_pb-line-height);
  }

  .dialog::backdrop {
    background: var(--pb-connect-dialog-backdrop);
  }

  .panel {
    display: flex;
    flex-direction: column;
  }

  .header {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-3);
    padding-block: var(--_pb-space-3);
    padding-inline: var(--_pb-space-4);
    border-block-end: 1px solid var(--_pb-color-border-subtle);
  }

  .title {
    flex: 1;
    margin: 0;
    font-size: var(--_pb-font-size-heading);
  }

  .close svg {
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    fill: none;
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-4);
    padding: var(--_pb-space-4);
  }

  .step,
  .view,
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-3);
  }

  .view--busy,
  .view--success {
    align-items: center;
    text-align: center;
  }

  .view__title {
    margin: 0;
    font-size: var(--_pb-font-size-large);
  }

  .view__title:focus {
    outline: none;
  }

  p {
    margin: 0;
  }

  .lead {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-2);
  }

  .muted {
    color: var(--_pb-color-text-muted);
    font-size: var(--_pb-font-size-small);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pb-space-2);
    justify-content: flex-end;
  }

  .field__row {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-2);
  }

  /* The input gives way, never the button beside it ("Copy" must not wrap). */
  .field__row > .input {
    flex: 1;
    min-inline-size: 0;
  }

  .field__row > .button {
    flex: none;
  }

  .field__required {
    color: var(--_pb-color-danger);
  }

  .field__link {
    color: var(--_pb-color-accent);
    font-size: var(--_pb-font-size-small);
    inline-size: fit-content;
  }

  .field__hint--format {
    color: var(--_pb-color-warning);
  }

  .checkbox {
    inline-size: var(--_pb-target-size);
    block-size: var(--_pb-target-size);
    margin: 0;
  }

  .input--mono {
    font-family: var(--_pb-font-family-mono);
  }

  .methods {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .method {
    inline-size: 100%;
    justify-content: flex-start;
  }

  .method__help {
    margin-block-start: var(--_pb-space-1);
  }

  .scopes__title {
    margin: 0;
    font-size: var(--_pb-font-size);
  }

  .scopes__list,
  .instructions {
    margin: 0;
    padding-inline-start: var(--_pb-space-5);
  }

  .notice {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-2);
    padding: var(--_pb-space-3);
    border: 1px solid var(--_pb-color-border);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-surface-sunken);
  }

  .notice--warning {
    border-color: var(--_pb-color-warning);
    background: var(--_pb-color-warning-subtle);
  }

  .notice--danger {
    border-color: var(--_pb-color-danger);
    background: var(--_pb-color-danger-subtle);
  }

  .notice__title {
    font-weight: var(--_pb-font-weight-strong);
  }

  .event-indicator {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-2);
    color: var(--_pb-color-text-muted);
  }

  .event-indicator--received {
    color: var(--_pb-color-success);
    font-weight: var(--_pb-font-weight-strong);
  }

  .dot {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: currentColor;
  }

  .spinner {
    inline-size: 1rem;
    block-size: 1rem;
    flex: none;
    border: 2px solid var(--_pb-color-border-subtle);
    border-block-start-color: var(--_pb-color-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  .view--busy .spinner {
    inline-size: 2rem;
    block-size: 2rem;
  }

  .success__icon circle {
    fill: var(--_pb-color-success-subtle);
    stroke: var(--_pb-color-success);
    stroke-width: 1.5;
  }

  .success__icon path {
    fill: none;
    stroke: var(--_pb-color-success);
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .confirm {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-3);
  }

  .other-methods {
    display: flex;
    justify-content: center;
  }

  /* Setup choices: a combobox whose list opens below it, inside the dialog's scroll. */
  .combobox {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-1);
  }

  .popup {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-1);
    padding: var(--_pb-space-1);
    border: 1px solid var(--_pb-color-border);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-surface);
    box-shadow: var(--_pb-shadow-raised);
  }

  .options {
    max-block-size: 14rem;
    margin: 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: var(--_pb-space-2);
    min-block-size: var(--_pb-target-size);
    padding-block: var(--_pb-space-1);
    padding-inline: var(--_pb-space-2);
    border-radius: var(--_pb-radius);
    cursor: pointer;
  }

  .option:hover,
  .option--active {
    background: var(--_pb-color-surface-sunken);
  }

  .option--active {
    outline: 2px solid var(--_pb-color-focus-ring);
    outline-offset: -2px;
  }

  .option__check {
    flex: none;
    inline-size: 1em;
    color: var(--_pb-color-accent);
  }

  .option__text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }

  .option__description {
    color: var(--_pb-color-text-muted);
    font-size: var(--_pb-font-size-small);
  }

  .options__status {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-2);
    padding-inline: var(--_pb-space-2);
  }

  .options__status--error {
    color: var(--_pb-color-danger);
  }

  .load-more {
    align-self: flex-start;
  }

  .chosen {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pb-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chosen__item {
    display: inline-flex;
    align-items: center;
    gap: var(--_pb-space-1);
    padding-inline-start: var(--_pb-space-2);
    border: 1px solid var(--_pb-color-border);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-surface-sunken);
  }

  .chosen__remove svg,
  [part~='refresh'] svg {
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    fill: none;
  }

  .check:empty {
    display: none;
  }

  .check__line {
    display: flex;
    align-items: flex-start;
    gap: var(--_pb-space-2);
  }

  .check__icon {
    flex: none;
    font-weight: var(--_pb-font-weight-strong);
  }

  .check__answer--passed {
    color: var(--_pb-color-success);
  }

  .check__answer--failed {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-1);
    padding: var(--_pb-space-2);
    border: 1px solid var(--_pb-color-warning);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-warning-subtle);
  }

  .webhook-check {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pb-space-2);
  }

  .textarea {
    min-block-size: 8rem;
    resize: vertical;
    font-family: var(--_pb-font-family-mono);
    font-size: var(--_pb-font-size-small);
  }

  .choices {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-1);
    margin: 0;
    padding: 0;
    border: 0;
  }

  .choices legend {
    padding: 0;
    margin-block-end: var(--_pb-space-1);
  }

  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pb-space-2);
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }

  @media (forced-colors: active) {
    .dialog {
      border: 2px solid CanvasText;
    }

    .option--active,
    .option[aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }
`;

export const styles = [tokens, baseStyles, appLogoStyles, errorViewStyles, dialogStyles];
