// The widget's locales, for the server only: the Worker picks one from the shopper's browser language
// and sends its strings with the widget config, so no bundle carries more than English.
import { chatStrings, launcherStrings } from './en';
import type { LocaleCode } from './codes';
import type { Locale } from './types';
import { de } from './de';
import { fr } from './fr';
import { es } from './es';
import { pt } from './pt';
import { nl } from './nl';
import { it } from './it';
import { ja } from './ja';
import { ar } from './ar';

export const LOCALES: Record<LocaleCode, Locale> = {
  en: { strings: { ...launcherStrings, ...chatStrings }, phrases: {} },
  de,
  fr,
  es,
  pt,
  nl,
  it,
  ja,
  ar,
};
