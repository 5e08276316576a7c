// Plugboard's message catalog: every string a person sees, in each shipped locale.
import { en } from './en.js';
import { loadCatalogs } from './load.js';
import { resolveLocaleChain } from './locales.js';
import { translatorFor, type Translator } from './translator.js';
import type { Messages } from './types.js';

export { en } from './en.js';
export { loadMessages } from './load.js';
export { resolveLocaleChain, supportedLocales, type SupportedLocale } from './locales.js';
export { createTranslatorSync, type Translator } from './translator.js';
export type {
  Message,
  MessageKey,
  MessageParams,
  Messages,
  PluralCategory,
  PluralMessage,
} from './types.js';

/**
 * A translator for `locale`, loading its catalog on demand. Host overrides win in any locale;
 * missing keys fall back along the chain (pt-BR → pt → en). Resolves even when a catalog
 * fails to load, in English.
 */
export async function createTranslator(
  locale: string,
  overrides: Partial<Messages> = {},
): Promise<Translator> {
  const catalogs = await loadCatalogs(locale);
  // When the locale's own catalog failed to load, the text (and its formatting) is English.
  const fellBack = catalogs[0] === en && resolveLocaleChain(locale)[0] !== 'en';
  return translatorFor(fellBack ? 'en' : locale, [overrides, ...catalogs]);
}
