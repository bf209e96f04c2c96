// Intent before skill: what the whole message is asking for, decided from its (rewritten, corrected)
// words before any skill answers. After-sales and policy words (return, warranty, broke, delivery,
// size, wash…) make it a question even when it names a product ("the sole came off my hiking boots",
// "do you offer express delivery"); asking for products outright makes it a product search; a named
// product with no question around it ("waterproof hiking boots") leans to product search too. The
// thing asked for (asked.ts) says whether a request is for something sold, a store matter or neither;
// how-to, who- and what-time questions never get cards; tasks a shop assistant does not do ("help me
// plan a trip", "write a poem") are not answered at all.
import { thingAsked, type Asked } from './asked';
import type { AnalyzedQuery } from './language/query';
import type { StoreIndex } from './retrieval/snapshot';

export interface Intent {
  /** Asks for products outright ("recommend", "looking for", "do you sell", "gift for", "I need a"). */
  explicitShopping: boolean;
  /** Suggests shopping without saying so ("best", "cheap", "how much", a price range). */
  weakShopping: boolean;
  /** Mentions an after-sales or store-policy matter, or a product the shopper already has ("my boots"). */
  service: boolean;
  /** Phrased as a question about how things work ("how do I", "can I", "is it", "why"). */
  informational: boolean;
  /** Names something the catalog sells (a category or product word). */
  namesProduct: boolean;
  /** The thing the request asks for (asked.ts), or null when no noun phrase is asked for. */
  asked: Asked | null;
  /** How to do something ("how do I pitch a tent"): answered from an article or not at all, never with cards. */
  howTo: boolean;
  /** A factual or who-question ("what time does the sun set", "who makes the best boots"): never cards. */
  factual: boolean;
  /** A task a shop assistant does not do ("help me plan a trip", "write me a poem", "translate…"). */
  offTask: boolean;
}

const EXPLICIT = [
  /\b(?:recommend|recommendation|recommendations|suggest|suggestion|suggestions)\b/,
  /\b(?:looking|shopping|searching|hunting)\s+for\b/,
  /\bin\s+the\s+market\s+for\b/,
  /\bshow\s+me\b/,
  /\b(?:do|does)\s+(?:you|the\s+store)\s+(?:have|sell|carry|stock|offer|make)\b/,
  /\b(?:have|got)\s+(?:you\s+)?any\b/,
  /\bwhat\s+(?:do\s+you\s+have|have\s+you\s+got|would\s+you\s+recommend)\b/,
  /\b(?:gift|present|something|anything)\s+(?:for|idea|ideas)\b/,
  /\b(?:i|we)\s+(?:need|want|would\s+like|d\s+like)\s+(?:a|an|some|something|anything|new|to\s+buy)\b/,
  /\b(?:something|anything)\s+(?:\w+\s+)?(?:to\s+wear|to\s+keep|to\s+take)\b/,
  /\bi\s+am\s+after\b/,
  /\bhelp\s+(?:me\s+|us\s+)?(?:find|choose|pick|select)\b/,
  /\bany\s+\w+(?:\s+\w+)?\s+(?:under|below|for\s+less\s+than)\b/,
];
const WEAK = [
  /\b(?:buy|purchase|cheap|cheapest|affordable|budget|best|good|warm|lightweight)\b/,
  /\bhow\s+much\s+(?:is|are|does|do)\s+(?:the|a|an|your)\b/,
];
const HOW_TO = /^(?:so\s+|and\s+|ok\s+)?how\s+(?:do|does|can|could|should|would|did|to|i|you|we)\b/;
const FACTUAL =
  /^(?:so\s+|and\s+|ok\s+)?(?:who|whom|whose)\b|^(?:what|which)\s+(?:time|year|day|date|month|age|temperature)\b|^how\s+(?:many|far|tall|high|old|deep|big)\b/;
/** Tasks for a general assistant, not a shop's: asked of the agent ("can you…", "help me…", or an order). */
const OFF_TASK =
  /^(?:(?:hi|hey|hello|so|ok|please)\s+)*(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?)?(?:help\s+(?:me\s+|us\s+)?(?:to\s+)?)?(?:plan|write|compose|translate|solve|calculate|draw|sing|summari[sz]e|tell\s+(?:me\s+)?a\s+(?:joke|story|riddle)|do\s+my\s+homework)\b/;
const INFORMATIONAL =
  /^(?:how|why|when|where|can|could|is|are|does|do\s+i|do\s+my|will|would|should|what\s+is|what\s+are|what\s+if|whats|which)\b|^(?:what|which)\s+(?:\w+\s+)?(?:should|do|can)\s+i\b/;

/**
 * "my boots", "our tent": something the shopper already has. A message about it is after-sales ("my
 * boots let water in", "my rain jacket is wetting through"), not a request for more of it.
 */
function namesOwnedProduct(query: AnalyzedQuery, index: StoreIndex): boolean {
  const w = query.words;
  for (let i = 0; i < w.length; i++) {
    if (w[i] !== 'my' && w[i] !== 'our') continue;
    for (let j = i + 1; j <= i + 2 && j < w.length; j++)
      if (index.productTerms.has(index.stemmer.canon(w[j]!))) return true;
  }
  return false;
}

export function classify(query: AnalyzedQuery, index: StoreIndex, hasPriceRange: boolean): Intent {
  const t = query.english;
  const words = new Set(query.words);
  const explicitShopping = hasPriceRange || EXPLICIT.some((re) => re.test(t));
  // Something the shopper has is after-sales, unless they ask for products outright ("something warm to
  // wear under my jacket").
  const service =
    query.groups.some((g) => g.role === 'service') ||
    [...words].some((w) => w === 'policy' || w === 'policies') ||
    (!explicitShopping && namesOwnedProduct(query, index));
  return {
    // A price range ("under $150") is a shopping request whatever else the message says.
    explicitShopping,
    weakShopping: hasPriceRange || WEAK.some((re) => re.test(t)),
    service,
    informational: INFORMATIONAL.test(t),
    namesProduct: query.groups.some((g) => g.kind !== 'filler' && g.terms.some((x) => index.productTerms.has(x.term))),
    asked: thingAsked(query, index),
    howTo: HOW_TO.test(t),
    factual: FACTUAL.test(t),
    offTask: OFF_TASK.test(t),
  };
}
