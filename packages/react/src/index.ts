// @plugboard/react: React components for the Plugboard elements, with typed `on…` event props.
// Importing this module registers the elements in the browser (not during server-side rendering).
import './register.js';

export * from './generated/components.js';
export { configure } from '@plugboard/core';
export type * from '@plugboard/elements';
