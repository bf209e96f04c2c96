// A shopper message as the retrievers and the intent classifier read it:
//   1. folded words, with chat spelling and other languages rewritten to plain English (lexicon REWRITES);
//   2. spelling corrected against the store's vocabulary where a word is unknown;
//   3. grouped: one group per thing the shopper said (a word, or a lexicon/merchant phrase), holding its
//      canonical term plus the store words it stands for (EXPANSIONS, merchant synonyms) at lower weight.
// Coverage and confidence are computed per group, so a concept counts once however many synonyms it has.
import type { WeightedTerm } from '../retrieval/bm25';
import type { StoreIndex } from '../retrieval/snapshot';
import { isStopword } from '../text';
import { COMMON_ENGLISH, ENGLISH_WORDS } from './english-words';
import { SERVICE } from './service-words';
import {
  EXPANSIONS,
  FILLER,
  FILLER_PHRASES,
  LOOSE_WORDS,
  OFF_TOPIC,
  PLACES,
  READING_ONLY,
  REWRITES,
  SERVICE_VERBS,
} from './lexicon';
import { fold, foldedWords } from './normalize';

export type GroupKind = 'word' | 'corrected' | 'unknown' | 'filler';

export interface TermGroup {
  /** What the shopper wrote (after rewrites and correction). */
  surface: string;
  kind: GroupKind;
  /** A place or other proper name the lexicon maps to the store's words: weighs like the rarest word. */
  specific?: boolean;
  /**
   * 'service': an after-sales or policy matter (return, warranty, delivery…); 'object': a catalog
   * thing named in a message that also has a service matter ("my boots" in "can I return my boots").
   */
  role?: 'service' | 'object';
  /** The shopper's own word(s) first, then expansions. */
  terms: WeightedTerm[];
  /** A subject that is not a shop matter (lexicon OFF_TOPIC: weather, jobs, parking…). */
  offTopic?: boolean;
  /** An everyday English word (not a name, brand or the store's own coinage). */
  dictionary?: boolean;
  /** An unknown word right after a service verb ("wash my car"): the subject, never a detail. */
  serviceObject?: boolean;
  /** A lexicon phrase naming a catalog thing ("trail runners" → running shoes). */
  catalog?: boolean;
}

export interface AnalyzedQuery {
  /** The message as plain English words, corrected: what intent patterns read. */
  words: string[];
  english: string;
  groups: TermGroup[];
}

/**
 * Lexicon phrases whose own words are not what they mean: a question phrase ("how long" asks for a
 * duration, not for "long") and a negated one ("does not fit" is an exchange, not the fit guide).
 */
const QUESTION_WORD = /^(?:how|what|when|where|which|why|(?:does|do|did|will|can|has|have|is|was|were|are)\s+not)\b/;

/** A shopper's own word counts fully, unless help centres commonly use it for something else (LOOSE_WORDS). */
function ownWeight(w: string): number {
  return LOOSE_WORDS.has(w) ? EXPANSION_WEIGHT : 1;
}

/** Nouns a preceding word qualifies into a particular offer ("senior discount", "group rate"). */
const NAMED_OFFER = new Set(['discount', 'discounts', 'deal', 'deals', 'pricing', 'rate', 'rates', 'price', 'prices']);

/** Weight of a corrected word, and of words the lexicon or the merchant add for what the shopper said. */
export const CORRECTED_WEIGHT = 0.85;
export const EXPANSION_WEIGHT = 0.7;
const LONGEST_PHRASE = 4;
/** Messages are capped at this many words for analysis (a shopper's essay still gets an answer). */
const MAX_WORDS = 200;

/** Merchant synonym groups (settings `agent.synonyms`) as phrase → the other members' words. */
export function synonymTable(groups: ReadonlyArray<readonly string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of groups) {
    const members = group.map((m) => foldedWords(m).join(' ')).filter(Boolean);
    for (const m of members) {
      const others = members.filter((o) => o !== m).join(' ');
      if (others) out.set(m, [out.get(m), others].filter(Boolean).join(' '));
    }
  }
  return out;
}

// Phrasal verbs split by their object: "send it back", "mailing the boots back" mean return.
const SPLIT_PHRASAL: Array<[RegExp, string]> = [
  [
    /\b(?:send|sending|sent|give|giving|gave|take|taking|took|bring|bringing|brought|ship|shipping|shipped|mail|mailing|mailed|post|posting)\s+(?:\w+\s+){1,3}back\b/g,
    'return',
  ],
];

export function analyze(
  text: string,
  index: StoreIndex,
  merchant: ReadonlyMap<string, string> = new Map(),
): AnalyzedQuery {
  let joined = foldedWords(text).slice(0, MAX_WORDS).join(' ');
  for (const [re, replacement] of SPLIT_PHRASAL) joined = joined.replace(re, replacement);
  const input = joined.split(' ').filter(Boolean);
  // An English word the store names its products with, written without accents, is the product ("the
  // Expedition 65L backpack"), not the other language's word it also spells ("expédition" → delivery).
  const raw = text.toLowerCase();
  const productWord = (w: string) =>
    ENGLISH_WORDS.has(w) && index.productTerms.has(index.stemmer.canon(w)) && raw.includes(w);
  const rewritten = rewrite(input, productWord);
  // A message in another language: the lexicon translated some of it, and most of its words (those it
  // translated and the others) are neither English nor the store's. The untranslated ones cannot be
  // judged, so they count as filler rather than as what the question is about.
  const notEnglish = (w: string) => !isStopword(w) && !ENGLISH_WORDS.has(w) && !index.stemmer.knows(w);
  const translated = input.filter((w) => REWRITES.has(w) && notEnglish(w));
  const untranslated = input.filter((w) => notEnglish(w) && !REWRITES.has(w) && !EXPANSIONS.has(w));
  const foreign =
    translated.length > 0 &&
    (untranslated.length + translated.length) * 2 >= input.filter((w) => !isStopword(w)).length;
  const words: string[] = [];
  const groups: TermGroup[] = [];
  const { stemmer, speller } = index;
  const term = (w: string, weight: number): WeightedTerm => ({
    term: stemmer.canon(w),
    weight: stemmer.otherTense(w) ? weight * EXPANSION_WEIGHT : weight,
  });
  const expansionTerms = (value: string | undefined): WeightedTerm[] =>
    (value ?? '')
      .split(' ')
      .filter((w) => w && !isStopword(w))
      .map((w) => term(w, EXPANSION_WEIGHT));

  // Per group, the position of its last word in `words`: what follows a service verb is its object.
  const at: number[] = [];
  const place = () => {
    while (at.length < groups.length) at.push(words.length - 1);
  };
  for (let i = 0; i < rewritten.length; ) {
    place();
    // Lexicon and merchant phrases first, longest first: "money back" before "back".
    let matched = false;
    for (let len = Math.min(LONGEST_PHRASE, rewritten.length - i); len >= 1 && !matched; len--) {
      const phrase = rewritten.slice(i, i + len).join(' ');
      if (FILLER_PHRASES.has(phrase)) {
        for (const w of rewritten.slice(i, i + len)) {
          words.push(w);
          if (!isStopword(w)) groups.push({ surface: w, kind: 'filler', terms: [term(w, 1)] });
        }
        i += len;
        matched = true;
        continue;
      }
      const extra = [merchant.get(phrase), EXPANSIONS.get(phrase)].filter(Boolean).join(' ');
      if (!extra) continue;
      // The phrase's own words count only where the store uses them ("someone elses" adds nothing), and
      // not at all in a phrase naming an off-topic subject: "stock market" is not about stock.
      // A question phrase ("how long", "how much") means only what the lexicon says: "long" is not asked.
      const offTopic = extra.split(' ').some((w) => OFF_TOPIC.has(w));
      const own =
        offTopic || QUESTION_WORD.test(phrase) || READING_ONLY.has(phrase)
          ? []
          : rewritten.slice(i, i + len).filter((w) => !isStopword(w) && !FILLER.has(w) && stemmer.knows(w));
      const added = expansionTerms(extra);
      // A phrase naming a catalog thing ("trail runners") is one thing said, however many words it has.
      const catalog = len > 1 && added.length > 0 && added.every((t) => index.productTerms.has(t.term));
      if (own.length > 1 && !catalog) {
        // Several words of their own ("wrong item"): each is a group, so an article with only "item"
        // does not cover the phrase; what the phrase means is one more group.
        for (const w of own) groups.push({ surface: w, kind: 'word', terms: [term(w, ownWeight(w))] });
        const more = added.filter((t) => !own.some((w) => term(w, 1).term === t.term));
        if (more.length) groups.push({ surface: phrase, kind: 'word', terms: more });
      } else {
        groups.push({
          surface: phrase,
          kind: 'word',
          specific: PLACES.has(phrase),
          terms: [...own.map((w) => term(w, ownWeight(w))), ...added],
          ...(offTopic ? { offTopic: true } : {}),
          ...(catalog ? { catalog: true } : {}),
        });
      }
      words.push(...rewritten.slice(i, i + len));
      i += len;
      matched = true;
    }
    if (matched) continue;

    let w = rewritten[i]!;
    i++;
    if (isStopword(w) || MEASURE.test(w) || w.length < 2) {
      words.push(w);
      continue;
    }
    // A common word naming which discount or price is meant ("military discount") is what is asked,
    // not how it is said: the store's student discount does not answer it.
    const names = NAMED_OFFER.has(rewritten[i] ?? '');
    if (
      FILLER.has(w) ||
      (COMMON_ENGLISH.has(w) && !names && !index.stemmer.knows(w) && !EXPANSIONS.has(w) && !merchant.has(w))
    ) {
      words.push(w);
      groups.push({ surface: w, kind: 'filler', terms: [term(w, 1)] });
      continue;
    }
    let kind: GroupKind = 'word';
    // A real English word the store never uses is not a typo ("hiring" is not "hiking"): it stays
    // unknown, and weighs as what the question is probably about.
    if (!stemmer.knows(w) && !EXPANSIONS.has(w) && !merchant.has(w) && !ENGLISH_WORDS.has(w)) {
      const fixed = speller.correct(w);
      if (fixed) {
        w = fixed;
        kind = 'corrected';
      } else kind = 'unknown';
    } else if (!stemmer.knows(w)) kind = 'unknown';
    words.push(w);
    if (isStopword(w)) continue;
    if (kind === 'corrected' && FILLER.has(w)) {
      groups.push({ surface: w, kind: 'filler', terms: [term(w, 1)] });
      continue;
    }
    const extra = [merchant.get(w), EXPANSIONS.get(w), productWord(w) ? undefined : REWRITES.get(w)]
      .filter(Boolean)
      .join(' ');
    groups.push({
      surface: w,
      kind: kind === 'unknown' && extra ? 'word' : kind,
      terms: [term(w, kind === 'corrected' ? CORRECTED_WEIGHT : ownWeight(w)), ...expansionTerms(extra)],
      ...(OFF_TOPIC.has(w) ? { offTopic: true } : {}),
      ...(ENGLISH_WORDS.has(w) ? { dictionary: true } : {}),
    });
  }
  place();
  if (foreign) for (const g of groups) if (g.kind === 'unknown') g.kind = 'filler';
  // "tesla stock", "amazon shares": right after a name the store never uses, stock is a company's, not
  // the store's stock.
  groups.forEach((g, k) => {
    const prev = groups[k - 1];
    if (!SHARES.has(g.surface) || (prev?.kind !== 'unknown' && prev?.kind !== 'corrected')) return;
    if (at[k - 1] !== (at[k] ?? 0) - g.surface.split(' ').length) return;
    g.terms = [{ term: 'investing', weight: 1 }];
    g.offTopic = true;
  });
  markRoles(groups, index);
  markServiceObjects(groups, at, words);
  // "size 3" picks a product ("kids hiking boots size 3"); "what size" asks about sizing.
  groups.forEach((g, k) => {
    if (g.role === 'service' && g.surface === 'size' && /^\d/.test(words[(at[k] ?? -1) + 1] ?? '')) delete g.role;
  });
  if (!groups.some((g) => g.role === 'service')) for (const g of groups) delete g.role;
  return { words, english: words.join(' '), groups };
}

/** What a company issues to investors. */
const SHARES = new Set(['stock', 'stocks', 'share', 'shares']);

/** A number, or a measurement ("6ft", "190lbs", "42cm", "45l"): how much, never what is asked about. */
const MEASURE = /^\d+(?:\.\d+)?(?:ft|in|cm|mm|m|kg|lbs?|l|st|yo|yrs?)?$/;

const DETERMINER = new Set('my a an the your our this these that his her their some'.split(' '));

/**
 * An everyday word the store never uses right after a service verb is what the question is about, not
 * a detail of it: "wash my car", "change a tire" are not the store's washing or order-change articles.
 */
function markServiceObjects(groups: TermGroup[], at: readonly number[], words: readonly string[]): void {
  groups.forEach((g, k) => {
    // A verb's object: "wash my car", not "exchanges handled", "shipping options" or "care instructions".
    if (g.role !== 'service' || !SERVICE_VERBS.has(g.surface)) return;
    let j = (at[k] ?? -1) + 1;
    while (j < words.length && DETERMINER.has(words[j]!)) j++;
    const next = groups.findIndex((o, n) => at[n] === j && o.kind === 'unknown' && o.dictionary);
    if (next >= 0) groups[next]!.serviceObject = true;
  });
}

/** Marks service groups, and, when there is one, the groups that only name catalog things as objects. */
function markRoles(groups: TermGroup[], index: StoreIndex): void {
  // A place alone ("boots for a trip to Scotland") is not an after-sales matter; "ship to Scotland" is.
  for (const g of groups)
    if (g.kind !== 'unknown' && !g.specific && (SERVICE.has(g.surface) || g.terms.some((t) => SERVICE.has(t.term))))
      g.role = 'service';
  if (!groups.some((g) => g.role === 'service')) return;
  for (const g of groups)
    if (!g.role && g.kind !== 'filler' && (g.catalog || g.terms.every((t) => index.productTerms.has(t.term))))
      g.role = 'object';
}

/** The message with chat spelling and other languages rewritten to English (no store needed). */
export function toEnglish(text: string): string {
  return rewrite(foldedWords(text)).join(' ');
}

/** Chat spelling and other languages to English, longest phrase first; `keep` words stay as they are. */
function rewrite(input: readonly string[], keep: (word: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (let i = 0; i < input.length; ) {
    let done = false;
    for (let len = Math.min(LONGEST_PHRASE, input.length - i); len >= 1 && !done; len--) {
      const value = REWRITES.get(input.slice(i, i + len).join(' '));
      if (value === undefined || (len === 1 && keep(input[i]!))) continue;
      out.push(...value.split(' '));
      i += len;
      done = true;
    }
    if (!done) {
      const w = fold(input[i++]!);
      out.push(...(compoundHead(w) ?? [w]));
    }
  }
  return out;
}

/**
 * A German or Dutch compound ending in a word the lexicon translates is that word: "Daunenjacke" is a
 * jacket, "Kreditkarte" a card, "Regenjas" a jacket. Real English words are left alone.
 */
function compoundHead(w: string): string[] | null {
  if (w.length < 8 || ENGLISH_WORDS.has(w)) return null;
  for (let k = 3; k <= w.length - 4; k++) {
    const value = REWRITES.get(w.slice(k));
    if (value) return value.split(' ');
  }
  return null;
}
