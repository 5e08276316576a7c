import { css } from 'lit';

/**
 * Public knobs: `--pb-app-picker-max-height` (results viewport), `--pb-app-picker-row-height`
 * (list rows), `--pb-app-picker-cell-height` and `--pb-app-picker-cell-width` (grid cells).
 * Rows have a fixed height so the virtualiser can place them by arithmetic; it reads the resolved
 * sizes back from the computed style, so changing these knobs needs no JavaScript.
 */
export const appPickerStyles = css`
  /* Painted by the element, so a dark theme reads on any page. */
  .picker {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-3);
    background: var(--_pb-color-surface);
    color: var(--_pb-color-text);
  }

  .picker__controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pb-space-3);
    align-items: flex-end;
  }

  .picker__search {
    flex: 1 1 14rem;
  }

  .picker__category {
    flex: 0 1 12rem;
  }

  .picker__caption {
    margin: 0;
    color: var(--_pb-color-text-muted);
    font-size: var(--_pb-font-size-small);
    font-weight: var(--_pb-font-weight-strong);
  }

  .listbox {
    position: relative;
    max-block-size: var(--pb-app-picker-max-height, 24rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_pb-color-border-subtle);
    border-radius: var(--_pb-radius);
    background: var(--_pb-color-surface);
  }

  /* --_offset and --_total are set from script (CSSOM, allowed under a strict CSP). */
  .listbox__items {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-auto-rows: var(--pb-app-picker-row-height, 3.5rem);
    align-content: start;
    block-size: var(--_total, auto);
    padding-block-start: var(--_offset, 0);
  }

  :host([layout='grid']) .listbox__items {
    grid-template-columns: repeat(auto-fill, minmax(var(--pb-app-picker-cell-width, 9rem), 1fr));
    grid-auto-rows: var(--pb-app-picker-cell-height, 7.5rem);
  }

  .option {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-3);
    min-inline-size: 0;
    padding-inline: var(--_pb-space-3);
    border-block-end: 1px solid var(--_pb-color-border-subtle);
    cursor: pointer;
    overflow: hidden;
  }

  :host([layout='grid']) .option {
    flex-direction: column;
    justify-content: center;
    gap: var(--_pb-space-1);
    padding: var(--_pb-space-2);
    border-inline-end: 1px solid var(--_pb-color-border-subtle);
    text-align: center;
  }

  .option:hover {
    background: var(--_pb-color-surface-sunken);
  }

  .option[aria-selected='true'] {
    background: var(--_pb-color-accent-subtle);
    outline: 2px solid var(--_pb-color-focus-ring);
    outline-offset: -2px;
  }

  .option__text {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-inline-size: 0;
  }

  :host([layout='grid']) .option__text {
    flex: none;
    inline-size: 100%;
  }

  .option__name,
  .option__description {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .option__name {
    font-weight: var(--_pb-font-weight-strong);
  }

  .option__description {
    color: var(--_pb-color-text-muted);
    font-size: var(--_pb-font-size-small);
  }

  :host([layout='grid']) .option__description {
    display: none;
  }

  .option__badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_pb-space-1);
    justify-content: flex-end;
  }

  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_pb-space-2);
    padding: var(--_pb-space-4);
    border: 1px dashed var(--_pb-color-border-subtle);
    border-radius: var(--_pb-radius);
  }

  .state p {
    margin: 0;
  }

  .state__title {
    font-weight: var(--_pb-font-weight-strong);
  }

  .state__hint {
    color: var(--_pb-color-text-muted);
  }

  .request {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_pb-space-2);
    margin: 0;
    color: var(--_pb-color-text-muted);
  }

  .request--sent {
    color: var(--_pb-color-text);
  }

  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-2);
    inline-size: 100%;
  }

  .skeleton__row {
    block-size: 2.5rem;
    border-radius: var(--_pb-radius-small);
    background: var(--_pb-color-surface-sunken);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton__row {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      outline-color: Highlight;
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
