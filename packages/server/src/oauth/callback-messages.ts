// The OAuth callback page speaks with the widgets' own message catalog (@plugboard/core/messages),
// in the language the popup's browser asks for. Flow errors stored for the API stay in English.
import type { OAuthFlowErrorCode } from '@plugboard/contract';
import {
  createTranslator,
  createTranslatorSync,
  en,
  type Translator,
} from '@plugboard/core/messages';

/** The first language of an Accept-Language header (`pt-BR,pt;q=0.9` → `pt-BR`), else English. */
function preferredLocale(acceptLanguage: string | undefined): string {
  return acceptLanguage?.split(',')[0]?.split(';')[0]?.trim() || 'en';
}

export function callbackTranslator(acceptLanguage: string | undefined): Promise<Translator> {
  return createTranslator(preferredLocale(acceptLanguage));
}

export const englishTranslator: Translator = createTranslatorSync('en', en);

export function flowErrorText(t: Translator, code: OAuthFlowErrorCode, appName: string): string {
  return t.t(`callback.flowError.${code}`, { app: appName });
}
