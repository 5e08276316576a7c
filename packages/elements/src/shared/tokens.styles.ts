import { css } from 'lit';

/** Dark values, shared by `theme="dark"` and `theme="auto"` under a dark system preference. */
const darkValues = css`
  --_pb-color-surface: var(--pb-color-surface, #16181d);
  --_pb-color-surface-raised: var(--pb-color-surface-raised, #1f2229);
  --_pb-color-surface-sunken: var(--pb-color-surface-sunken, #101216);
  --_pb-color-text: var(--pb-color-text, #eceef2);
  --_pb-color-text-muted: var(--pb-color-text-muted, #a8afbc);
  --_pb-color-border: var(--pb-color-border, #7b8391);
  --_pb-color-border-subtle: var(--pb-color-border-subtle, #343843);
  --_pb-color-accent: var(--pb-color-accent, #8aa4ff);
  --_pb-color-accent-hover: var(--pb-color-accent-hover, #a8bcff);
  --_pb-color-accent-contrast: var(--pb-color-accent-contrast, #0d1120);
  --_pb-color-accent-subtle: var(--pb-color-accent-subtle, #232b45);
  --_pb-color-danger: var(--pb-color-danger, #ff8f85);
  --_pb-color-danger-contrast: var(--pb-color-danger-contrast, #1e0705);
  --_pb-color-danger-subtle: var(--pb-color-danger-subtle, #3a1a18);
  --_pb-color-warning: var(--pb-color-warning, #f5c061);
  --_pb-color-warning-subtle: var(--pb-color-warning-subtle, #3a2c10);
  --_pb-color-success: var(--pb-color-success, #6fd49a);
  --_pb-color-success-subtle: var(--pb-color-success-subtle, #14301f);
  --_pb-color-focus-ring: var(--pb-color-focus-ring, #8aa4ff);
  --_pb-color-backdrop: var(--pb-color-backdrop, rgb(0 0 0 / 0.6));
  --_pb-shadow: var(--pb-shadow, 0 1px 2px rgb(0 0 0 / 0.4), 0 4px 12px rgb(0 0 0 / 0.3));
  --_pb-shadow-raised: var(--pb-shadow-raised, 0 8px 28px rgb(0 0 0 / 0.5));
  color-scheme: dark;
`;

/**
 * Global design tokens. Hosts theme the widgets by setting the public `--pb-*` properties anywhere
 * above the elements (`:root`, a wrapper, or the element itself); they inherit through every
 * shadow root, nested elements included. Each element reads them through a private `--_pb-*`
 * twin whose fallback is the default below, so a default declared on one element's `:host` never
 * hides a value the page set further up. The `theme` attribute picks light (default), dark or
 * auto; a value the host sets applies in both themes. Text/background pairs meet WCAG AA contrast
 * (4.5:1 for text) in both themes.
 */
export const tokens = css`
  :host {
    --_pb-color-surface: var(--pb-color-surface, #ffffff);
    --_pb-color-surface-raised: var(--pb-color-surface-raised, #ffffff);
    --_pb-color-surface-sunken: var(--pb-color-surface-sunken, #f4f5f7);
    --_pb-color-text: var(--pb-color-text, #1b1e24);
    --_pb-color-text-muted: var(--pb-color-text-muted, #555d6b);
    --_pb-color-border: var(--pb-color-border, #8a919e);
    --_pb-color-border-subtle: var(--pb-color-border-subtle, #d9dce1);
    --_pb-color-accent: var(--pb-color-accent, #2f54d6);
    --_pb-color-accent-hover: var(--pb-color-accent-hover, #2445b8);
    --_pb-color-accent-contrast: var(--pb-color-accent-contrast, #ffffff);
    --_pb-color-accent-subtle: var(--pb-color-accent-subtle, #e8edfc);
    --_pb-color-danger: var(--pb-color-danger, #b42318);
    --_pb-color-danger-contrast: var(--pb-color-danger-contrast, #ffffff);
    --_pb-color-danger-subtle: var(--pb-color-danger-subtle, #fdecea);
    --_pb-color-warning: var(--pb-color-warning, #8a5300);
    --_pb-color-warning-subtle: var(--pb-color-warning-subtle, #fff4de);
    --_pb-color-success: var(--pb-color-success, #17723a);
    --_pb-color-success-subtle: var(--pb-color-success-subtle, #e5f5eb);
    --_pb-color-focus-ring: var(--pb-color-focus-ring, #2f54d6);
    --_pb-color-backdrop: var(--pb-color-backdrop, rgb(15 18 24 / 0.5));

    --_pb-radius-small: var(--pb-radius-small, 4px);
    --_pb-radius: var(--pb-radius, 8px);
    --_pb-radius-large: var(--pb-radius-large, 12px);
    --_pb-radius-pill: var(--pb-radius-pill, 999px);

    --_pb-space-1: var(--pb-space-1, 0.25rem);
    --_pb-space-2: var(--pb-space-2, 0.5rem);
    --_pb-space-3: var(--pb-space-3, 0.75rem);
    --_pb-space-4: var(--pb-space-4, 1rem);
    --_pb-space-5: var(--pb-space-5, 1.5rem);
    --_pb-space-6: var(--pb-space-6, 2rem);

    --_pb-font-family: var(
      --pb-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      'Noto Sans Arabic',
      sans-serif
    );
    --_pb-font-family-mono: var(
      --pb-font-family-mono,
      ui-monospace,
      'SFMono-Regular',
      Menlo,
      Consolas,
      monospace
    );
    --_pb-font-size-small: var(--pb-font-size-small, 0.8125rem);
    --_pb-font-size: var(--pb-font-size, 0.9375rem);
    --_pb-font-size-large: var(--pb-font-size-large, 1.125rem);
    --_pb-font-size-heading: var(--pb-font-size-heading, 1.375rem);
    --_pb-font-weight-strong: var(--pb-font-weight-strong, 600);
    --_pb-line-height: var(--pb-line-height, 1.45);

    --_pb-shadow: var(--pb-shadow, 0 1px 2px rgb(15 18 24 / 0.08), 0 4px 12px rgb(15 18 24 / 0.08));
    --_pb-shadow-raised: var(--pb-shadow-raised, 0 8px 28px rgb(15 18 24 / 0.18));
    --_pb-z-index-popover: var(--pb-z-index-popover, 1000);
    --_pb-transition-duration: var(--pb-transition-duration, 150ms);
    --_pb-target-size: var(--pb-target-size, 2rem);

    color-scheme: light;
    font-family: var(--_pb-font-family);
    font-size: var(--_pb-font-size);
    line-height: var(--_pb-line-height);
    color: var(--_pb-color-text);
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
      --_pb-transition-duration: 0ms;
    }
  }

  /* Windows high contrast: let the system colours through and keep focus visible. */
  @media (forced-colors: active) {
    :host {
      --_pb-color-focus-ring: Highlight;
      --_pb-color-accent: ButtonText;
      --_pb-color-accent-contrast: ButtonFace;
      --_pb-color-border: CanvasText;
      --_pb-color-border-subtle: CanvasText;
      --_pb-shadow: none;
      --_pb-shadow-raised: none;
    }
  }
`;
