// Plugboard's message catalog: every string a person sees, in each shipped locale.
// The package's root (`@plugboard/core`) exports all but the whole English catalogs, so a page's
// first view does not download the dialog's and the picker's text.
export { en } from './en.js';
export { createTranslator, loadMessages } from './load.js';
export { resolveLocaleChain, supportedLocales, type SupportedLocale } from './locales.js';
export { addEnglishText, createTranslatorSync, type Translator } from './translator.js';
export { enBase } from './en-base.js';
export { enFlow } from './en-flow.js';
export type {
  Message,
  MessageKey,
  MessageParams,
  Messages,
  PluralCategory,
  PluralMessage,
} from './types.js';
