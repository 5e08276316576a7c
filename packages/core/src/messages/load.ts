// Non-English catalogs are separate chunks, fetched only when a locale needs them.
import { en } from './en.js';
import { catalogFor, resolveLocaleChain, type SupportedLocale } from './locales.js';
import type { Messages } from './types.js';

const loaders: Record<SupportedLocale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
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
 * out, so the text falls back to English instead of failing.
 */
export async function loadCatalogs(locale: string): Promise<Messages[]> {
  const catalogs = new Set<SupportedLocale>();
  for (const tag of resolveLocaleChain(locale)) catalogs.add(catalogFor(tag)!);
  const settled = await Promise.allSettled([...catalogs].map(loadCatalog));
  return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** The catalog a locale is served with ('es-MX' → Spanish, 'fr' → English), for preloading. */
export async function loadMessages(locale: string): Promise<Messages> {
  return (await loadCatalogs(locale))[0] ?? en;
}
