import { css, html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { safeUrl } from './safe-url.js';

/** Enough colours to tell neighbouring monograms apart; each passes AA with white text. */
const MONOGRAM_COLOURS = 6;

/**
 * An app's logo: a lazily loaded `<img>` when the server gave a safe URL, over a monogram (the
 * name's first letter on a colour picked from the name) that shows when there is no logo or the
 * image fails to load. Decorative (`alt=""`): the app's name is always next to it as text.
 */
export function appLogo(
  app: { name: string; logoUrl?: string | null | undefined },
  size = 32,
): TemplateResult {
  const src = safeUrl(app.logoUrl);
  const letter = monogramLetter(app.name);
  // keyed: a recycled row showing another app gets a fresh <img>, not one hidden by an old error.
  return html`<span class="logo" part="logo">
    <svg
      class="logo__monogram logo__monogram--${colourIndex(app.name)}"
      aria-hidden="true"
      width=${size}
      height=${size}
      viewBox="0 0 32 32"
    >
      <rect width="32" height="32" rx="6"></rect>
      <text x="16" y="16" dy="0.35em" text-anchor="middle">${letter}</text>
    </svg>
    ${
      src
        ? keyed(
            src,
            html`<img
              class="logo__image"
              src=${src}
              alt=""
              width=${size}
              height=${size}
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
              @error=${hideBrokenImage}
            />`,
          )
        : nothing
    }
  </span>`;
}

function hideBrokenImage(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}

function monogramLetter(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? first.toLocaleUpperCase() : '?';
}

function colourIndex(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return hash % MONOGRAM_COLOURS;
}

export const appLogoStyles = css`
  .logo {
    position: relative;
    display: inline-grid;
    flex: none;
    border-radius: var(--_pb-radius-small);
    overflow: hidden;
    line-height: 0;
  }

  .logo > * {
    grid-area: 1 / 1;
  }

  .logo__image {
    object-fit: contain;
    background: var(--_pb-color-surface);
  }

  .logo__image[hidden] {
    display: none;
  }

  .logo__monogram text {
    fill: #ffffff;
    font-family: var(--_pb-font-family);
    font-size: 16px;
    font-weight: 700;
  }

  .logo__monogram--0 rect {
    fill: #3b5bdb;
  }
  .logo__monogram--1 rect {
    fill: #0b7285;
  }
  .logo__monogram--2 rect {
    fill: #862e9c;
  }
  .logo__monogram--3 rect {
    fill: #c2255c;
  }
  .logo__monogram--4 rect {
    fill: #2b8a3e;
  }
  .logo__monogram--5 rect {
    fill: #a6461f;
  }

  @media (forced-colors: active) {
    .logo__monogram rect {
      fill: Canvas;
      stroke: CanvasText;
    }
    .logo__monogram text {
      fill: CanvasText;
    }
  }
`;
