// Catalogs are separate chunks, fetched only when a locale needs them. The English of a page's
// first view (enBase) is in the main bundle and is every translator's last fallback.
import { catalogFor, resolveLocaleChain, type SupportedLocale } from './locales.js';
import { translatorFor, type Translator } from './translator.js';
import type { Messages } from './types.js';

const loaders: Record<SupportedLocale, () => Promise<Messages>> = {
  en: () => import('./en.js').then((module) => module.en),
  es: () => import('./es.js').then((module) => module.es),
  'pt-BR': () => import('./pt-BR.js').then((module) => module.ptBR),
  ar: () => import('./ar.js').then((module) => module.ar),
};

const loading = new Map<SupportedLocale, Promise<Messages>>();

function loadCatalog(catalog: SupportedLocale): Promise<Messages> {
  let promise = loading.get(catalog);
  if (!promise) {
    promise = loaders[catalog]();
    loading.set(catalog, promise);
    // A failed chunk (offline) may load on a later try.
    promise.catch(() => loading.delete(catalog));
  }
  return promise;
}

/**
 * The catalogs of a locale chain, most specific first. A catalog that fails to load is left
 * out, so the text falls back to English instead of failing. Whole English is loaded only where
 * it is the text served: behind another language the fallback is enough, and a Spanish page
 * skips its chunk.
 */
async function loadCatalogs(locale: string): Promise<Messages[]> {
  const chain = [...new Set(resolveLocaleChain(locale).map((tag) => catalogFor(tag)!))];
  const wanted = chain.filter((catalog, index) => catalog !== 'en' || index === 0);
  const settled = await Promise.allSettled(wanted.map(loadCatalog));
  return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** The catalog a locale is served with ('es-MX' → Spanish, 'fr' → English), for preloading. */
export async function loadMessages(locale: string): Promise<Messages> {
  return (await loadCatalogs(locale))[0] ?? loadCatalog('en');
}

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
  const fellBack = catalogs.length === 0 && resolveLocaleChain(locale)[0] !== 'en';
  return translatorFor(fellBack ? 'en' : locale, [overrides, ...catalogs]);
}
