// A translator over a list of catalogs: host overrides first, then the locale chain, then English.
import { enBase } from './en-base.js';
import { fillPlaceholders, pickForm } from './format.js';
import { displayLocale, textDirection } from './locales.js';
import { formatRelativeTime } from './relative-time.js';
import type { Message, MessageKey, MessageParams, Messages } from './types.js';

export interface Translator {
  /** The locale of the text (the request when we ship its language, else 'en'): use for `lang`. */
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  t(key: MessageKey, params?: MessageParams): string;
  /** "5 minutes ago", "yesterday". */
  relativeTime(date: Date | string, now?: Date): string;
  number(n: number): string;
  /** "Slack, Gmail and Notion". */
  list(items: string[]): string;
}

type Catalog = Partial<Record<MessageKey, Message>>;

/** English fills every gap: the text of a page's first view, and the parts added since. */
const english: Catalog[] = [enBase];

/**
 * Adds English text to the fallback of every translator, made before or after. The main bundle
 * holds only the first view's (enBase); the connect dialog and the picker add theirs (enFlow),
 * which comes with their chunk.
 */
export function addEnglishText(part: Catalog): void {
  if (!english.includes(part)) english.push(part);
}

/** Builds a translator; `catalogs` are searched in order for each key. */
export function translatorFor(locale: string, catalogs: readonly Catalog[]): Translator {
  const resolved = displayLocale(locale);
  // Intl objects are made on first use: constructing them is not free and most go unused.
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  let relative: Intl.RelativeTimeFormat | undefined;
  let lists: Intl.ListFormat | undefined;
  const numberFormat = () => (numbers ??= new Intl.NumberFormat(resolved));
  const pluralRules = () => (plurals ??= new Intl.PluralRules(resolved));

  function lookup(key: MessageKey): Message | undefined {
    for (const catalog of catalogs) {
      const message = catalog[key];
      if (message !== undefined) return message;
    }
    for (const part of english) {
      const message = part[key];
      if (message !== undefined) return message;
    }
    return undefined;
  }

  return {
    locale: resolved,
    dir: textDirection(resolved),
    t(key, params) {
      const message = lookup(key);
      if (message === undefined) return key;
      return fillPlaceholders(pickForm(message, pluralRules, params), numberFormat, params);
    },
    relativeTime(date, now = new Date()) {
      relative ??= new Intl.RelativeTimeFormat(resolved, { numeric: 'auto' });
      return formatRelativeTime(relative, date, now);
    },
    number: (n) => numberFormat().format(n),
    list(items) {
      lists ??= new Intl.ListFormat(resolved, { type: 'conjunction' });
      return lists.format(items);
    },
  };
}

/** A translator for a catalog already loaded (English fills any gap); overrides win. */
export function createTranslatorSync(
  locale: string,
  messages: Partial<Messages>,
  overrides: Partial<Messages> = {},
): Translator {
  return translatorFor(locale, [overrides, messages]);
}
