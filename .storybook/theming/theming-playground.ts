// <pb-theming-playground>: a live <connection-status> and <app-picker> on static data, with an
// input per `--pb-*` token that sets it on the samples through `style.setProperty` (CSSOM, so a
// strict CSP allows it), and a light/dark switch.
import { css, html, LitElement } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AppSummary, Connection } from '@plugboard/contract';
import { demoApps } from '@plugboard/mocks';
import { readDesignTokens, type DesignToken } from './design-tokens.js';
import { docsStyles } from './docs-styles.js';

type Theme = 'light' | 'dark';

const SAMPLE_APPS: AppSummary[] = demoApps.slice(0, 6);
const SAMPLE_APP: AppSummary = SAMPLE_APPS[0]!;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A connection in error, so the danger colours and the details popover are on show too. */
const SAMPLE_CONNECTION: Connection = {
  id: 'con_theming01',
  app: SAMPLE_APP.key,
  label: 'jane@acme.example',
  method: 'api_key',
  status: 'error',
  credentialHint: '••••-123',
  grantedScopes: [],
  missingScopes: [],
  lastTestedAt: minutesAgo(3),
  lastError: { code: 'credentials_rejected', message: 'The API key was revoked.' },
  setup: null,
  createdAt: minutesAgo(60 * 24),
  updatedAt: minutesAgo(3),
};

const isHexColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

export class ThemingPlayground extends LitElement {
  static override styles = [
    docsStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(16rem, 1fr) minmax(20rem, 1.4fr);
        gap: 1.5rem;
        align-items: start;
      }
      .controls {
        max-block-size: 40rem;
        overflow: auto;
        border: 1px solid #d9dce1;
        border-radius: 8px;
        padding: 0.75rem;
      }
      .control {
        display: grid;
        grid-template-columns: 1fr 9rem;
        gap: 0.5rem;
        align-items: center;
        padding-block: 0.2rem;
      }
      .control input[type='text'] {
        font:
          12px ui-monospace,
          Menlo,
          monospace;
        min-inline-size: 0;
      }
      .stage {
        display: grid;
        gap: 1rem;
        padding: 1rem;
        border-radius: 8px;
        background: #f4f5f7;
      }
      .stage[data-theme='dark'] {
        background: #0b0c0f;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 0.75rem;
        display: flex;
        gap: 1rem;
      }
    `,
  ];

  private readonly tokens: DesignToken[] = readDesignTokens();
  private theme: Theme = 'light';
  private readonly overrides = new Map<string, string>();

  override render() {
    return html`<div class="layout">
      <div class="controls">
        <fieldset>
          <legend>Theme</legend>
          ${(['light', 'dark'] as const).map(
            (theme) =>
              html`<label
                ><input
                  type="radio"
                  name="theme"
                  .checked=${this.theme === theme}
                  @change=${() => this.setTheme(theme)}
                />
                ${theme}</label
              >`,
          )}
          <button type="button" @click=${this.reset}>Reset tokens</button>
        </fieldset>
        ${this.tokens.map((token) => this.control(token))}
      </div>
      <div class="stage" data-theme=${this.theme}>
        <connection-status
          theme=${this.theme}
          .connection=${SAMPLE_CONNECTION}
          .app=${SAMPLE_APP}
        ></connection-status>
        <app-picker theme=${this.theme} .apps=${SAMPLE_APPS}></app-picker>
      </div>
    </div>`;
  }

  private control(token: DesignToken) {
    const value = this.currentValue(token);
    const id = `token${token.name}`;
    const onInput = (event: Event) =>
      this.setToken(token.name, (event.target as HTMLInputElement).value);
    return html`<div class="control">
      <label for=${id}><code>${token.name}</code></label>
      <input
        id=${id}
        type=${isHexColour(value) ? 'color' : 'text'}
        .value=${live(value)}
        @input=${onInput}
      />
    </div>`;
  }

  /** The override, else the current theme's own value. */
  private currentValue(token: DesignToken): string {
    return (
      this.overrides.get(token.name) ??
      (this.theme === 'dark' ? token.dark : undefined) ??
      token.light
    );
  }

  private get samples(): HTMLElement[] {
    return Array.from(
      this.renderRoot.querySelectorAll<HTMLElement>('connection-status, app-picker'),
    );
  }

  private setTheme(theme: Theme): void {
    this.theme = theme;
    this.requestUpdate();
  }

  private setToken(name: string, value: string): void {
    this.overrides.set(name, value);
    // On the element itself: its shadow `:host` rule declares every token, so an ancestor's value
    // would be shadowed, while the host's own style wins over `:host`.
    for (const sample of this.samples) sample.style.setProperty(name, value);
  }

  private readonly reset = (): void => {
    for (const name of this.overrides.keys())
      for (const sample of this.samples) sample.style.removeProperty(name);
    this.overrides.clear();
    this.requestUpdate();
  };
}
