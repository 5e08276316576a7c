// The floor any Lit + Floating UI component library pays: Lit (with the decorators the elements
// use) and Floating UI's positioning, kept alive by one trivial element that uses them all.
import { computePosition, flip, shift, offset, autoUpdate } from '@floating-ui/dom';
import { css, html, LitElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';

export class FloorElement extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
    }
  `;

  @property() label = '';
  @state() private open = false;
  @query('#anchor') private anchor!: HTMLElement;
  @query('#popup') private popup!: HTMLElement;
  private stopAutoUpdate: (() => void) | undefined;

  override render() {
    return html`<button id="anchor" @click=${() => (this.open = !this.open)}>${this.label}</button>
      <div id="popup" ?hidden=${!this.open}>${this.label}</div>`;
  }

  protected override updated(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(this.anchor, this.popup, () => {
      void computePosition(this.anchor, this.popup, {
        middleware: [offset(4), flip(), shift()],
      }).then(({ x, y }) => this.popup.style.setProperty('translate', `${x}px ${y}px`));
    });
  }
}

customElements.define('floor-element', FloorElement);
