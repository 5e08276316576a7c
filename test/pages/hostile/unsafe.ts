// The control for hostile-input.spec.ts: a card that does what the elements must never do. It
// renders server strings with innerHTML, turns a URL into a link unchecked, puts one in a style,
// and lets a long word stretch its box. The spec's checks must report every one of these.
import { hostilePayloads } from '@plugboard/mocks';

const pick = (needle: string) => hostilePayloads.find((payload) => payload.includes(needle))!;

class UnsafeCard extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<section class="card">
      <h2>${pick('onerror=alert("pb-xss-2")')}</h2>
      <p>${pick('<iframe srcdoc')}</p>
      <a href="${pick('JaVaScRiPt:')}">Help</a>
      <span style="background-image: url(${pick('http://evil.example/tracker.png')})">logo</span>
      <p class="long">${'A'.repeat(10_000)}</p>
    </section>`;
  }
}

customElements.define('unsafe-card', UnsafeCard);
