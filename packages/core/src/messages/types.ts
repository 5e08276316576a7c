import type { en } from './en.js';

export type PluralCategory = Intl.LDMLPluralRule;

/** A message with one form per plural category of its locale (`other` is always required). */
export type PluralMessage = { other: string } & Partial<
  Record<Exclude<PluralCategory, 'other'>, string>
>;

export type Message = string | PluralMessage;

export type MessageKey = keyof typeof en;

/** A whole catalog: every key of `en`, plural where `en` is plural. */
export type Messages = {
  [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage;
};

export type MessageParams = Readonly<Record<string, string | number>>;
