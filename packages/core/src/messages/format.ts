// Turning a catalog entry into text: plural form, then placeholders. The Intl objects come from
// getters, called only when a message needs them: building the first one costs milliseconds.
import type { Message, MessageParams } from './types.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** The form for `params.count` by the locale's plural rules; `other` when there is no count. */
export function pickForm(
  message: Message,
  rules: () => Intl.PluralRules,
  params?: MessageParams,
): string {
  if (typeof message === 'string') return message;
  const count = Number(params?.count);
  if (params?.count === undefined || Number.isNaN(count)) return message.other;
  return message[rules().select(count)] ?? message.other;
}

/**
 * Puts params in as plain text (no markup, no `$&` patterns); numbers are formatted for the
 * locale. A missing param leaves its placeholder, so a wrong call shows but never throws.
 */
export function fillPlaceholders(
  text: string,
  numbers: () => Intl.NumberFormat,
  params?: MessageParams,
): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (placeholder, name: string) => {
    if (!Object.hasOwn(params, name)) return placeholder;
    const value = params[name];
    return typeof value === 'number' ? numbers().format(value) : String(value);
  });
}
