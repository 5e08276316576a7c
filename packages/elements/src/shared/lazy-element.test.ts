import { expect } from '@open-wc/testing';
import { PlugboardError } from '@plugboard/core';
import { lazyElement } from './lazy-element.js';

let tags = 0;
/** A tag no other test defines, and an "import" that registers it (or fails) when called. */
function fakeChunk(fails: () => boolean) {
  const tag = `lazy-fake-${++tags}`;
  let imports = 0;
  const importDefinition = async () => {
    imports++;
    if (fails()) throw new TypeError('Failed to fetch dynamically imported module');
    if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  };
  return { tag, imports: () => imports, element: lazyElement(tag, importDefinition) };
}

describe('lazyElement', () => {
  it('imports its chunk once however often it is asked, and resolves once the tag is defined', async () => {
    const { tag, imports, element } = fakeChunk(() => false);
    const early = document.createElement(tag);
    document.body.append(early);
    expect(element.defined).to.equal(false);
    element.preload();
    await Promise.all([element.load(), element.load()]);
    expect(imports()).to.equal(1);
    expect(element.defined).to.equal(true);
    // The tag in the page before its code arrived upgraded.
    expect(early).to.be.instanceOf(customElements.get(tag)!);
    await element.load();
    expect(imports()).to.equal(1);
    early.remove();
  });

  it('rejects with a network error when the chunk cannot load, and tries again next time', async () => {
    let offline = true;
    const { imports, element } = fakeChunk(() => offline);
    element.preload(); // intent: the failure is left for the click to report
    let failure: unknown;
    await element.load().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(PlugboardError);
    expect((failure as PlugboardError).code).to.equal('network');
    offline = false;
    await element.load();
    expect(element.defined).to.equal(true);
    expect(imports()).to.equal(2);
  });

  it('does not load what another registration already defined', async () => {
    const { tag, imports, element } = fakeChunk(() => false);
    customElements.define(tag, class extends HTMLElement {});
    await element.load();
    expect(imports()).to.equal(0);
  });
});
