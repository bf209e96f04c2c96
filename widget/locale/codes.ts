// The locales the widget speaks, as codes only (no strings), so settings validation and the
// browser-language choice need none of the translations. The strings are in ./index.ts.

export const LOCALE_CODES = ['en', 'de', 'fr', 'es', 'pt', 'nl', 'it', 'ja', 'ar'] as const;
export type LocaleCode = (typeof LOCALE_CODES)[number];

/** Locales written right to left. */
export const RTL: ReadonlySet<LocaleCode> = new Set<LocaleCode>(['ar']);

/** The supported locale for a BCP 47 tag ("de-AT" → "de"); English for anything else. */
export function pickLocale(tag: string | null | undefined): LocaleCode {
  const primary = tag?.split('-')[0]?.toLowerCase() ?? '';
  return (LOCALE_CODES as readonly string[]).includes(primary) ? (primary as LocaleCode) : 'en';
}
