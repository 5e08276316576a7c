// <pb-styling-hooks>: per element, the `::part` names and its own custom properties.
import { html, LitElement } from 'lit';
import { docsStyles } from './docs-styles.js';
import { readStylingHooks, type StylingHook } from './styling-hooks.js';

export class StylingHooksList extends LitElement {
  static override styles = docsStyles;

  private readonly elements = readStylingHooks();

  override render() {
    return this.elements.map(
      (element) =>
        html`<section aria-labelledby="hooks-${element.tagName}">
          <h3 id="hooks-${element.tagName}"><code>&lt;${element.tagName}&gt;</code></h3>
          ${this.table('Part', element.parts, (name) => `${element.tagName}::part(${name})`)}
          ${this.table('Custom property', element.customProperties, (name) => name)}
        </section>`,
    );
  }

  private table(kind: string, hooks: StylingHook[], usage: (name: string) => string) {
    if (hooks.length === 0) return html`<p>No ${kind.toLowerCase()}s.</p>`;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${kind}</th>
          <th scope="col">What it is</th>
        </tr>
      </thead>
      <tbody>
        ${hooks.map(
          (hook) =>
            html`<tr>
              <th scope="row"><code>${usage(hook.name)}</code></th>
              <td>${hook.description}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
