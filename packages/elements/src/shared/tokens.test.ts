import { expect, fixture, html } from '@open-wc/testing';
import '../define/app-picker.js';
import type { AppPicker } from '../app-picker/app-picker.js';
import { namedApps } from '../test-support/apps.js';

// Hosts theme with the public `--pb-*` tokens set anywhere above the elements; a default declared
// on an element's own :host must never hide them.
describe('design tokens', () => {
  const inputBorder = (picker: AppPicker) =>
    getComputedStyle(picker.shadowRoot!.querySelector('[part~="input"]')!).borderTopColor;

  it('reach the element from an ancestor of the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><app-picker .apps=${namedApps()} .recent=${[]}></app-picker></div>`,
    );
    const picker = wrapper.querySelector('app-picker')!;
    await picker.updateComplete;
    const defaultBorder = inputBorder(picker);
    wrapper.style.setProperty('--pb-color-border', 'rgb(1, 2, 3)');
    expect(inputBorder(picker)).to.equal('rgb(1, 2, 3)');
    wrapper.style.removeProperty('--pb-color-border');
    expect(inputBorder(picker)).to.equal(defaultBorder);
  });

  it('keep their defaults in the dark theme unless the page sets them', async () => {
    const picker = await fixture<AppPicker>(
      html`<app-picker theme="dark" .apps=${namedApps()} .recent=${[]}></app-picker>`,
    );
    expect(inputBorder(picker)).to.equal('rgb(123, 131, 145)');
  });
});
