// What a locale provides: every UI string and the agent phrases it translates.
import type { Strings } from './en';
import type { PhraseTable } from './phrases';

export interface Locale {
  strings: Strings;
  phrases: PhraseTable;
}
