import { expect } from '@open-wc/testing';
import { defineElement } from './define.js';

function uniqueTag(): string {
  return `pb-define-test-${Math.random().toString(36).slice(2)}`;
}

describe('defineElement', () => {
  let warnings: unknown[][];
  let originalWarn: typeof console.warn;

  beforeEach(() => {
    warnings = [];
    originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
  });

  afterEach(() => {
    console.warn = originalWarn;
  });

  it('registers a tag once and ignores the same class again', () => {
    const tag = uniqueTag();
    class Element1 extends HTMLElement {}
    defineElement(tag, Element1);
    defineElement(tag, Element1);
    expect(customElements.get(tag)).to.equal(Element1);
    expect(warnings).to.have.length(0);
  });

  it('keeps the first class and warns, naming the tag, when another class claims it', () => {
    const tag = uniqueTag();
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement(tag, First);
    expect(() => defineElement(tag, Second)).not.to.throw();
    expect(customElements.get(tag)).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain(`<${tag}>`);
  });
});
