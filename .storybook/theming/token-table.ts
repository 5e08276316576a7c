// <pb-token-table>: every `--pb-*` token with its light and dark value and what it is for.
import { css, html, LitElement, nothing } from 'lit';
import { readDesignTokens, type DesignToken } from './design-tokens.js';
import { docsStyles } from './docs-styles.js';

/** Colour-like values get a swatch; lengths, fonts and numbers do not. */
const isColour = (value: string) => /^(#|rgb|hsl|oklch)/.test(value);

export class TokenTable extends LitElement {
  static override styles = [
    docsStyles,
    css`
      .swatch {
        display: inline-block;
        inline-size: 1rem;
        block-size: 1rem;
        margin-inline-end: 0.4rem;
        vertical-align: middle;
        border: 1px solid #8a919e;
        border-radius: 3px;
      }
    `,
  ];

  private readonly tokens: DesignToken[] = readDesignTokens();

  override render() {
    return html`<table>
      <caption>
        ${this.tokens.length} tokens, read from the elements' stylesheet
      </caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Light</th>
          <th scope="col">Dark</th>
          <th scope="col">What it is for</th>
        </tr>
      </thead>
      <tbody>
        ${this.tokens.map(
          (token) =>
            html`<tr>
              <th scope="row"><code>${token.name}</code></th>
              <td>${this.value(token.light)}</td>
              <td>${token.dark === undefined ? 'same' : this.value(token.dark)}</td>
              <td>${token.purpose}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private value(value: string) {
    return html`${
        isColour(value)
          ? html`<span class="swatch" data-colour=${value} aria-hidden="true"></span>`
          : nothing
      }<code>${value}</code>`;
  }

  protected override updated(): void {
    // CSSOM rather than style attributes: the page stays within a strict CSP.
    for (const swatch of this.renderRoot.querySelectorAll<HTMLElement>('.swatch'))
      swatch.style.setProperty('background', swatch.dataset['colour'] ?? '');
  }
}
