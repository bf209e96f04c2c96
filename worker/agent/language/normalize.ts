// Shopper text to comparable words: lower case, NFKC, accents folded ("envío" → "envio", "größe" →
// "grosse"), apostrophes dropped ("don't" → "dont"). Used identically for the store's content and the
// shopper's message, so both sides of every comparison went through the same steps.
import { words } from '../text';

/** One word without diacritics; ß → ss, æ → ae, œ → oe, ø → o. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o');
}

/** The text's words, folded, with chat elongation undone ("heyyy" → "hey", "pleaseee" → "please"). */
export function foldedWords(text: string): string[] {
  return words(text)
    .map((w) => fold(w).replace(/(\p{L})\1{2,}/gu, '$1'))
    .filter((w) => w.length > 0);
}
