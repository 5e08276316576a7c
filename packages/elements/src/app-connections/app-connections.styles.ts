import { css } from 'lit';

export const appConnectionsStyles = css`
  /* Painted by the element, so a dark theme reads on any page. */
  .page {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-4);
    background: var(--_pb-color-surface);
    color: var(--_pb-color-text);
  }

  .page__header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pb-space-3);
  }

  .page__heading {
    margin: 0;
    font-size: var(--_pb-font-size-heading);
  }

  .page__body {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-5);
  }

  .group__heading {
    display: flex;
    align-items: center;
    gap: var(--_pb-space-2);
    margin-block: 0 var(--_pb-space-2);
    font-size: var(--_pb-font-size-large);
  }

  .group__list {
    display: flex;
    flex-direction: column;
    gap: var(--_pb-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .group__item {
    border-radius: var(--_pb-radius);
  }

  .group__item:focus-visible,
  .group__item:focus {
    outline: 2px solid var(--_pb-color-focus-ring);
    outline-offset: 2px;
  }

  .state {
    margin: 0;
    padding: var(--_pb-space-5);
    border: 1px dashed var(--_pb-color-border-subtle);
    border-radius: var(--_pb-radius);
    color: var(--_pb-color-text-muted);
  }

  .state p {
    margin: 0;
  }

  .state__title {
    color: var(--_pb-color-text);
    font-weight: var(--_pb-font-weight-strong);
  }

  .picker-dialog {
    inline-size: min(var(--pb-app-connections-dialog-width, 40rem), calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: var(--_pb-space-4);
    border: 1px solid var(--_pb-color-border-subtle);
    border-radius: var(--_pb-radius-large);
    background: var(--_pb-color-surface-raised);
    color: var(--_pb-color-text);
    box-shadow: var(--_pb-shadow-raised);
  }

  .picker-dialog::backdrop {
    background: var(--_pb-color-backdrop);
  }

  .picker-dialog__header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_pb-space-3);
    margin-block-end: var(--_pb-space-3);
  }

  .picker-dialog__title {
    margin: 0;
    font-size: var(--_pb-font-size-large);
  }
`;
