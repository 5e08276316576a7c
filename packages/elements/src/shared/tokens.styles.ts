import { css } from 'lit';

/** Dark values, shared by `theme="dark"` and `theme="auto"` under a dark system preference. */
const darkValues = css`
  --pb-color-surface: #16181d;
  --pb-color-surface-raised: #1f2229;
  --pb-color-surface-sunken: #101216;
  --pb-color-text: #eceef2;
  --pb-color-text-muted: #a8afbc;
  --pb-color-border: #7b8391;
  --pb-color-border-subtle: #343843;
  --pb-color-accent: #8aa4ff;
  --pb-color-accent-hover: #a8bcff;
  --pb-color-accent-contrast: #0d1120;
  --pb-color-accent-subtle: #232b45;
  --pb-color-danger: #ff8f85;
  --pb-color-danger-contrast: #1e0705;
  --pb-color-danger-subtle: #3a1a18;
  --pb-color-warning: #f5c061;
  --pb-color-warning-subtle: #3a2c10;
  --pb-color-success: #6fd49a;
  --pb-color-success-subtle: #14301f;
  --pb-color-focus-ring: #8aa4ff;
  --pb-color-backdrop: rgb(0 0 0 / 0.6);
  --pb-shadow: 0 1px 2px rgb(0 0 0 / 0.4), 0 4px 12px rgb(0 0 0 / 0.3);
  --pb-shadow-raised: 0 8px 28px rgb(0 0 0 / 0.5);
  color-scheme: dark;
`;

/**
 * Global design tokens (`--pb-*`) on every element's host. Hosts theme the widgets by setting these
 * on the element or an ancestor; the `theme` attribute picks light (default), dark or auto.
 * Text/background pairs are chosen for WCAG AA contrast (4.5:1 for text) in both themes.
 */
export const tokens = css`
  :host {
    --pb-color-surface: #ffffff;
    --pb-color-surface-raised: #ffffff;
    --pb-color-surface-sunken: #f4f5f7;
    --pb-color-text: #1b1e24;
    --pb-color-text-muted: #555d6b;
    --pb-color-border: #8a919e;
    --pb-color-border-subtle: #d9dce1;
    --pb-color-accent: #2f54d6;
    --pb-color-accent-hover: #2445b8;
    --pb-color-accent-contrast: #ffffff;
    --pb-color-accent-subtle: #e8edfc;
    --pb-color-danger: #b42318;
    --pb-color-danger-contrast: #ffffff;
    --pb-color-danger-subtle: #fdecea;
    --pb-color-warning: #8a5300;
    --pb-color-warning-subtle: #fff4de;
    --pb-color-success: #17723a;
    --pb-color-success-subtle: #e5f5eb;
    --pb-color-focus-ring: #2f54d6;
    --pb-color-backdrop: rgb(15 18 24 / 0.5);

    --pb-radius-small: 4px;
    --pb-radius: 8px;
    --pb-radius-large: 12px;
    --pb-radius-pill: 999px;

    --pb-space-1: 0.25rem;
    --pb-space-2: 0.5rem;
    --pb-space-3: 0.75rem;
    --pb-space-4: 1rem;
    --pb-space-5: 1.5rem;
    --pb-space-6: 2rem;

    --pb-font-family:
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
    --pb-font-family-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --pb-font-size-small: 0.8125rem;
    --pb-font-size: 0.9375rem;
    --pb-font-size-large: 1.125rem;
    --pb-font-size-heading: 1.375rem;
    --pb-font-weight-strong: 600;
    --pb-line-height: 1.45;

    --pb-shadow: 0 1px 2px rgb(15 18 24 / 0.08), 0 4px 12px rgb(15 18 24 / 0.08);
    --pb-shadow-raised: 0 8px 28px rgb(15 18 24 / 0.18);
    --pb-z-index-popover: 1000;
    --pb-transition-duration: 150ms;
    --pb-target-size: 2rem;

    color-scheme: light;
    font-family: var(--pb-font-family);
    font-size: var(--pb-font-size);
    line-height: var(--pb-line-height);
    color: var(--pb-color-text);
  }

  :host([theme='dark']) {
    ${darkValues}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkValues}
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --pb-transition-duration: 0ms;
    }
  }

  /* Windows high contrast: let the system colours through and keep focus visible. */
  @media (forced-colors: active) {
    :host {
      --pb-color-focus-ring: Highlight;
      --pb-color-accent: ButtonText;
      --pb-color-accent-contrast: ButtonFace;
      --pb-color-border: CanvasText;
      --pb-color-border-subtle: CanvasText;
      --pb-shadow: none;
      --pb-shadow-raised: none;
    }
  }
`;
