// Shared look of the Theming page's tables, readable in Storybook's light docs theme.
import { css } from 'lit';

export const docsStyles = css`
  :host {
    display: block;
    font:
      14px/1.5 system-ui,
      sans-serif;
    color: #1b1e24;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block: 1rem;
  }
  caption {
    text-align: start;
    color: #555d6b;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.35rem 0.6rem;
    border-block-end: 1px solid #d9dce1;
  }
  th[scope='row'] {
    font-weight: normal;
    white-space: nowrap;
  }
  code {
    font:
      13px ui-monospace,
      Menlo,
      Consolas,
      monospace;
  }
`;
