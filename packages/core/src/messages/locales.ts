// Which catalog serves a locale, and in which direction its text runs.

export const supportedLocales = ['en', 'es', 'pt-BR', 'ar'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/** Tags served by a catalog of another name: Brazilian Portuguese is the Portuguese we ship. */
const CATALOG_ALIASES: Readonly<Record<string, SupportedLocale>> = { pt: 'pt-BR' };

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ckb', 'dv', 'yi', 'ug']);

/** The well-formed form of a BCP 47 tag ("PT-br" → "pt-BR"), or undefined. */
function canonicalLocale(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/** The catalog that serves a tag of a locale chain. */
export function catalogFor(tag: string): SupportedLocale | undefined {
  if (tag in CATALOG_ALIASES) return CATALOG_ALIASES[tag];
  return supportedLocales.find((supported) => supported === tag);
}

/**
 * The tags to look a message up in, most specific first, always ending in English:
 * 'pt-BR' → ['pt-BR', 'pt', 'en'], 'es-MX' → ['es', 'en'], unknown → ['en'].
 */
export function resolveLocaleChain(locale: string): string[] {
  const chain: string[] = [];
  const subtags = canonicalLocale(locale)?.split('-') ?? [];
  for (let length = subtags.length; length > 0; length--) {
    const tag = subtags.slice(0, length).join('-');
    if (catalogFor(tag) && !chain.includes(tag)) chain.push(tag);
  }
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** The locale the text will be in: the request when we ship its language, else English. */
export function displayLocale(locale: string): string {
  const canonical = canonicalLocale(locale);
  if (!canonical) return 'en';
  const served = resolveLocaleChain(canonical)[0]!;
  return served.split('-')[0] === canonical.split('-')[0] ? canonical : 'en';
}

export function textDirection(locale: string): 'ltr' | 'rtl' {
  const language = (canonicalLocale(locale) ?? 'en').split('-')[0]!;
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
