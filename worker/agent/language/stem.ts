// Light, vocabulary-aware stemming. A word is reduced to a shorter form only when that form is itself
// a word of this store's content ("shipping" → "ship", "boxes" → "box", "caring" → "care"), and a word
// the content only knows inflected is mapped onto that form ("boot" → "boots" when only "boots" occurs).
// Unlike a rule-based stemmer (Porter makes "care" and "car" both "car") it never invents a stem: the
// "e" of "caring" is restored when the content says "care", and nothing merges with a word the
// content does not use.

/** Shorter forms a word may be an inflection of, most likely first. */
function reductions(w: string): string[] {
  const out: string[] = [];
  if (w.length < 4) return out;
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const stem = w.slice(0, -suffix.length);
    out.push(`${stem}e`, stem);
    if (stem.length > 3 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1)); // shipped → ship
    if (suffix === 'ed' && stem.endsWith('i')) out.push(`${stem.slice(0, -1)}y`); // tried → try
  }
  if (w.endsWith('ly') && w.length > 5) out.push(w.slice(0, -2), `${w.slice(0, -2)}e`);
  if (/(?:able|ible)$/.test(w) && w.length > 6) out.push(w.slice(0, -4), `${w.slice(0, -4)}e`); // returnable → return
  const noun = /^(.{3,}?)(?:ations?|ions?)$/.exec(w)?.[1]; // cancellation → cancel, expiration → expire
  if (noun) out.push(noun, `${noun}e`, noun.at(-1) === noun.at(-2) ? noun.slice(0, -1) : noun);
  return out.filter((r) => r.length >= 3);
}

/** Longer forms the content may use for a word it does not contain itself. */
function inflections(w: string): string[] {
  // A short word's -ing/-ed forms are usually another word's ("car" → "caring" is "care").
  const verbal = w.length > 3 ? [`${w}ing`, `${w}ed`, `${w}d`] : [];
  return [`${w}s`, `${w}es`, ...verbal, w.endsWith('y') ? `${w.slice(0, -1)}ies` : ''].filter(Boolean);
}

/** Canonical forms against one vocabulary (the set of folded words in a store's content). */
export class Stemmer {
  private readonly cache = new Map<string, string>();

  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  /** The word's base form in this vocabulary, or the word itself when the vocabulary has none. */
  canon(word: string): string {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    let out = word;
    if (this.vocabulary.has(word)) out = this.reduce(word);
    else {
      const known = [...reductions(word), ...inflections(word)].find((c) => this.vocabulary.has(c));
      if (known) out = this.reduce(known);
    }
    if (this.cache.size < 50_000) this.cache.set(word, out);
    return out;
  }

  /** Whether the word (or an inflection of it) occurs in the vocabulary. */
  knows(word: string): boolean {
    return this.vocabulary.has(this.canon(word)) || this.vocabulary.has(word);
  }

  private reduce(word: string): string {
    return reductions(word).find((c) => this.vocabulary.has(c)) ?? word;
  }

  /**
   * Whether the word reaches the content only through another tense of it ("deliver" → the
   * "delivered" of "tracking shows delivered"): a weaker match than the word itself or its plural.
   */
  otherTense(word: string): boolean {
    const c = this.canon(word);
    return c.length > word.length && c.startsWith(word) && /^(?:e?d|ing)$/.test(c.slice(word.length));
  }
}
