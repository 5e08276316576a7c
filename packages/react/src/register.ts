// Registers the custom elements in browsers only: during server-side rendering there is no
// `customElements`, and React renders the tags as plain HTML until the client takes over.
import { defineAllElements } from '@plugboard/elements';

if (typeof customElements !== 'undefined') defineAllElements();
