// Turning a shopper's free text into words and meaningful terms, for the escalation rules, small talk
// and the retrieval pipeline (language/). Nothing here builds SQL: the agent scores in memory.

/** Lower-cased words (letters, digits, combining marks); apostrophes are dropped so "don't" is "dont". */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** The text as one lower-case, single-spaced string of words, for phrase matching with regexes. */
export function normalized(text: string): string {
  return words(text).join(' ');
}

// Question scaffolding and chat filler: they say nothing about which article or product is meant.
const STOPWORDS = new Set(
  (
    'a about above after again all also am an and any anyone anything are as at be been before being but by ' +
    'can cant could did do does doing dont for from get got had has have having he her here hers him his how hows ' +
    'i id if ill im in into is isnt it its ive just know let lets like me might mine more most much must my myself ' +
    'need no nor not now of off ok okay on once only or other our ours out over own please pls plz really ' +
    'same she should so some something such tell than thank thanks that thats the their them then there theres these they ' +
    'this those through to too under until up us very was wasnt way we were what whats when where wheres which ' +
    'while who whos why will with wonder wondering would yes yet you your youre yours ' +
    'hi hello hey hiya howdy info information question questions policy policies help want wanted looking ' +
    'guys hmm um uh'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Every stopword: known words that spelling correction may land on (and then drop). */
export function stopwords(): Iterable<string> {
  return STOPWORDS;
}

/** At most this many terms reach a search: keeps queries (and their bound parameters) small. */
export const MAX_TERMS = 10;

/** Distinct, meaningful search terms in order of appearance. */
export function contentTerms(text: string, alsoDrop: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOPWORDS.has(w) || alsoDrop.has(w)) continue;
    if (w.length < 2) continue;
    if (!out.includes(w)) out.push(w);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/**
 * Whether the words contain `phrase` (a keyword or multi-word phrase) as a run of whole words. The last
 * word may carry a simple inflection, so "scam" matches "scammed" and "bulk order" matches "bulk orders",
 * but "sue" does not match "suede".
 */
export function hasPhrase(textWords: readonly string[], phrase: string): boolean {
  const target = words(phrase);
  if (!target.length) return false;
  for (let i = 0; i + target.length <= textWords.length; i++) {
    let ok = true;
    for (let j = 0; j < target.length && ok; j++) {
      const w = textWords[i + j] ?? '';
      const t = target[j] ?? '';
      ok = j === target.length - 1 ? inflectionOf(w, t) : w === t;
    }
    if (ok) return true;
  }
  return false;
}

function inflectionOf(word: string, base: string): boolean {
  if (word === base) return true;
  if (!word.startsWith(base)) return false;
  return /^(?:s|es|d|ed|ing|[a-z](?:ed|ing))$/.test(word.slice(base.length));
}
