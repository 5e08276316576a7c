// Registers <app-picker>. Import for the side effect: `import '@plugboard/elements/define/app-picker'`.
import { AppPicker } from '../app-picker/app-picker.js';
import { defineElement } from '../shared/define.js';

defineElement('app-picker', AppPicker);

declare global {
  interface HTMLElementTagNameMap {
    'app-picker': AppPicker;
  }
}
