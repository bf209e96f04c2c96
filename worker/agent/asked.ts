// The thing a request asks for: the head of the noun phrase after a shopping or opinion frame ("do you
// sell SKI BOOTS", "recommend a good hiking TRAIL", "what's the best running APP", "looking for a TENT
// that fits 4"), or of a message that is only a noun phrase ("SOCKS for cold feet"). What the head is
// decides what may answer, from the store's own content, never from a list of questions:
//   - 'product': a kind of thing the catalog sells (the last word of a product title or category, a
//     title word of one category only, or a lexicon word standing for one: "sneakers", "coat");
//   - 'gift': a present or an idea ("gift ideas for a runner", "something warm");
//   - 'store': a store matter (an after-sales word, or a word of an article's title or topic);
//   - 'other': anything else, including a catalog word that only ever qualifies a product ("trail" of
//     "Trail Running Shoe") used as the head ("a hiking trail"): the store has no such thing.
// `notCarried`: a product head qualified by a catalog word no product of that kind uses ("ski boots"
// when ski is only said of jackets): another kind of product, which the store does not sell.
import { ENGLISH_WORDS } from './language/english-words';
import { EXPANSIONS } from './language/lexicon';
import type { AnalyzedQuery } from './language/query';
import { SERVICE } from './language/service-words';
import type { StoreIndex } from './retrieval/snapshot';

export interface Asked {
  kind: 'product' | 'gift' | 'store' | 'other';
  /** The head word as the shopper wrote it (after rewrites and correction). */
  head: string;
  /** The words of the noun phrase, head last. */
  phrase: string[];
  /** A product head qualified by a word no product of its kind uses ("ski boots"). */
  notCarried: boolean;
  /** Whether a frame introduced it (a request), rather than the message being a bare noun phrase. */
  framed: boolean;
}

// Frames that introduce what is asked for, matched on the rewritten English words.
const FRAME = new RegExp(
  [
    '\\b(?:looking|searching|shopping|hunting)\\s+(?:around\\s+)?for',
    '\\bin\\s+the\\s+market\\s+for',
    '\\b(?:do|does)\\s+(?:you|the\\s+store|your\\s+store)\\s+(?:guys\\s+)?(?:have|sell|carry|stock|make|offer|do)(?:\\s+any)?',
    '\\b(?:have|got)\\s+(?:you\\s+)?(?:got\\s+)?any',
    // "do I need…" asks what is required, not for a product
    '(?<!\\b(?:do|does|did|will|would|should|must)\\s+)\\b(?:i|we)\\s+(?:really\\s+)?(?:need|want|would\\s+like|d\\s+like)(?:\\s+to\\s+(?:buy|get|find|order))?',
    '\\b(?:recommend|suggest)(?:\\s+me)?',
    '\\bshow\\s+me',
    '\\bhelp\\s+(?:me\\s+)?(?:find|choose|pick)',
    '\\bwhere\\s+can\\s+i\\s+(?:buy|get|find)',
    '\\b(?:what|whats|which)\\s+(?:is\\s+|are\\s+|s\\s+)?(?:the\\s+|a\\s+|an\\s+|your\\s+|some\\s+)?(?:good|best|top|nicest|greatest|favourite|favorite|most\\s+popular|decent|great)',
    '^(?:and\\s+|so\\s+|ok\\s+|okay\\s+|hi\\s+|hey\\s+|hello\\s+)?any',
    // "what hiking boots do you have", "which tent would you recommend"
    '^(?:what|which)(?=(?:\\s+\\w+){1,3}\\s+(?:do|does|would|can|could)\\s+(?:you|u)\\s+(?:have|sell|carry|stock|offer|recommend|suggest))',
    '\\b(?:what|whats)\\s+(?:do|have)\\s+(?:you|u)\\s+(?:got|have|sell|carry)',
    // the price of a thing: "how much is the expedition backpack"
    '\\bhow\\s+much\\s+(?:is|are|does|do|for)',
  ].join('|'),
);
/** Words that end a noun phrase: qualifiers and the start of another clause. */
const BOUNDARY = new Set(
  (
    'for with near in on at to that which who whom under below over from about without like than between around ' +
    'mine it its they their them but because so and or as since i my if when while do does is are can could ' +
    'would should will please thanks thank you your me we us'
  ).split(' '),
);
/** Words inside a noun phrase that are not its head. */
const NOT_HEAD = new Set(
  (
    'a an the some any new pair pairs of one good best nice decent great top cheap cheapest affordable really ' +
    'very most more quality proper couple few other another way ways time place thing things option options method'
  ).split(' '),
);
/** Adjective and participle endings: such a word before a product describes it, it does not name a kind. */
const DESCRIBING = /(?:ible|able|ous|ful|less|ive|ic|ing|ed|weight|proof|y|al|ish|est|er)$/;
/** An activity: the gerund of a sport ("climbing", "cycling"). */
const ACTIVITY = /[a-z]{3,}ing$/;
/** Gifts, ideas and words for products in general ("I need gear for a winter hike"). */
const GIFT = new Set(
  'gift gifts present presents idea ideas stuffer stuffers something anything gear equipment kit clothes clothing'.split(
    ' ',
  ),
);
/** A qualifier right after a request frame: the request is for products in general, so qualified. */
const GENERIC_QUALIFIER = new Set('for with under below that in'.split(' '));

/** The catalog's kinds of product, per snapshot (built once per content version). */
const kindsCache = new WeakMap<StoreIndex, Set<string>>();
function productHeads(index: StoreIndex): Set<string> {
  let heads = kindsCache.get(index);
  if (heads) return heads;
  heads = new Set<string>();
  const last = (text: string) => {
    const w = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    return w.length ? index.stemmer.canon(w[w.length - 1]!) : null;
  };
  for (const p of index.products) for (const t of [last(p.title), last(p.category)]) if (t) heads.add(t);
  for (const t of index.kindOf.keys()) heads.add(t);
  kindsCache.set(index, heads);
  return heads;
}

export function thingAsked(query: AnalyzedQuery, index: StoreIndex): Asked | null {
  const words = query.words;
  const m = FRAME.exec(query.english);
  let start = 0;
  if (m)
    start = query.english
      .slice(0, m.index + m[0].length)
      .split(' ')
      .filter(Boolean).length;
  const phrase: string[] = [];
  for (let i = start; i < words.length; i++) {
    const w = words[i]!;
    if (BOUNDARY.has(w)) {
      if (phrase.length) break;
      if (!m) return null; // a message that starts with a clause, not a noun phrase
      // "what do you have for cold weather", "anything under $50": products in general, qualified.
      // What qualifies it is its phrase, so an after-sales word there ("suggest for sizing") still counts.
      if (GENERIC_QUALIFIER.has(w)) {
        const rest: string[] = [];
        for (let j = i + 1; j < words.length && !BOUNDARY.has(words[j]!); j++) rest.push(words[j]!);
        return { kind: 'gift', head: 'anything', phrase: rest, notCarried: false, framed: true };
      }
      continue;
    }
    if (!phrase.length && NOT_HEAD.has(w)) continue;
    // A message opening with what happened to something ("received hiking boots as a present, wrong
    // size", "got two left shoes") tells a story about a purchase, it is no noun phrase asking for one.
    if (!m && !phrase.length && happened(w, index)) return null;
    phrase.push(w);
  }
  // Words neither English nor the store's ("impermeables" after "botas") cannot be judged: not the head.
  const judged = (w: string) =>
    ENGLISH_WORDS.has(w) || !query.groups.some((g) => g.surface === w && (g.kind === 'filler' || g.kind === 'unknown'));
  const content = phrase.filter((w) => !NOT_HEAD.has(w) && !/^\d/.test(w));
  while (content.length > 1 && !judged(content[content.length - 1]!)) content.pop();
  // After a kind the catalog sells, words the store never uses are a description in another word
  // order ("una mochila grande"), not the head.
  const heads = productHeads(index);
  const isKind = (w: string) => {
    const g = query.groups.find((x) => x.surface.split(' ').includes(w));
    return [index.stemmer.canon(w), ...(g?.terms.map((t) => t.term) ?? [])].some((t) => heads.has(t));
  };
  const unknownToStore = (w: string) =>
    !index.stemmer.knows(w) &&
    query.groups.some((g) => g.surface === w && (g.kind === 'unknown' || g.kind === 'filler'));
  while (content.length > 1 && unknownToStore(content[content.length - 1]!) && content.slice(0, -1).some(isKind))
    content.pop();
  if (!content.length) return null;
  // "something warm", "gift ideas", "a present": a request for products in general; "gift cards" is not.
  const last = content[content.length - 1]!;
  const gift = GIFT.has(last) || content[0] === 'something' || content[0] === 'anything';
  const head = gift && !GIFT.has(last) ? content[0]! : last;
  const canon = index.stemmer.canon(head);
  const groupOf = query.groups.find((g) => g.surface.split(' ').includes(head));
  const termsOf = [canon, ...(groupOf?.terms.map((t) => t.term) ?? [])];
  const base = { head, phrase: content, framed: m !== null, notCarried: false };
  if (gift || (content.length === 1 && termsOf.some((t) => GIFT.has(t)))) return { ...base, kind: 'gift' };
  if (termsOf.some((t) => heads.has(t))) {
    return { ...base, kind: 'product', notCarried: otherKind(content, termsOf, index) };
  }
  const family = [...index.families.values()];
  if (termsOf.some((t) => SERVICE.has(t) || SERVICE.has(head) || family.some((f) => f.has(t))))
    return { ...base, kind: 'store' };
  // A one-word request for a describing catalog word ("any waterproof?") still asks for products; a
  // noun the catalog only uses to qualify a product ("the best trail to hike") does not.
  if (content.length === 1 && DESCRIBING.test(head) && index.productTerms.has(canon))
    return { ...base, kind: 'product' };
  return { ...base, kind: 'other' };
}

/** Whether the store's products or articles use the word. */
function storeSays(index: StoreIndex, term: string): boolean {
  return index.productIndex.df.has(term) || index.articleIndex.df.has(term);
}

/** Past forms that open a story about something the shopper has: "got", "received", "bought". */
const PAST = new Set('got bought sent gave brought took wore received ordered'.split(' '));

/** A past verb, not a word the catalog describes its products with ("insulated", "padded"). */
function happened(w: string, index: StoreIndex): boolean {
  return (
    PAST.has(w) || (/^\w{2,}[^e]ed$/.test(w) && ENGLISH_WORDS.has(w) && !index.productTerms.has(index.stemmer.canon(w)))
  );
}

/**
 * The word right before a product head, when the catalog uses it but no product of the head's kind
 * does: "ski boots" (ski is said of jackets and base layers, of no boot) name another kind of boot.
 */
function otherKind(content: readonly string[], headTerms: readonly string[], index: StoreIndex): boolean {
  if (content.length < 2) return false;
  const said = content[content.length - 2]!;
  const modifier = index.stemmer.canon(said);
  // An activity the store never mentions ("climbing shoes", "bowling shoes") names a kind it does not sell.
  if (ACTIVITY.test(said) && ENGLISH_WORDS.has(said) && !EXPANSIONS.has(said) && !storeSays(index, modifier))
    return true;
  // Describing words ("lightweight", "compatible", "insulated", "hiking") say how, not which kind.
  if (DESCRIBING.test(said)) return false;
  if (!index.productIndex.df.has(modifier)) return false;
  const ofKind = index.products
    .map((_, doc) => doc)
    .filter((doc) => headTerms.some((t) => index.productIndex.has(doc, t) && isTitleOrCategory(index, doc, t)));
  return ofKind.length > 0 && !ofKind.some((doc) => index.productIndex.has(doc, modifier));
}

function isTitleOrCategory(index: StoreIndex, doc: number, term: string): boolean {
  const f = index.productIndex.fieldsOf(doc, term);
  return f !== undefined && ((f[0] ?? 0) > 0 || (f[1] ?? 0) > 0);
}
